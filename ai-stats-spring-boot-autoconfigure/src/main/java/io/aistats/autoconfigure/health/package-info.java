/**
 * Actuator health indicator of the AI Stats gateway ({@code aiStats}) and its auto-configuration.
 */
@NullMarked
package io.aistats.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
