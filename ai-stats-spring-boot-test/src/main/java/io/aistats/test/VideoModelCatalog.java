package io.aistats.test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The simulated model catalogue ({@code GET /v1/videos/models}) and the resolution of a create request's
 * {@code model} to a provider.
 */
final class VideoModelCatalog {

    /** The model the gateway assumes when a create request names none. */
    static final String DEFAULT_MODEL = "sora-2";

    private static final long NANOS_PER_CENT = 10_000_000L;

    private static final List<VideoModel> MODELS = List.of(
            new VideoModel("openai/sora-2", "Sora 2", "openai", "openai", "sora-2", List.of("text", "image"),
                    List.of("aspect_ratio", "duration", "resolution", "seed"),
                    Map.of("duration", List.of(4, 8, 12)), 4, 10 * NANOS_PER_CENT),
            new VideoModel("openai/sora-2-pro", "Sora 2 Pro", "openai", "openai", "sora-2-pro",
                    List.of("text", "image"), List.of("aspect_ratio", "duration", "resolution", "seed"),
                    Map.of("duration", List.of(4, 8, 12), "resolution", List.of("720p", "1080p")), 4,
                    30 * NANOS_PER_CENT),
            new VideoModel("google/veo-3.1-lite", "Veo 3.1 Lite", "google-ai-studio", "google-ai-studio",
                    "google/veo-3.1-lite", List.of("text", "image"),
                    List.of("aspect_ratio", "duration", "generate_audio", "negative_prompt", "resolution",
                            "sample_count", "seed"),
                    Map.of("duration", List.of(4, 6, 8), "resolution", List.of("720p", "1080p")), 8,
                    5 * NANOS_PER_CENT),
            new VideoModel("google/veo-3.1", "Veo 3.1", "google-ai-studio", "google-ai-studio", "google/veo-3.1",
                    List.of("text", "image", "video"),
                    List.of("aspect_ratio", "duration", "enhance_prompt", "generate_audio", "negative_prompt",
                            "person_generation", "resolution", "sample_count", "seed"),
                    Map.of("duration", List.of(4, 6, 8), "resolution", List.of("720p", "1080p")), 8,
                    40 * NANOS_PER_CENT),
            new VideoModel("bytedance/seedance-1.0-pro", "Seedance 1.0 Pro", "bytedance-seed", "byteplus",
                    "bytedance/seedance-1.0-pro", List.of("text", "image"),
                    List.of("aspect_ratio", "duration", "resolution", "seed"),
                    Map.of("duration", List.of(5, 10), "resolution", List.of("480p", "720p", "1080p")), 5,
                    3 * NANOS_PER_CENT));

    private VideoModelCatalog() {
    }

    /** @return every active model, in catalogue order */
    static List<VideoModel> all() {
        return MODELS;
    }

    /**
     * Resolves a create request's model: a gateway id ({@code openai/sora-2}) or a bare OpenAI name ({@code sora-2}).
     * @param requested the requested model
     * @return the model, or empty when the gateway would answer {@code unsupported_model_or_endpoint}
     */
    static Optional<VideoModel> resolve(String requested) {
        String wanted = requested.strip().toLowerCase(java.util.Locale.ROOT);
        for (VideoModel model : MODELS) {
            if (model.id().equals(wanted) || (model.isOpenAi() && model.providerModel().equals(wanted))) {
                return Optional.of(model);
            }
        }
        return Optional.empty();
    }

    /**
     * @param params the {@code params} query values (repeatable, comma-separated)
     * @return the canonical parameter names asked for; empty means "no filter"
     */
    static Set<String> canonicalParams(List<String> params) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String value : params) {
            for (String part : value.split(",")) {
                String name = part.strip().toLowerCase(java.util.Locale.ROOT);
                if (!name.isEmpty()) {
                    wanted.add(canonicalParam(name));
                }
            }
        }
        return wanted;
    }

    private static String canonicalParam(String name) {
        return switch (name) {
            case "size" -> "resolution";
            case "duration_seconds", "seconds" -> "duration";
            default -> name;
        };
    }

    /**
     * @param model a model
     * @param wanted canonical parameter names (see {@link #canonicalParams(List)}), empty for all
     * @return whether the model's provider supports at least one wanted parameter
     */
    static boolean supportsAny(VideoModel model, Set<String> wanted) {
        if (wanted.isEmpty()) {
            return true;
        }
        List<String> supported = new ArrayList<>(model.supportedParams());
        return supported.stream().anyMatch(wanted::contains);
    }
}
