package io.aistats.video.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.aistats.video.error.VideoRequestValidationException;
import io.aistats.video.internal.util.JsStrings;
import io.aistats.video.internal.util.VideoWebhookEvents;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * What to generate ({@code POST /videos}). The constructor checks everything the gateway would reject and throws
 * {@link VideoRequestValidationException} naming the wire field, so that an invalid request never reaches the
 * network; build one step by step with {@link #builder()}. Serialising the request (for example
 * {@code jsonMapper.writeValueAsString(request)}) yields the exact wire JSON: snake_case members, unset
 * ({@code null} or empty) fields omitted (the gateway rejects {@code null} for every optional field).
 * <p>
 * Unset {@code model} and {@code prompt} take the gateway's defaults ({@code sora-2} and the empty prompt, which is
 * only accepted together with an image input).
 * @param model gateway model id such as {@code openai/sora-2} or {@code google/veo-3.1-lite}
 * @param prompt what to generate, at most {@value #MAX_PROMPT_LENGTH} characters; may be blank only together with
 * an image input
 * @param seconds OpenAI-style duration, one of {@link #ALLOWED_SECONDS}; takes precedence over {@code duration}
 * @param duration duration in seconds, 1 to 120
 * @param inputVideoDuration length of a source video in seconds ({@code input_video_duration}, for billing), more
 * than 0 and at most 3600
 * @param inputAudioDuration length of a source audio in seconds ({@code input_audio_duration}), 2 to 20
 * @param size size such as {@code 1280x720}; never combined with resolution or aspect ratio
 * @param resolution resolution such as {@code 480p}, {@code 720p}, {@code 1080p}, {@code 4K}
 * @param aspectRatio aspect ratio ({@code aspect_ratio}) such as {@code 16:9}, {@code 9:16}, {@code 1:1}
 * @param seed random seed, at most {@value #MAX_SAFE_SEED} in magnitude (the gateway takes JavaScript safe integers)
 * @param sampleCount number of outputs ({@code sample_count}), 1 to 4
 * @param negativePrompt what to avoid ({@code negative_prompt})
 * @param generateAudio whether to generate audio ({@code generate_audio})
 * @param enhancePrompt whether the provider may rewrite the prompt ({@code enhance_prompt})
 * @param compressionQuality compression quality ({@code compression_quality}), 0 to 100
 * @param personGeneration provider policy on generating people ({@code person_generation})
 * @param resizeMode how an input image is fitted ({@code resize_mode})
 * @param inputReference the single image input ({@code input_reference}): exactly one of file id and image URL
 * @param inputReferences the media inputs ({@code input_references}), each at an absolute {@code https:} URL
 * (copied; {@code null} means empty)
 * @param providerParams provider-specific parameters ({@code provider_params}), JSON-compatible values (copied;
 * {@code null} means empty); keys the gateway controls through top-level fields (such as {@code duration} or
 * {@code model}) are rejected at any depth
 * @param provider provider routing hints ({@code provider}); empty hints count as none
 * @param outputAccess which URLs the job should expose (sent as {@code output.access}); {@code null} for the
 * gateway's default ({@code both})
 * @param webhook the webhook subscription; its events are normalised as the gateway does
 */
@JsonInclude(Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({ "model", "prompt", "seconds", "duration", "input_video_duration", "input_audio_duration", "size",
        "resolution", "aspect_ratio", "seed", "sample_count", "negative_prompt", "generate_audio", "enhance_prompt",
        "compression_quality", "person_generation", "resize_mode", "input_reference", "input_references",
        "provider_params", "provider", "output", "webhook" })
public record VideoGenerationRequest(@Nullable String model, @Nullable String prompt, @Nullable String seconds,
        @Nullable Integer duration, @JsonProperty("input_video_duration") @Nullable Double inputVideoDuration,
        @JsonProperty("input_audio_duration") @Nullable Double inputAudioDuration, @Nullable String size,
        @Nullable String resolution, @JsonProperty("aspect_ratio") @Nullable String aspectRatio, @Nullable Long seed,
        @JsonProperty("sample_count") @Nullable Integer sampleCount,
        @JsonProperty("negative_prompt") @Nullable String negativePrompt,
        @JsonProperty("generate_audio") @Nullable Boolean generateAudio,
        @JsonProperty("enhance_prompt") @Nullable Boolean enhancePrompt,
        @JsonProperty("compression_quality") @Nullable Integer compressionQuality,
        @JsonProperty("person_generation") @Nullable String personGeneration,
        @JsonProperty("resize_mode") @Nullable String resizeMode,
        @JsonProperty("input_reference") @Nullable ImageReference inputReference,
        @JsonProperty("input_references") @JsonInclude(Include.NON_EMPTY) List<InputReference> inputReferences,
        @JsonProperty("provider_params") @JsonInclude(Include.NON_EMPTY) Map<String, Object> providerParams,
        @Nullable ProviderRouting provider, @JsonIgnore @Nullable OutputAccess outputAccess,
        @Nullable Webhook webhook) {

    /** Longest prompt the gateway accepts, in characters. */
    public static final int MAX_PROMPT_LENGTH = 32_000;

    /** Largest magnitude of {@code seed}: 2^53 - 1, JavaScript's largest safe integer. */
    public static final long MAX_SAFE_SEED = 9_007_199_254_740_991L;

    /** Values the gateway accepts for {@code seconds}. */
    public static final List<String> ALLOWED_SECONDS = List.of("4", "8", "12", "16", "20");

    /** Longest {@code input_reference.image_url} the gateway accepts, in characters. */
    private static final int MAX_IMAGE_URL_LENGTH = 28_000_000;

    /**
     * Keys of {@code provider_params} the gateway controls through top-level fields, with {@code -} and {@code _}
     * removed, lower case.
     */
    private static final Set<String> FORBIDDEN_PROVIDER_PARAMS = Set.of("request", "model", "prompt", "input",
            "content", "duration", "durationseconds", "inputvideoduration", "inputvideodurationseconds",
            "inputaudioduration", "seconds", "size", "resolution", "aspectratio", "ratio", "samplecount",
            "numberofvideos", "callbackurl");

    /** Component names, for {@link #toString()}. */
    private static final String[] NAMES = { "model", "prompt", "seconds", "duration", "inputVideoDuration",
            "inputAudioDuration", "size", "resolution", "aspectRatio", "seed", "sampleCount", "negativePrompt",
            "generateAudio", "enhancePrompt", "compressionQuality", "personGeneration", "resizeMode", "inputReference",
            "inputReferences", "providerParams", "provider", "outputAccess", "webhook" };

    /**
     * Validates the request as the gateway would.
     * @throws VideoRequestValidationException naming the first offending wire field
     */
    public VideoGenerationRequest {
        inputReferences = (inputReferences != null) ? List.copyOf(inputReferences) : List.of();
        providerParams = Wire.objectOrEmpty(providerParams);
        provider = (provider != null && !provider.members().isEmpty()) ? provider : null;
        requireNonEmpty("model", model);
        checkPrompt(prompt, inputReference, inputReferences);
        if (seconds != null && !ALLOWED_SECONDS.contains(seconds)) {
            throw invalid("seconds", "must be one of " + String.join(", ", ALLOWED_SECONDS) + " but was '" + seconds
                    + "'");
        }
        requireRange("duration", duration, 1, 120);
        if (inputVideoDuration != null && !(inputVideoDuration > 0 && inputVideoDuration <= 3600)) {
            throw invalid("input_video_duration", "must be more than 0 and at most 3600 but was " + inputVideoDuration);
        }
        if (inputAudioDuration != null && !(inputAudioDuration >= 2 && inputAudioDuration <= 20)) {
            throw invalid("input_audio_duration", "must be between 2 and 20 but was " + inputAudioDuration);
        }
        requireNonEmpty("size", size);
        requireNonEmpty("resolution", resolution);
        requireNonEmpty("aspect_ratio", aspectRatio);
        if (size != null && (resolution != null || aspectRatio != null)) {
            throw invalid("size", "size cannot be combined with resolution or aspect_ratio");
        }
        if (seed != null && (seed < -MAX_SAFE_SEED || seed > MAX_SAFE_SEED)) {
            throw invalid("seed", "must be a safe integer, between -" + MAX_SAFE_SEED + " and " + MAX_SAFE_SEED
                    + ", but was " + seed);
        }
        requireRange("sample_count", sampleCount, 1, 4);
        requireRange("compression_quality", compressionQuality, 0, 100);
        checkInputReference(inputReference);
        checkInputReferences(inputReferences);
        checkProviderParams("provider_params", providerParams);
        webhook = (webhook != null) ? webhook.validated() : null;
    }

    /**
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A request with only a prompt; the gateway's default model applies.
     * @param prompt what to generate
     * @return the request
     * @throws VideoRequestValidationException when the prompt is blank or too long
     */
    public static VideoGenerationRequest of(String prompt) {
        return builder().prompt(prompt).build();
    }

    /**
     * @return a builder initialised with this request
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.model = this.model;
        builder.prompt = this.prompt;
        builder.seconds = this.seconds;
        builder.duration = this.duration;
        builder.inputVideoDuration = this.inputVideoDuration;
        builder.inputAudioDuration = this.inputAudioDuration;
        builder.size = this.size;
        builder.resolution = this.resolution;
        builder.aspectRatio = this.aspectRatio;
        builder.seed = this.seed;
        builder.sampleCount = this.sampleCount;
        builder.negativePrompt = this.negativePrompt;
        builder.generateAudio = this.generateAudio;
        builder.enhancePrompt = this.enhancePrompt;
        builder.compressionQuality = this.compressionQuality;
        builder.personGeneration = this.personGeneration;
        builder.resizeMode = this.resizeMode;
        builder.inputReference = this.inputReference;
        builder.inputReferences.addAll(this.inputReferences);
        builder.providerParams.putAll(this.providerParams);
        builder.provider = this.provider;
        builder.outputAccess = this.outputAccess;
        builder.webhook = this.webhook;
        return builder;
    }

    /**
     * Fills fields this request leaves unset with configured defaults; fields that are set are kept.
     * @param model the default model, or {@code null} for none
     * @param access the default output access, or {@code null} for none
     * @param webhookEndpointId the default webhook endpoint id, or {@code null} for none
     * @return this request when nothing was filled, else a validated copy
     * @throws VideoRequestValidationException when a default is invalid (for example an empty endpoint id)
     */
    public VideoGenerationRequest withDefaults(@Nullable String model, @Nullable OutputAccess access,
            @Nullable String webhookEndpointId) {
        boolean fillModel = this.model == null && model != null;
        boolean fillAccess = this.outputAccess == null && access != null;
        boolean fillWebhook = this.webhook == null && webhookEndpointId != null;
        if (!fillModel && !fillAccess && !fillWebhook) {
            return this;
        }
        Builder builder = toBuilder();
        if (fillModel) {
            builder.model(model);
        }
        if (fillAccess) {
            builder.outputAccess(access);
        }
        if (fillWebhook) {
            builder.webhook(webhookEndpointId);
        }
        return builder.build();
    }

    @JsonProperty("output")
    private @Nullable Map<String, String> outputMember() {
        return (this.outputAccess != null) ? Map.of("access", this.outputAccess.wireValue()) : null;
    }

    /** The set components only, so that a request reads like its JSON. */
    @Override
    public String toString() {
        Object[] values = { this.model, this.prompt, this.seconds, this.duration, this.inputVideoDuration,
                this.inputAudioDuration, this.size, this.resolution, this.aspectRatio, this.seed, this.sampleCount,
                this.negativePrompt, this.generateAudio, this.enhancePrompt, this.compressionQuality,
                this.personGeneration, this.resizeMode, this.inputReference, this.inputReferences,
                this.providerParams, this.provider, this.outputAccess, this.webhook };
        StringJoiner text = new StringJoiner(", ", "VideoGenerationRequest[", "]");
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value != null && !(value instanceof List<?> list && list.isEmpty())
                    && !(value instanceof Map<?, ?> map && map.isEmpty())) {
                text.add(NAMES[i] + "=" + value);
            }
        }
        return text.toString();
    }

    private static void checkPrompt(@Nullable String prompt, @Nullable ImageReference inputReference,
            List<InputReference> inputReferences) {
        if (prompt != null && prompt.length() > MAX_PROMPT_LENGTH) {
            throw invalid("prompt", "must be at most " + MAX_PROMPT_LENGTH + " characters but has " + prompt.length());
        }
        boolean imageInput = inputReference != null
                || inputReferences.stream().anyMatch((ref) -> ref.type() == InputReference.Type.IMAGE_URL);
        if ((prompt == null || JsStrings.isBlank(prompt)) && !imageInput) {
            throw invalid("prompt", "prompt is required unless an image input reference is provided");
        }
    }

    private static void checkInputReference(@Nullable ImageReference reference) {
        if (reference == null) {
            return;
        }
        if ((reference.fileId() == null) == (reference.imageUrl() == null)) {
            throw invalid("input_reference", "Provide exactly one of file_id or image_url");
        }
        requireNonEmpty("input_reference.file_id", reference.fileId());
        String imageUrl = reference.imageUrl();
        if (imageUrl != null && (imageUrl.isEmpty() || imageUrl.length() > MAX_IMAGE_URL_LENGTH)) {
            throw invalid("input_reference.image_url",
                    "must have 1 to " + MAX_IMAGE_URL_LENGTH + " characters but has " + imageUrl.length());
        }
    }

    private static void checkInputReferences(List<InputReference> references) {
        for (int i = 0; i < references.size(); i++) {
            InputReference reference = references.get(i);
            if (!HttpsUrls.isHttps(reference.url())) {
                throw invalid("input_references[" + i + "]." + reference.urlMember() + ".url",
                        "video input references must use https (an absolute https: URL) but was '" + reference.url()
                                + "'");
            }
        }
    }

    /** Rejects keys the gateway controls at any depth, as the gateway does (ignoring case, '-' and '_'). */
    private static void checkProviderParams(String path, @Nullable Object value) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                String childPath = path + "." + key;
                String normalized = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
                if (FORBIDDEN_PROVIDER_PARAMS.contains(normalized)) {
                    throw invalid(childPath, key + " must be supplied through a validated top-level video field");
                }
                checkProviderParams(childPath, entry.getValue());
            }
        }
        else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                checkProviderParams(path + "[" + i + "]", list.get(i));
            }
        }
        else if (value instanceof Object[] array) {
            checkProviderParams(path, Arrays.asList(array));
        }
    }

    /** The gateway requires only a non-empty string here: white space alone is accepted. */
    private static void requireNonEmpty(String field, @Nullable String value) {
        if (value != null && value.isEmpty()) {
            throw invalid(field, "must not be empty");
        }
    }

    private static void requireRange(String field, @Nullable Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw invalid(field, "must be between " + min + " and " + max + " but was " + value);
        }
    }

    private static VideoRequestValidationException invalid(String field, String message) {
        return new VideoRequestValidationException(field, message);
    }

    /**
     * The create request's webhook subscription ({@code webhook}): a workspace-managed endpoint and, optionally, the
     * job's own event list (the endpoint's list applies when it is empty).
     * @param endpointId id (a UUID) of an active endpoint of the workspace ({@code endpoint_id}); the client checks
     * only that it is not empty, the gateway the rest
     * @param events event names such as {@code video.completed} or {@code job.failed} (normalised when the request
     * is built); empty to use the endpoint's list
     */
    @JsonInclude(Include.NON_EMPTY)
    @JsonPropertyOrder({ "endpoint_id", "events" })
    public record Webhook(@JsonProperty("endpoint_id") String endpointId,
            @JsonProperty("events") List<String> events) {

        /**
         * @param endpointId id (a UUID) of an active endpoint of the workspace
         * @param events event names (copied; {@code null} means empty)
         */
        public Webhook {
            Objects.requireNonNull(endpointId, "endpointId");
            events = (events != null) ? List.copyOf(events) : List.of();
        }

        /** This subscription with its events normalised, as the gateway would read it. */
        private Webhook validated() {
            // any non-empty id passes the gateway's schema; whether it names an active endpoint is its own check
            requireNonEmpty("webhook.endpoint_id", this.endpointId);
            List<String> normalized = VideoWebhookEvents.normalizeAll(this.events);
            if (!this.events.isEmpty() && normalized.isEmpty()) {
                throw invalid("webhook.events", "Invalid video webhook configuration: none of " + this.events
                        + " is a video event (a phase " + VideoWebhookEvents.PHASES
                        + ", optionally prefixed with job. or video.)");
            }
            return new Webhook(this.endpointId, normalized);
        }
    }

    /**
     * Builds a {@link VideoGenerationRequest} step by step. Setters only record values (each is the component of the
     * same name); {@link #build()} validates them all.
     */
    public static final class Builder {

        private @Nullable String model;
        private @Nullable String prompt;
        private @Nullable String seconds;
        private @Nullable Integer duration;
        private @Nullable Double inputVideoDuration;
        private @Nullable Double inputAudioDuration;
        private @Nullable String size;
        private @Nullable String resolution;
        private @Nullable String aspectRatio;
        private @Nullable Long seed;
        private @Nullable Integer sampleCount;
        private @Nullable String negativePrompt;
        private @Nullable Boolean generateAudio;
        private @Nullable Boolean enhancePrompt;
        private @Nullable Integer compressionQuality;
        private @Nullable String personGeneration;
        private @Nullable String resizeMode;
        private @Nullable ImageReference inputReference;
        private final List<InputReference> inputReferences = new ArrayList<>();
        private final Map<String, Object> providerParams = new LinkedHashMap<>();
        private @Nullable ProviderRouting provider;
        private @Nullable OutputAccess outputAccess;
        private @Nullable Webhook webhook;

        private Builder() {
        }

        /** Sets {@link VideoGenerationRequest#model()}; {@code null} for the gateway's default. */
        public Builder model(@Nullable String model) {
            this.model = model;
            return this;
        }

        /** Sets {@link VideoGenerationRequest#prompt()}. */
        public Builder prompt(@Nullable String prompt) {
            this.prompt = prompt;
            return this;
        }

        /**
         * @param seconds OpenAI-style duration: {@code "4"}, {@code "8"}, {@code "12"}, {@code "16"} or
         * {@code "20"}; {@code null} to unset
         * @return this builder
         */
        public Builder seconds(@Nullable String seconds) {
            this.seconds = seconds;
            return this;
        }

        /**
         * @param seconds OpenAI-style duration: 4, 8, 12, 16 or 20 (sent as a string)
         * @return this builder
         */
        public Builder seconds(int seconds) {
            return seconds(Integer.toString(seconds));
        }

        /** Sets {@link VideoGenerationRequest#duration()}. */
        public Builder duration(int duration) {
            this.duration = duration;
            return this;
        }

        /** Sets {@link VideoGenerationRequest#inputVideoDuration()}. */
        public Builder inputVideoDuration(double seconds) {
            this.inputVideoDuration = seconds;
            return this;
        }

        /** Sets {@link VideoGenerationRequest#inputAudioDuration()}. */
        public Builder inputAudioDuration(double seconds) {
            this.inputAudioDuration = seconds;
            return this;
        }

        /** Sets {@link VideoGenerationRequest#size()}. */
        public Builder size(@Nullable String size) {
            this.size = size;
            return this;
        }

        /** Sets {@link VideoGenerationRequest#resolution()}. */
        public Builder resolution(@Nullable String resolution) {
            this.resolution = resolution;
            return this;
        }

        /** Sets {@link VideoGenerationRequest#aspectRatio()}. */
        public Builder aspectRatio(@Nullable String aspectRatio) {
            this.aspectRatio = aspectRatio;
            return this;
        }

        /** Sets {@link VideoGenerationRequest#seed()}. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Sets {@link VideoGenerationRequest#sampleCount()}. */
        public Builder sampleCount(int sampleCount) {
            this.sampleCount = sampleCount;
            return this;
        }

        /** Sets {@link VideoGenerationRequest#negativePrompt()}. */
        public Builder negativePrompt(@Nullable String negativePrompt) {
            this.negativePrompt = negativePrompt;
            return this;
        }

        /** Sets {@link VideoGenerationRequest#generateAudio()}. */
        public Builder generateAudio(boolean generateAudio) {
            this.generateAudio = generateAudio;
            return this;
        }

        /** Sets {@link VideoGenerationRequest#enhancePrompt()}. */
        public Builder enhancePrompt(boolean enhancePrompt) {
            this.enhancePrompt = enhancePrompt;
            return this;
        }

        /** Sets {@link VideoGenerationRequest#compressionQuality()}. */
        public Builder compressionQuality(int compressionQuality) {
            this.compressionQuality = compressionQuality;
            return this;
        }

        /** Sets {@link VideoGenerationRequest#personGeneration()}. */
        public Builder personGeneration(@Nullable String personGeneration) {
            this.personGeneration = personGeneration;
            return this;
        }

        /** Sets {@link VideoGenerationRequest#resizeMode()}. */
        public Builder resizeMode(@Nullable String resizeMode) {
            this.resizeMode = resizeMode;
            return this;
        }

        /** Sets {@link VideoGenerationRequest#inputReference()}; {@code null} for none. */
        public Builder inputReference(@Nullable ImageReference inputReference) {
            this.inputReference = inputReference;
            return this;
        }

        /**
         * @param inputReferences the media inputs, replacing any added before
         * @return this builder
         */
        public Builder inputReferences(List<InputReference> inputReferences) {
            this.inputReferences.clear();
            inputReferences.forEach(this::addInputReference);
            return this;
        }

        /**
         * @param inputReference a media input to append
         * @return this builder
         */
        public Builder addInputReference(InputReference inputReference) {
            this.inputReferences.add(Objects.requireNonNull(inputReference, "inputReference"));
            return this;
        }

        /** Sets {@link VideoGenerationRequest#providerParams()}; replaces any set before. */
        public Builder providerParams(Map<String, ?> providerParams) {
            this.providerParams.clear();
            providerParams.forEach(this::providerParam);
            return this;
        }

        /**
         * @param name a provider-specific parameter
         * @param value its value: a JSON-compatible value (string, number, boolean, map, list or {@code null})
         * @return this builder
         */
        public Builder providerParam(String name, @Nullable Object value) {
            this.providerParams.put(Objects.requireNonNull(name, "name"), value);
            return this;
        }

        /**
         * Sets the provider's quality control. The gateway has no top-level field for it (a top-level
         * {@code quality} is rejected), so it is sent as {@code provider_params.quality}.
         * @param quality the provider's quality value, for example {@code high}
         * @return this builder
         */
        public Builder quality(String quality) {
            return providerParam("quality", Objects.requireNonNull(quality, "quality"));
        }

        /**
         * @param provider routing hints sent as {@code provider}, replacing any set before; {@code null} or empty
         * hints for none
         * @return this builder
         */
        public Builder provider(@Nullable ProviderRouting provider) {
            this.provider = provider;
            return this;
        }

        /**
         * @param provider routing hints sent as {@code provider} ({@code order}, {@code only}, {@code ignore},
         * {@code allow_fallbacks}, {@code sort}, ...), replacing any set before; documented members are checked for
         * their JSON type as by {@link ProviderRouting#of(Map)}
         * @return this builder
         * @throws VideoRequestValidationException naming {@code provider.<member>} when a documented member has the
         * wrong type
         */
        public Builder provider(Map<String, ?> provider) {
            return provider(ProviderRouting.of(provider));
        }

        /** Sets {@link VideoGenerationRequest#outputAccess()}. */
        public Builder outputAccess(@Nullable OutputAccess outputAccess) {
            this.outputAccess = outputAccess;
            return this;
        }

        /**
         * Subscribes a workspace-managed webhook endpoint to the job.
         * @param endpointId id (a UUID) of an active endpoint of the workspace; the client checks only that
         * it is not empty, the gateway the rest
         * @param events the job's own events (such as {@code video.completed}, {@code job.failed} or a bare
         * {@code completed}); none to use the endpoint's list
         * @return this builder
         */
        public Builder webhook(String endpointId, String... events) {
            this.webhook = new Webhook(endpointId, Arrays.asList(events));
            return this;
        }

        /**
         * @param webhook the webhook subscription, or {@code null} for none
         * @return this builder
         */
        public Builder webhook(@Nullable Webhook webhook) {
            this.webhook = webhook;
            return this;
        }

        /**
         * Validates the request as the gateway would.
         * @return the request
         * @throws VideoRequestValidationException naming the first offending wire field
         */
        public VideoGenerationRequest build() {
            return new VideoGenerationRequest(this.model, this.prompt, this.seconds, this.duration,
                    this.inputVideoDuration, this.inputAudioDuration, this.size, this.resolution, this.aspectRatio,
                    this.seed, this.sampleCount, this.negativePrompt, this.generateAudio, this.enhancePrompt,
                    this.compressionQuality, this.personGeneration, this.resizeMode, this.inputReference,
                    this.inputReferences, this.providerParams, this.provider, this.outputAccess, this.webhook);
        }
    }
}
