package io.aistats.test;

import java.util.List;
import java.util.Map;

/**
 * One video model of the simulated catalogue and how the simulated provider behind it reports jobs.
 *
 * @param id gateway model id, e.g. {@code openai/sora-2}
 * @param name display name
 * @param provider internal provider id, as reported by the create response (e.g. {@code bytedance-seed})
 * @param publicProvider public provider id, as shown in job objects (e.g. {@code byteplus})
 * @param providerModel the model name the route reports ({@code sora-2} for OpenAI, else the gateway id)
 * @param inputTypes input modalities
 * @param supportedParams canonical parameter names the provider supports
 * @param paramDetails per-parameter details (allowed values)
 * @param defaultSeconds output duration when the request names none
 * @param nanosPerSecond price in nano-USD per output second
 */
record VideoModel(String id, String name, String provider, String publicProvider, String providerModel,
        List<String> inputTypes, List<String> supportedParams, Map<String, List<Object>> paramDetails,
        int defaultSeconds, long nanosPerSecond) {

    /** @return whether jobs are routed through OpenAI, whose vocabulary and types differ (§4.2, §4.9) */
    boolean isOpenAi() {
        return "openai".equals(this.publicProvider);
    }

    /** @return whether failed jobs answer content requests with 502 {@code upstream_error} rather than 409 */
    boolean failedContentIsUpstreamError() {
        return isOpenAi() || this.publicProvider.startsWith("google") || "fal".equals(this.publicProvider);
    }

    /**
     * @return whether webhook/WebSocket data of a running job carries a {@code cancel_url}; these are also the
     * providers the cancel route can cancel once it is switched on
     */
    boolean advertisesCancelUrl() {
        return switch (this.publicProvider) {
            case "openai", "alibaba", "alibaba-cloud", "qwen", "runway" -> true;
            default -> false;
        };
    }
}
