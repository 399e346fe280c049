package io.aistats.video.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.aistats.video.error.VideoRequestValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class VideoGenerationRequestTests {

    private static final String ENDPOINT = "7b6f1c2e-9d4a-4e3b-8f21-0c5d9e7a1b34";

    private static final String PROMPT = "A paper boat drifting down a rain-soaked street at dusk";

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void serialisesTheContractsCreateRequestExactly() {
        VideoGenerationRequest request = VideoGenerationRequest.builder()
            .model("openai/sora-2")
            .prompt(PROMPT)
            .seconds(8)
            .size("1280x720")
            .webhook(ENDPOINT)
            .build();

        assertThat(this.mapper.writeValueAsString(request)).isEqualTo("{\"model\":\"openai/sora-2\",\"prompt\":\"" + PROMPT
                + "\",\"seconds\":\"8\",\"size\":\"1280x720\",\"webhook\":{\"endpoint_id\":\"" + ENDPOINT + "\"}}");
    }

    @Test
    void serialisesEveryFieldWithItsWireName() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("style", "noir");
        nested.put("layers", List.of(Map.of("weight", 0.5)));
        VideoGenerationRequest request = VideoGenerationRequest.builder()
            .model("google/veo-3.1")
            .prompt("p")
            .seconds("12")
            .duration(10)
            .inputVideoDuration(12.5)
            .inputAudioDuration(5)
            .resolution("1080p")
            .aspectRatio("16:9")
            .seed(42)
            .sampleCount(2)
            .negativePrompt("blur")
            .generateAudio(true)
            .enhancePrompt(false)
            .compressionQuality(80)
            .personGeneration("allow_adult")
            .resizeMode("pad")
            .inputReference(ImageReference.ofFileId("file_123"))
            .addInputReference(InputReference.image("https://example.com/frame.png")
                .withRole(InputReference.Role.FIRST_FRAME)
                .withReferenceType("style"))
            .addInputReference(InputReference.video("https://example.com/clip.mp4"))
            .addInputReference(InputReference.audio("https://example.com/track.mp3").withRole(InputReference.Role.SOURCE))
            .providerParam("custom", nested)
            .quality("high")
            .provider(Map.of("order", List.of("google-vertex")))
            .outputAccess(OutputAccess.SIGNED_URL)
            .webhook(ENDPOINT, "Completed", "video.failed", "job.canceled", "batch.created")
            .build();

        assertThat(this.mapper.writeValueAsString(request)).isEqualTo("{\"model\":\"google/veo-3.1\",\"prompt\":\"p\","
                + "\"seconds\":\"12\",\"duration\":10,\"input_video_duration\":12.5,\"input_audio_duration\":5.0,"
                + "\"resolution\":\"1080p\",\"aspect_ratio\":\"16:9\",\"seed\":42,\"sample_count\":2,"
                + "\"negative_prompt\":\"blur\",\"generate_audio\":true,\"enhance_prompt\":false,"
                + "\"compression_quality\":80,\"person_generation\":\"allow_adult\",\"resize_mode\":\"pad\","
                + "\"input_reference\":{\"file_id\":\"file_123\"},"
                + "\"input_references\":[{\"type\":\"image_url\",\"role\":\"first_frame\",\"reference_type\":\"style\","
                + "\"image_url\":{\"url\":\"https://example.com/frame.png\"}},"
                + "{\"type\":\"video_url\",\"media_url\":{\"url\":\"https://example.com/clip.mp4\"}},"
                + "{\"type\":\"audio_url\",\"role\":\"source\",\"media_url\":{\"url\":\"https://example.com/track.mp3\"}}],"
                + "\"provider_params\":{\"custom\":{\"style\":\"noir\",\"layers\":[{\"weight\":0.5}]},\"quality\":\"high\"},"
                + "\"provider\":{\"order\":[\"google-vertex\"]},\"output\":{\"access\":\"signed_url\"},"
                + "\"webhook\":{\"endpoint_id\":\"" + ENDPOINT
                + "\",\"events\":[\"job.completed\",\"video.failed\",\"job.cancelled\"]}}");
    }

    @Test
    void omitsEverythingUnset() {
        VideoGenerationRequest request = VideoGenerationRequest.of("just a prompt");

        assertThat(this.mapper.writeValueAsString(request)).isEqualTo("{\"prompt\":\"just a prompt\"}");
        assertThat(request.model()).isNull();
        assertThat(request.inputReferences()).isEmpty();
        assertThat(request.providerParams()).isEmpty();
        assertThat(request.provider()).isNull();
        assertThat(request.webhook()).isNull();
        assertThat(request.toString()).isEqualTo("VideoGenerationRequest[prompt=just a prompt]");
    }

    @Test
    void qualityIsSentAsAProviderParameter() {
        VideoGenerationRequest request = VideoGenerationRequest.builder().prompt("p").quality("hd").build();

        assertThat(request.providerParams()).containsExactly(Map.entry("quality", "hd"));
        assertThat(this.mapper.writeValueAsString(request))
            .isEqualTo("{\"prompt\":\"p\",\"provider_params\":{\"quality\":\"hd\"}}");
    }

    @Test
    void anImageInputMakesThePromptOptional() {
        assertThat(VideoGenerationRequest.builder()
            .inputReference(ImageReference.ofImageUrl("data:image/png;base64,AAAA"))
            .build()
            .prompt()).isNull();
        VideoGenerationRequest request = VideoGenerationRequest.builder()
            .prompt(" ")
            .addInputReference(InputReference.image("https://example.com/a.png"))
            .build();
        assertThat(this.mapper.writeValueAsString(request)).isEqualTo("{\"prompt\":\" \",\"input_references\":"
                + "[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/a.png\"}}]}");
    }

    @Test
    void promptIsRequiredWithoutAnImageInput() {
        assertInvalid(VideoGenerationRequest.builder(), "prompt",
                "prompt is required unless an image input reference is provided");
        assertInvalid(VideoGenerationRequest.builder().prompt("  \n"), "prompt",
                "prompt is required unless an image input reference is provided");
        assertInvalid(VideoGenerationRequest.builder().addInputReference(InputReference.video("https://e.com/v.mp4")),
                "prompt", "prompt is required unless an image input reference is provided");
    }

    @Test
    void promptIsLimitedTo32000Characters() {
        assertThatNoException().isThrownBy(() -> VideoGenerationRequest.of("x".repeat(32_000)));
        assertInvalid(VideoGenerationRequest.builder().prompt("x".repeat(32_001)), "prompt",
                "must be at most 32000 characters but has 32001");
    }

    @Test
    void sizeCannotBeCombinedWithResolutionOrAspectRatio() {
        assertInvalid(base().size("1280x720").resolution("720p"), "size",
                "size cannot be combined with resolution or aspect_ratio");
        assertInvalid(base().size("1280x720").aspectRatio("16:9"), "size",
                "size cannot be combined with resolution or aspect_ratio");
        assertThatNoException().isThrownBy(() -> base().resolution("720p").aspectRatio("16:9").build());
    }

    @ParameterizedTest
    @ValueSource(strings = { "4", "8", "12", "16", "20" })
    void acceptsTheAllowedSeconds(String seconds) {
        assertThat(base().seconds(seconds).build().seconds()).isEqualTo(seconds);
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "5", "24", "8.0", " 8", "eight", "" })
    void rejectsOtherSeconds(String seconds) {
        assertInvalid(base().seconds(seconds), "seconds", "must be one of 4, 8, 12, 16, 20 but was '" + seconds + "'");
    }

    @Test
    void checksNumericRanges() {
        assertInvalid(base().duration(0), "duration", "must be between 1 and 120 but was 0");
        assertInvalid(base().duration(121), "duration", "must be between 1 and 120 but was 121");
        assertInvalid(base().sampleCount(0), "sample_count", "must be between 1 and 4 but was 0");
        assertInvalid(base().sampleCount(5), "sample_count", "must be between 1 and 4 but was 5");
        assertInvalid(base().compressionQuality(-1), "compression_quality", "must be between 0 and 100 but was -1");
        assertInvalid(base().compressionQuality(101), "compression_quality", "must be between 0 and 100 but was 101");
        assertInvalid(base().inputAudioDuration(1.99), "input_audio_duration", "must be between 2 and 20 but was 1.99");
        assertInvalid(base().inputAudioDuration(20.01), "input_audio_duration",
                "must be between 2 and 20 but was 20.01");
        assertInvalid(base().inputVideoDuration(0), "input_video_duration",
                "must be more than 0 and at most 3600 but was 0.0");
        assertInvalid(base().inputVideoDuration(3600.5), "input_video_duration",
                "must be more than 0 and at most 3600 but was 3600.5");
        assertInvalid(base().inputVideoDuration(Double.NaN), "input_video_duration",
                "must be more than 0 and at most 3600 but was NaN");
        assertThatNoException().isThrownBy(() -> base().duration(1)
            .sampleCount(4)
            .compressionQuality(0)
            .inputAudioDuration(2)
            .inputVideoDuration(3600)
            .build());
        assertThatNoException().isThrownBy(() -> base().duration(120)
            .sampleCount(1)
            .compressionQuality(100)
            .inputAudioDuration(20)
            .inputVideoDuration(0.1)
            .build());
    }

    @Test
    void rejectsEmptyStrings() {
        assertInvalid(base().model(""), "model", "must not be empty");
        assertInvalid(base().size(""), "size", "must not be empty");
        assertInvalid(base().resolution(""), "resolution", "must not be empty");
        assertInvalid(base().aspectRatio(""), "aspect_ratio", "must not be empty");
    }

    @Test
    void imageReferenceNeedsExactlyOneSource() {
        assertInvalid(base().inputReference(new ImageReference("file_1", "https://e.com/a.png")), "input_reference",
                "Provide exactly one of file_id or image_url");
        assertInvalid(base().inputReference(new ImageReference(null, null)), "input_reference",
                "Provide exactly one of file_id or image_url");
        assertInvalid(base().inputReference(ImageReference.ofFileId("")), "input_reference.file_id",
                "must not be empty");
        assertInvalid(base().inputReference(ImageReference.ofImageUrl("")), "input_reference.image_url",
                "must have 1 to 28000000 characters but has 0");
    }

    @Test
    void referenceUrlsMustBeAbsoluteHttps() {
        assertInvalid(base().addInputReference(InputReference.image("http://example.com/a.png")),
                "input_references[0].image_url.url", "video input references must use https");
        assertInvalid(base().addInputReference(InputReference.image("https://example.com/a.png"))
            .addInputReference(InputReference.video("/relative/clip.mp4")), "input_references[1].media_url.url",
                "video input references must use https");
        assertInvalid(base().addInputReference(InputReference.audio("data:audio/mp3;base64,AAAA")),
                "input_references[0].media_url.url", "video input references must use https");
        assertInvalid(base().addInputReference(InputReference.image("https://exa mple.com/a.png")),
                "input_references[0].image_url.url", "video input references must use https");
    }

    @ParameterizedTest
    @ValueSource(strings = { "request", "model", "prompt", "input", "content", "duration", "duration_seconds",
            "input_video_duration", "input_video_duration_seconds", "input_audio_duration", "seconds", "size",
            "resolution", "aspect_ratio", "ratio", "sample_count", "number_of_videos", "callback_url", "Model",
            "durationSeconds", "DURATION-SECONDS", "numberOfVideos", "callback-url", "aspectRatio" })
    void rejectsProviderParamsTheGatewayControls(String key) {
        assertInvalid(base().providerParam(key, 1), "provider_params." + key,
                key + " must be supplied through a validated top-level video field");
    }

    @Test
    void rejectsForbiddenProviderParamsAtAnyDepth() {
        assertInvalid(base().providerParam("nested", Map.of("durationSeconds", 8)),
                "provider_params.nested.durationSeconds",
                "durationSeconds must be supplied through a validated top-level video field");
        assertInvalid(base().providerParam("items", List.of(Map.of("ok", 1), Map.of("deep", Map.of("Aspect-Ratio", "1:1")))),
                "provider_params.items[1].deep.Aspect-Ratio",
                "Aspect-Ratio must be supplied through a validated top-level video field");
        assertInvalid(base().providerParam("array", new Object[] { Map.of("model", "x") }),
                "provider_params.array[0].model", "model must be supplied through a validated top-level video field");
        assertThatNoException().isThrownBy(() -> base()
            .providerParams(Map.of("quality", "hd", "models_allowed", List.of("a"), "style", Map.of("seed_hint", 1)))
            .build());
    }

    @Test
    void providerParamsAreCopiedDeeply() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("style", "noir");
        List<Object> items = new ArrayList<>(List.of("a"));
        nested.put("items", items);
        VideoGenerationRequest request = base().providerParam("nested", nested).build();

        nested.put("model", "sneaky");
        items.add("b");

        assertThat(request.providerParams()).isEqualTo(Map.of("nested", Map.of("style", "noir", "items", List.of("a"))));
        assertThat(request.providerParams()).isUnmodifiable();
    }

    @Test
    void webhookEndpointMustNotBeEmpty() {
        assertInvalid(base().webhook(""), "webhook.endpoint_id", "must not be empty");
        assertThat(base().webhook(ENDPOINT.toUpperCase()).build().webhook().endpointId())
            .isEqualTo(ENDPOINT.toUpperCase());
    }

    @Test
    void webhookEventsAreNormalisedAsTheGatewayDoes() {
        VideoGenerationRequest request = base()
            .webhook(ENDPOINT, " COMPLETED ", "video.canceled", "job.status_changed", "video.progress", "video.unknown",
                    "*", "batch.completed", "job.completed")
            .build();

        assertThat(request.webhook().events()).containsExactly("job.completed", "video.cancelled",
                "job.status_changed", "video.progress");
    }

    @Test
    void webhookEventsMustContainAValidEntryWhenGiven() {
        assertInvalid(base().webhook(ENDPOINT, "batch.completed", "*"), "webhook.events",
                "Invalid video webhook configuration");
        assertThat(base().webhook(ENDPOINT).build().webhook().events()).isEmpty();
    }

    @Test
    void withDefaultsFillsOnlyUnsetFields() {
        VideoGenerationRequest bare = VideoGenerationRequest.of("p");

        VideoGenerationRequest filled = bare.withDefaults("openai/sora-2", OutputAccess.BYTES, ENDPOINT);

        assertThat(filled.model()).isEqualTo("openai/sora-2");
        assertThat(filled.outputAccess()).isEqualTo(OutputAccess.BYTES);
        assertThat(filled.webhook()).isEqualTo(new VideoGenerationRequest.Webhook(ENDPOINT, List.of()));
        assertThat(filled.prompt()).isEqualTo("p");
        assertThat(bare.model()).isNull();
        assertThat(this.mapper.writeValueAsString(filled)).isEqualTo("{\"model\":\"openai/sora-2\",\"prompt\":\"p\","
                + "\"output\":{\"access\":\"bytes\"},\"webhook\":{\"endpoint_id\":\"" + ENDPOINT + "\"}}");

        String otherEndpoint = "00000000-1111-2222-3333-444444444444";
        VideoGenerationRequest explicit = base().model("google/veo-3.1")
            .outputAccess(OutputAccess.BOTH)
            .webhook(otherEndpoint, "video.completed")
            .build();
        assertThat(explicit.withDefaults("openai/sora-2", OutputAccess.BYTES, ENDPOINT)).isSameAs(explicit);
        assertThat(bare.withDefaults(null, null, null)).isSameAs(bare);
    }

    @Test
    void withDefaultsValidatesTheDefaults() {
        assertInvalid(() -> VideoGenerationRequest.of("p").withDefaults(null, null, ""),
                "webhook.endpoint_id", "must not be empty");
    }

    @Test
    void toBuilderCopiesEverything() {
        VideoGenerationRequest request = base().model("m")
            .seconds(4)
            .seed(7)
            .generateAudio(true)
            .addInputReference(InputReference.image("https://e.com/a.png"))
            .providerParam("k", "v")
            .provider(Map.of("only", List.of("openai")))
            .outputAccess(OutputAccess.BOTH)
            .webhook(ENDPOINT, "completed")
            .build();

        VideoGenerationRequest copy = request.toBuilder().build();

        assertThat(copy).isEqualTo(request).hasSameHashCodeAs(request);
        assertThat(this.mapper.writeValueAsString(copy)).isEqualTo(this.mapper.writeValueAsString(request));
        assertThat(request.toBuilder().seconds(8).build()).isNotEqualTo(request);
    }

    @Test
    void exceptionsNameTheFieldInTheirMessage() {
        assertThatExceptionOfType(VideoRequestValidationException.class).isThrownBy(() -> base().duration(0).build())
            .withMessage("duration: must be between 1 and 120 but was 0");
    }

    private static VideoGenerationRequest.Builder base() {
        return VideoGenerationRequest.builder().prompt(PROMPT);
    }

    private static void assertInvalid(VideoGenerationRequest.Builder builder, String field, String message) {
        assertInvalid(builder::build, field, message);
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field,
            String message) {
        assertThatExceptionOfType(VideoRequestValidationException.class).isThrownBy(call)
            .satisfies((ex) -> assertThat(ex.field()).isEqualTo(field))
            .withMessageStartingWith(field + ": ")
            .withMessageContaining(message);
    }
}
