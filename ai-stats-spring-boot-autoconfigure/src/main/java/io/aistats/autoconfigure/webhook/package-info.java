/**
 * Auto-configuration of the webhook receiver: verification, de-duplication and publishing of the gateway's signed
 * deliveries as {@code VideoJobEvent}s, the Spring MVC and WebFlux endpoints, and their Spring Security
 * integration, bound from {@code ai-stats.webhook.*}.
 */
@NullMarked
package io.aistats.autoconfigure.webhook;

import org.jspecify.annotations.NullMarked;
