package io.aistats.video;

import io.aistats.test.RecordedRequest;
import io.aistats.test.SimulatedWebhookEndpoint;
import io.aistats.video.error.AiStatsApiException;
import io.aistats.video.error.VideoRequestValidationException;
import io.aistats.video.model.ImageReference;
import io.aistats.video.model.InputReference;
import io.aistats.video.model.ProviderRouting;
import io.aistats.video.model.VideoGenerationRequest;
import io.aistats.video.model.VideoJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client validates create requests as the gateway does, which validates in JavaScript (zod, WHATWG URLs,
 * {@code String.prototype.trim}, JavaScript numbers): what the gateway rejects is refused before sending, naming the
 * field, and what it accepts is sent as given and accepted by the simulator. Every case of the issue that compared
 * the two is here, with its exact strings.
 */
class RequestValidationParityTests extends AbstractSimulatorClientTests {

    private static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void clearRequests() {
        simulator.clearRequests();
    }

    // --- sent by the starter before, rejected by the gateway: now refused before sending ------------------------

    @Test
    void seedOutsideTheSafeIntegersIsRefused() {
        refused(() -> base().seed(MAX_SAFE_INTEGER + 1), "seed");
        refused(() -> base().seed(-MAX_SAFE_INTEGER - 1), "seed");
        refused(() -> base().seed(Long.MIN_VALUE), "seed");
        assertThat(sentBody(base().seed(MAX_SAFE_INTEGER)).get("seed").longValue()).isEqualTo(MAX_SAFE_INTEGER);
        assertThat(sentBody(base().seed(-MAX_SAFE_INTEGER)).get("seed").longValue()).isEqualTo(-MAX_SAFE_INTEGER);
    }

    @Test
    void providerRoutingHintsOfTheWrongTypeAreRefused() {
        refused(() -> base().provider(Map.of("order", "openai")), "provider.order");
        refused(() -> base().provider(Map.of("only", "openai")), "provider.only");
        refused(() -> base().provider(Map.of("sort", 1)), "provider.sort");
        JsonNode sent = sentBody(base().provider(ProviderRouting.builder()
            .order("openai")
            .only("openai")
            .ignore("fal")
            .allowFallbacks(false)
            .sort("price")
            .extra("future_hint", 1)
            .build()));
        assertThat(sent.get("provider").toString()).isEqualTo("{\"order\":[\"openai\"],\"only\":[\"openai\"],"
                + "\"ignore\":[\"fal\"],\"allow_fallbacks\":false,\"sort\":\"price\",\"future_hint\":1}");
    }

    @ParameterizedTest
    @ValueSource(strings = { "\u00a0", "\ufeff", "\u202f\u2007" })
    void promptsJavaScriptTrimsToNothingAreRefusedWithoutAnImage(String prompt) {
        refused(() -> VideoGenerationRequest.builder().prompt(prompt), "prompt");
        assertThat(sentBody(VideoGenerationRequest.builder()
            .prompt(prompt)
            .addInputReference(InputReference.image("https://example.com/a.png"))).get("prompt").stringValue())
            .isEqualTo(prompt);
    }

    // --- refused by the starter before, accepted by the gateway: now sent as given ------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "https://example.com/my image.png", "https://example.com/a.png?x=1|2",
            "https://bücher.example/a.png", "https://my_bucket.example.com/a.png", "https:example.com/a.png" })
    void inputReferenceUrlsTheWhatwgParserAcceptsAreSentAsGiven(String url) {
        JsonNode sent = sentBody(base().addInputReference(InputReference.image(url))
            .addInputReference(InputReference.video(url)));

        assertThat(sent.at("/input_references/0/image_url/url").stringValue()).isEqualTo(url);
        assertThat(sent.at("/input_references/1/media_url/url").stringValue()).isEqualTo(url);
    }

    @Test
    void inputReferenceUrlsTheGatewayRejectsAreStillRefused() {
        refused(() -> base().addInputReference(InputReference.image("http://example.com/a.png")),
                "input_references[0].image_url.url");
        refused(() -> base().addInputReference(InputReference.image("https://exa mple.com/a.png")),
                "input_references[0].image_url.url");
        refused(() -> base().addInputReference(InputReference.video("https://example.com:99999/a.mp4")),
                "input_references[0].media_url.url");
    }

    @Test
    void whiteSpaceOnlySizeResolutionAspectRatioAndFileIdAreSent() {
        assertThat(sentBody(base().size(" ")).get("size").stringValue()).isEqualTo(" ");
        JsonNode sent = sentBody(base().resolution("\t").aspectRatio("\u00a0"));
        assertThat(sent.get("resolution").stringValue()).isEqualTo("\t");
        assertThat(sent.get("aspect_ratio").stringValue()).isEqualTo("\u00a0");
        assertThat(sentBody(base().inputReference(ImageReference.ofFileId(" "))).at("/input_reference/file_id")
            .stringValue()).isEqualTo(" ");
    }

    @Test
    void whiteSpaceOnlyModelIsSentAndTheGatewayJudgesTheModel() {
        assertThatExceptionOfType(AiStatsApiException.class)
            .isThrownBy(() -> client.generateVideo(base().model(" ").build()))
            .satisfies((ex) -> assertThat(ex.code()).isEqualTo("unsupported_model_or_endpoint"));
        assertThat(lastCreateBody().get("model").stringValue()).isEqualTo(" ");
    }

    @Test
    void aPromptOfAnInformationSeparatorIsSent() {
        assertThat(sentBody(VideoGenerationRequest.builder().prompt("\u001c")).get("prompt").stringValue())
            .isEqualTo("\u001c");
    }

    @Test
    void aWebhookEndpointIdThatIsNotAUuidIsSentForTheGatewayToCheck() {
        assertThatExceptionOfType(AiStatsApiException.class)
            .isThrownBy(() -> client.generateVideo(base().webhook("we_123").build()));

        assertThat(simulator.requestCount("POST", "/v1/videos")).as("sent once, never retried").isEqualTo(1);
        assertThat(lastCreateBody().at("/webhook/endpoint_id").stringValue()).isEqualTo("we_123");
    }

    @Test
    void anEventNameWithATrailingNoBreakSpaceIsTrimmedAsJavaScriptDoes() {
        SimulatedWebhookEndpoint endpoint = simulator.webhooks()
            .createEndpoint("http://127.0.0.1:9/hooks", List.of("video.failed"));

        VideoGenerationRequest request = base().webhook(endpoint.id(), "video.completed\u00a0").build();
        VideoJob job = client.generateVideo(request);

        assertThat(request.webhook().events()).containsExactly("video.completed");
        assertThat(lastCreateBody().at("/webhook/events").toString()).isEqualTo("[\"video.completed\"]");
        assertThat(simulator.jobs().get(job.id()).webhookEndpointId()).contains(endpoint.id());
    }

    private static VideoGenerationRequest.Builder base() {
        return VideoGenerationRequest.builder().prompt("A paper boat drifting down a rain-soaked street");
    }

    private static void refused(Supplier<VideoGenerationRequest.Builder> builder, String field) {
        assertThatExceptionOfType(VideoRequestValidationException.class)
            .isThrownBy(() -> client.generateVideo(builder.get().build()))
            .satisfies((ex) -> assertThat(ex.field()).isEqualTo(field));
        assertThat(simulator.requestCount("POST", "/v1/videos")).as("nothing sent").isZero();
    }

    /** Creates the job through the client; the simulator (the gateway's schema) must accept it. */
    private JsonNode sentBody(VideoGenerationRequest.Builder builder) {
        VideoJob job = client.generateVideo(builder.build());
        assertThat(simulator.jobs().get(job.id()).status()).isEqualTo("queued");
        return lastCreateBody();
    }

    private JsonNode lastCreateBody() {
        List<RecordedRequest> creates = simulator.requests().stream()
            .filter((request) -> request.method().equals("POST") && request.path().equals("/v1/videos"))
            .toList();
        assertThat(creates).isNotEmpty();
        return this.json.readTree(creates.get(creates.size() - 1).bodyAsString());
    }
}
