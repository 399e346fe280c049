/**
 * Spring Boot auto-configuration of the AI Stats video client, webhook endpoint and health indicator, bound from
 * {@code ai-stats.*} properties.
 */
@NullMarked
package io.aistats.autoconfigure;

import org.jspecify.annotations.NullMarked;
