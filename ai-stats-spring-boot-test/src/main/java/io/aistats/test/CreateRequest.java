package io.aistats.test;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A create request that passed schema validation (§3.1): the members the simulator acts on.
 *
 * @param model the requested model ({@code sora-2} when absent)
 * @param prompt the prompt ({@code ""} when absent)
 * @param seconds the OpenAI-style duration string, if given
 * @param duration the canonical duration, if given
 * @param size explicit size, if given
 * @param resolution resolution, if given
 * @param aspectRatio aspect ratio, if given
 * @param sampleCount number of outputs (default 1)
 * @param outputAccess {@code bytes}, {@code signed_url} or {@code both}
 * @param webhookEndpointId {@code webhook.endpoint_id}, if a webhook was configured
 * @param webhookEvents {@code webhook.events} after normalisation (valid entries only)
 */
record CreateRequest(String model, String prompt, @Nullable String seconds, @Nullable Integer duration,
        @Nullable String size, @Nullable String resolution, @Nullable String aspectRatio, int sampleCount,
        String outputAccess, @Nullable String webhookEndpointId, List<String> webhookEvents) {
}
