package io.aistats.test;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /v1/videos} (§3.1): the strict schema with shape-B errors (§2.2) and the OpenAI-style response.
 */
class CreateVideoTests {

    private static AiStatsGatewaySimulator simulator;

    private static GatewayHttp http;

    @BeforeAll
    static void start() {
        simulator = AiStatsGatewaySimulator.builder().manualClock(Instant.parse("2025-12-31T23:57:30Z")).start();
        http = new GatewayHttp(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static JsonNode rejected(String body, int status) {
        GatewayHttp.Response response = http.post("/v1/videos", body);
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.header("X-Gateway-Error-Attribution")).isEqualTo("user");
        assertThat(response.header("X-Gateway-Error-Origin")).isEqualTo("user");
        assertThat(response.header("Server-Timing")).isNotNull();
        return response.json();
    }

    @Test
    void unknownKeysGiveTheExactShapeBBody() {
        GatewayHttp.Response response = http.post("/v1/videos", "{\"prompt\":\"x\",\"quality\":\"high\"}");
        String id = response.json().get("generation_id").stringValue();
        assertThat(id).startsWith("G-");
        assertThat(response.body()).isEqualTo("{\"generation_id\":\"" + id + "\",\"status_code\":400,"
                + "\"error\":\"validation_error\",\"error_type\":\"user\",\"error_origin\":\"user\","
                + "\"description\":\"Unrecognized key: \\\"quality\\\"\",\"details\":[{\"message\":"
                + "\"Unrecognized key: \\\"quality\\\"\",\"path\":[],\"keyword\":\"unrecognized_keys\",\"params\":{}}]}");
        assertThat(simulator.jobs().find(id)).isEmpty();
    }

    @Test
    void severalUnknownKeysAreOneIssue() {
        JsonNode body = rejected("{\"prompt\":\"x\",\"audio\":true,\"callback_url\":\"https://a\",\"n\":2}", 400);
        assertThat(body.get("description").stringValue())
                .isEqualTo("Unrecognized keys: \"audio\", \"callback_url\", \"n\"");
        assertThat(body.has("reason")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " ## ", value = {
            "{\"prompt\":\"x\",\"seconds\":8} ## Invalid option: expected one of \"4\"|\"8\"|\"12\"|\"16\"|\"20\" at seconds ## invalid_value",
            "{\"prompt\":\"x\",\"duration\":\"8\"} ## Invalid input: expected number, received string at duration ## invalid_type",
            "{\"prompt\":\"x\",\"duration\":8.5} ## Invalid input: expected int, received number at duration ## invalid_type",
            "{\"prompt\":\"x\",\"duration\":121} ## Too big: expected number to be <=120 at duration ## too_big",
            "{\"prompt\":\"x\",\"duration\":0} ## Too small: expected number to be >=1 at duration ## too_small",
            "{\"prompt\":\"x\",\"seed\":null} ## Invalid input: expected number, received null at seed ## invalid_type",
            "{\"prompt\":\"x\",\"generate_audio\":\"true\"} ## Invalid input: expected boolean, received string at generate_audio ## invalid_type",
            "{\"prompt\":\"x\",\"model\":\"\"} ## Too small: expected string to have >=1 characters at model ## too_small",
            "{\"prompt\":\"x\",\"input_video_duration\":0} ## Too small: expected number to be >0 at input_video_duration ## too_small",
            "{\"prompt\":\"x\",\"input_audio_duration\":21} ## Too big: expected number to be <=20 at input_audio_duration ## too_big",
            "{\"prompt\":\"x\",\"sample_count\":5} ## Too big: expected number to be <=4 at sample_count ## too_big",
            "{\"prompt\":\"x\",\"output\":{\"access\":\"url\"}} ## Invalid option: expected one of \"bytes\"|\"signed_url\"|\"both\" at output.access ## invalid_value",
            "{\"prompt\":\"\"} ## prompt is required unless an image input reference is provided at prompt ## custom",
            "{\"model\":\"openai/sora-2\"} ## prompt is required unless an image input reference is provided at prompt ## custom",
            "{\"prompt\":\"x\",\"size\":\"1280x720\",\"resolution\":\"720p\"} ## size cannot be combined with resolution or aspect_ratio at size ## custom",
            "{\"prompt\":\"x\",\"input_reference\":{\"file_id\":\"f\",\"image_url\":\"https://a/b.png\"}} ## Provide exactly one of file_id or image_url at input_reference ## custom",
            "{\"prompt\":\"x\",\"webhook\":{\"endpoint_id\":\"7b6f1c2e-9d4a-4e3b-8f21-0c5d9e7a1b34\",\"url\":\"https://h\"}} ## Unrecognized key: \"url\" at webhook ## unrecognized_keys",
            "{\"prompt\":\"x\",\"webhook\":{\"endpoint_id\":\"7b6f1c2e-9d4a-4e3b-8f21-0c5d9e7a1b34\",\"events\":[\"batch.completed\",\"*\"]}} ## Invalid video webhook configuration at webhook ## custom",
            "{\"prompt\":\"x\",\"webhook\":{\"endpoint_id\":\"7b6f1c2e-9d4a-4e3b-8f21-0c5d9e7a1b34\",\"events\":\"video.completed\"}} ## Invalid input: expected array, received string at webhook.events ## invalid_type",
            "{\"prompt\":\"x\",\"input_references\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"http://example.com/a.png\"}}]} ## video input references must use https at input_references.0.image_url.url ## custom",
            "{\"prompt\":\"x\",\"input_references\":[{\"type\":\"image\",\"url\":\"https://example.com/a.png\"}]} ## Invalid input at input_references.0.type ## invalid_union",
            "{\"prompt\":\"x\",\"input_references\":[{\"type\":\"video_url\",\"role\":\"intro\",\"media_url\":{\"url\":\"https://e.com/v.mp4\"}}]} ## Invalid option: expected one of \"first_frame\"|\"last_frame\"|\"reference\"|\"source\"|\"mask\" at input_references.0.role ## invalid_value",
            "{\"prompt\":\"x\",\"provider\":{\"order\":\"openai\"}} ## Invalid input: expected array, received string at provider.order ## invalid_type",
            "{\"prompt\":\"x\",\"provider\":{\"only\":[\"openai\",1]}} ## Invalid input: expected string, received number at provider.only.1 ## invalid_type",
            "{\"prompt\":\"x\",\"routing\":{\"allow_fallbacks\":\"no\"}} ## Invalid input: expected boolean, received string at routing.allow_fallbacks ## invalid_type",
            "{\"prompt\":\"x\",\"provider\":{\"sort\":1}} ## Invalid input: expected string, received number at provider.sort ## invalid_type",
            "{\"prompt\":\"\\u00a0\"} ## prompt is required unless an image input reference is provided at prompt ## custom",
            "{\"prompt\":\"\\ufeff\"} ## prompt is required unless an image input reference is provided at prompt ## custom",
            "{\"prompt\":\"\\u202f\\u2007\"} ## prompt is required unless an image input reference is provided at prompt ## custom",
            "{\"prompt\":\"x\",\"input_references\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://exa mple.com/a.png\"}}]} ## video input references must use https at input_references.0.image_url.url ## custom",
            "{\"prompt\":\"x\",\"input_references\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com:65536/a.png\"}}]} ## video input references must use https at input_references.0.image_url.url ## custom",
            "{\"prompt\":\"x\",\"input_references\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https:///\"}}]} ## video input references must use https at input_references.0.image_url.url ## custom",
            "[1,2] ## Invalid input: expected object, received array ## invalid_type"})
    void schemaIssues(String body, String description, String keyword) {
        JsonNode error = rejected(body, 400);
        assertThat(error.get("error").stringValue()).isEqualTo("validation_error");
        assertThat(error.get("description").stringValue()).isEqualTo(description);
        assertThat(error.get("details").get(0).get("keyword").stringValue()).isEqualTo(keyword);
    }

    @Test
    void forbiddenProviderParamsAreReportedAtEveryDepthWithTheirFullPath() {
        JsonNode body = rejected("{\"prompt\":\"x\",\"provider_params\":{\"style\":\"noir\",\"nested\":"
                + "{\"durationSeconds\":8},\"list\":[{\"Aspect-Ratio\":\"16:9\"}],\"Model\":\"m\"}}", 400);
        JsonNode details = body.get("details");
        assertThat(details).hasSize(3);
        assertThat(details.get(0).get("message").stringValue())
                .isEqualTo("durationSeconds must be supplied through a validated top-level video field");
        assertThat(details.get(0).get("path").toString()).isEqualTo("[\"provider_params\",\"nested\",\"durationSeconds\"]");
        assertThat(details.get(1).get("path").toString()).isEqualTo("[\"provider_params\",\"list\",0,\"Aspect-Ratio\"]");
        assertThat(details.get(2).get("path").toString()).isEqualTo("[\"provider_params\",\"Model\"]");
        assertThat(body.get("description").stringValue()).isEqualTo(
                "durationSeconds must be supplied through a validated top-level video field at "
                        + "provider_params.nested.durationSeconds");
    }

    @Test
    void anImageInputMakesThePromptOptional() {
        assertThat(http.post("/v1/videos", "{\"input_references\":[{\"type\":\"image_url\",\"role\":\"first_frame\","
                + "\"image_url\":{\"url\":\"https://example.com/frame.png\"}}]}").status()).isEqualTo(200);
        assertThat(http.post("/v1/videos", "{\"input_reference\":{\"file_id\":\"file_1\"}}").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://example.com/my image.png", "https://example.com/a.png?x=1|2",
            "https://bücher.example/a.png", "https://my_bucket.example.com/a.png", "https:example.com/a.png",
            "HTTPS://example.com:443/a.png", " https://example.com/a.png\u00a0" })
    void referenceUrlsAreParsedAsTheWhatwgParserDoes(String url) {
        GatewayHttp.Response response = http.post("/v1/videos", "{\"input_references\":[{\"type\":\"image_url\","
                + "\"image_url\":{\"url\":\"" + url + "\"}}]}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @Test
    void blanknessFollowsJavaScriptTrim() {
        assertThat(http.post("/v1/videos", "{\"prompt\":\"\\u001c\"}").status()).isEqualTo(200);
        assertThat(http.post("/v1/videos", "{\"prompt\":\"x\",\"size\":\" \",\"provider\":{\"order\":[\"openai\"],"
                + "\"sort\":{\"by\":\"price\"},\"allow_fallbacks\":false,\"future_hint\":7}}").status()).isEqualTo(200);
    }

    @Test
    void unparseableBodiesAreInvalidJson() {
        for (String body : new String[] {"{", "", "{\"prompt\":\"x\"} trailing", "nope"}) {
            JsonNode error = rejected(body, 400);
            assertThat(error.get("error").stringValue()).isEqualTo("invalid_json");
            assertThat(error.get("description").stringValue()).isEqualTo("invalid_json");
            assertThat(error.has("details")).isFalse();
        }
    }

    @Test
    void bodiesOver16MiBArePayloadTooLarge() {
        byte[] body = new byte[16 * 1024 * 1024 + 1];
        Arrays.fill(body, (byte) ' ');
        GatewayHttp.Response response = http.call("POST", "/v1/videos").auth(simulator.apiKey())
                .header("Content-Type", "application/json").body(body).send();
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("error").stringValue()).isEqualTo("payload_too_large");
        assertThat(response.json().get("description").stringValue()).isEqualTo("payload_too_large");
        assertThat(simulator.requests().get(simulator.requests().size() - 1).body()).isNull();
    }

    @Test
    void webhookEndpointsMustBeUuidsOfActiveEndpoints() {
        GatewayHttp.Response placeholder = http.post("/v1/videos",
                "{\"prompt\":\"x\",\"webhook\":{\"endpoint_id\":\"we_123\"}}");
        assertThat(placeholder.status()).isEqualTo(500);
        assertThat(placeholder.body()).isEqualTo("Internal Server Error");
        JsonNode inactive = rejected("{\"prompt\":\"x\",\"webhook\":{\"endpoint_id\":"
                + "\"7b6f1c2e-9d4a-4e3b-8f21-0c5d9e7a1b34\",\"events\":[\"video.completed\"]}}", 400);
        assertThat(inactive.get("description").stringValue())
                .isEqualTo("webhook.endpoint_id must reference an active webhook endpoint in this workspace.");
        assertThat(inactive.has("details")).isFalse();
        assertThat(inactive.has("reason")).isFalse();
    }

    @Test
    void unknownModelsAreUnsupported() {
        GatewayHttp.Response response = http.post("/v1/videos", "{\"model\":\"acme/unknown\",\"prompt\":\"x\"}");
        assertThat(response.status()).isEqualTo(400);
        JsonNode body = response.json();
        assertThat(body.get("error").stringValue()).isEqualTo("unsupported_model_or_endpoint");
        assertThat(body.get("reason").isString()).isTrue();
        assertThat(body.get("description").stringValue()).isNotBlank();
    }

    @Test
    void theOpenAiResponseIsAnOpenAiVideoObject() {
        GatewayHttp.Response response = http.post("/v1/videos", "{\"model\":\"openai/sora-2\",\"prompt\":"
                + "\"A paper boat drifting down a rain-soaked street at dusk\",\"seconds\":\"8\",\"size\":\"1280x720\"}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.header("Timing-Allow-Origin")).isEqualTo("*");
        JsonNode body = response.json();
        assertThat(body.propertyNames()).containsExactly("requestId", "id", "object", "model", "status", "progress",
                "created_at", "completed_at", "expires_at", "error", "prompt", "remixed_from_video_id", "seconds",
                "size", "nativeResponseId", "provider", "meta");
        assertThat(body.get("requestId").stringValue()).isEqualTo(body.get("id").stringValue());
        assertThat(body.get("object").stringValue()).isEqualTo("video");
        assertThat(body.get("model").stringValue()).isEqualTo("sora-2");
        assertThat(body.get("status").stringValue()).isEqualTo("queued");
        assertThat(body.get("progress").intValue()).isZero();
        assertThat(body.get("created_at").longValue()).isEqualTo(1767225450L);
        assertThat(body.get("completed_at").isNull()).isTrue();
        assertThat(body.get("error").isNull()).isTrue();
        assertThat(body.get("seconds").stringValue()).isEqualTo("8");
        assertThat(body.get("size").stringValue()).isEqualTo("1280x720");
        assertThat(body.get("provider").stringValue()).isEqualTo("openai");
        assertThat(body.get("meta").has("generation_ms")).isTrue();
        assertThat(body.has("polling_url")).isFalse();
        assertThat(body.has("poll_after_seconds")).isFalse();
    }

    @Test
    void theDefaultModelIsSora2() {
        JsonNode body = http.post("/v1/videos", "{\"prompt\":\"default model\"}").json();
        assertThat(body.get("model").stringValue()).isEqualTo("sora-2");
        assertThat(body.get("provider").stringValue()).isEqualTo("openai");
        assertThat(body.get("seconds").stringValue()).isEqualTo("4");
        assertThat(simulator.jobs().get(body.get("id").stringValue()).model()).isEqualTo("openai/sora-2");
    }

    @Test
    void otherProvidersOmitCreatedAtSecondsAndSize() {
        JsonNode google = http.post("/v1/videos",
                "{\"model\":\"google/veo-3.1-lite\",\"prompt\":\"x\",\"duration\":8,\"resolution\":\"720p\"}").json();
        assertThat(google.has("created_at")).isFalse();
        assertThat(google.has("seconds")).isFalse();
        assertThat(google.has("size")).isFalse();
        assertThat(google.get("status").stringValue()).isEqualTo("queued");
        assertThat(google.get("provider").stringValue()).isEqualTo("google-ai-studio");
        JsonNode seedance = http.post("/v1/videos",
                "{\"model\":\"bytedance/seedance-1.0-pro\",\"prompt\":\"x\"}").json();
        assertThat(seedance.get("provider").stringValue()).isEqualTo("bytedance-seed");
        assertThat(simulator.jobs().get(seedance.get("id").stringValue()).provider()).isEqualTo("byteplus");
    }

    @Test
    void formBodiesAreNotSimulated() {
        GatewayHttp.Response response = http.call("POST", "/v1/videos").auth(simulator.apiKey())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("prompt=x".getBytes(StandardCharsets.UTF_8)).send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").stringValue()).isEqualTo("validation_error");
    }
}
