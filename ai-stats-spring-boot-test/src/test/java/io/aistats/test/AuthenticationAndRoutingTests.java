package io.aistats.test;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Authentication (§1.1, §1.2), the two video gates (§0.2), CORS and common headers (§1.4), routing (§0.3).
 */
class AuthenticationAndRoutingTests {

    private static final String KEY = "phaseo_v1_sk_Zx98Yw76Vu54_s3cr3t_with_underscores";

    private static final String OTHER_WORKSPACE_KEY = "phaseo_v1_sk_Other0Workspace_secret";

    private static final String MANAGEMENT_KEY = "phaseo_v1_mk_Ab12Cd34Ef56_managementsecret";

    private static AiStatsGatewaySimulator simulator;

    private static GatewayHttp http;

    @BeforeAll
    static void start() {
        simulator = AiStatsGatewaySimulator.builder()
                .manualClock(Instant.parse("2026-01-01T00:00:00Z"))
                .inferenceKey(KEY)
                .managementKey(MANAGEMENT_KEY)
                .otherWorkspaceKey("8d1e2f3a-4b5c-4d6e-8f70-1a2b3c4d5e6f", OTHER_WORKSPACE_KEY)
                .workspaceId("3f0c2a9e-5b1d-4c7e-9a2f-6d8e1b4c7a90")
                .start();
        http = new GatewayHttp(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static GatewayHttp.Response getWithAuthorization(String value) {
        return http.call("GET", "/v1/videos?limit=1").header("Authorization", value).send();
    }

    @Test
    void missingHeaderGivesTheExact401Body() {
        GatewayHttp.Response response = http.call("GET", "/v1/videos?limit=1").send();
        assertThat(response.status()).isEqualTo(401);
        JsonNode body = response.json();
        String requestId = body.get("request_id").stringValue();
        assertThat(requestId).matches("G-[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(response.body()).isEqualTo("{\"error\":\"unauthorised\",\"reason\":"
                + "\"missing_or_invalid_authorization_header\",\"request_id\":\"" + requestId
                + "\",\"status_code\":401,\"error_type\":\"user\",\"error_origin\":\"user\",\"generation_id\":\""
                + requestId + "\"}");
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(response.header("Retry-After")).isNull();
        assertThat(response.header("X-Request-Id")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bearer " + KEY, "Token " + KEY, "Bearer ", "Bearer    ", KEY, "Bearer" + KEY})
    void headersNotStartingWithExactlyBearerAreMissing(String value) {
        GatewayHttp.Response response = getWithAuthorization(value);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("reason").stringValue()).isEqualTo("missing_or_invalid_authorization_header");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk-openai-style", "phaseo_v1_sk_short_secret", "phaseo_v2_sk_Zx98Yw76Vu54_x",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "aistats_v1_mk_Ab12Cd34Ef56_managementsecret"})
    void malformedTokensAreInvalidKeyFormat(String token) {
        assertThat(getWithAuthorization("Bearer " + token).json().get("reason").stringValue())
                .isEqualTo("invalid_key_format");
    }

    @Test
    void unknownKeysAreNotFoundAndWrongSecretsInvalid() {
        assertThat(getWithAuthorization("Bearer phaseo_v1_sk_Unknown123456_secret").json().get("reason")
                .stringValue()).isEqualTo("key_not_found_or_revoked");
        assertThat(getWithAuthorization("Bearer phaseo_v1_sk_Zx98Yw76Vu54_wrong").json().get("reason")
                .stringValue()).isEqualTo("invalid_secret");
    }

    @Test
    void managementKeysAreRejectedOnVideoRoutes() {
        GatewayHttp.Response response = getWithAuthorization("Bearer " + MANAGEMENT_KEY);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("reason").stringValue()).isEqualTo("management_key_not_valid_for_gateway");
    }

    @Test
    void validAndLegacyKeysAreAccepted() {
        assertThat(getWithAuthorization("Bearer " + KEY).status()).isEqualTo(200);
        assertThat(getWithAuthorization("Bearer aistats_v1_sk_Zx98Yw76Vu54_s3cr3t_with_underscores").status())
                .isEqualTo(200);
    }

    @Test
    void legacyKeysAreRetiredFrom2027() {
        try (AiStatsGatewaySimulator later = AiStatsGatewaySimulator.builder()
                .manualClock(Instant.parse("2027-01-01T00:00:00Z")).inferenceKey(KEY).start()) {
            GatewayHttp.Response response = new GatewayHttp(later).call("GET", "/v1/videos?limit=1")
                    .auth("aistats_v1_sk_Zx98Yw76Vu54_s3cr3t_with_underscores").send();
            assertThat(response.json().get("reason").stringValue()).isEqualTo("legacy_key_prefix_retired");
        }
    }

    @Test
    void jobsOfAnotherWorkspaceAreIndistinguishableFromMissingOnes() {
        String id = http.create("{\"prompt\":\"mine\"}");
        GatewayHttp.Response response = http.call("GET", "/v1/videos/" + id).auth(OTHER_WORKSPACE_KEY).send();
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("reason").stringValue()).isEqualTo("video_not_found_or_not_owned");
        assertThat(response.json().get("workspace_id").stringValue())
                .isEqualTo("8d1e2f3a-4b5c-4d6e-8f70-1a2b3c4d5e6f");
        JsonNode list = http.call("GET", "/v1/videos?limit=100").auth(OTHER_WORKSPACE_KEY).send().json();
        assertThat(list.get("data")).isEmpty();
    }

    @Test
    void builderRejectsKeysOfTheWrongForm() {
        assertThatThrownBy(() -> AiStatsGatewaySimulator.builder().inferenceKey(MANAGEMENT_KEY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("managementsecret");
        assertThatThrownBy(() -> AiStatsGatewaySimulator.builder().managementKey("nope"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void globalSwitchAnswers501BeforeAuthenticationOnEveryVideoRoute() {
        simulator.videoApiEnabled(false);
        try {
            String exact = "{\"error\":\"not_implemented_yet\",\"reason\":\"video_api_temporarily_disabled\","
                    + "\"message\":\"Video endpoints are temporarily disabled while the public contract is finalized.\","
                    + "\"status_code\":501,\"error_type\":\"user\",\"error_origin\":\"user\"}";
            for (String[] route : new String[][] {{"POST", "/v1/videos"}, {"GET", "/v1/videos"},
                    {"GET", "/v1/videos/models"}, {"GET", "/v1/videos/G-X"}, {"GET", "/v1/videos/G-X/content"},
                    {"POST", "/v1/videos/G-X/download_url"}, {"POST", "/v1/videos/G-X/cancel"},
                    {"DELETE", "/v1/videos/G-X"}, {"GET", "/v1/video/generations"}}) {
                GatewayHttp.Response response = http.call(route[0], route[1]).send();
                assertThat(response.status()).as(route[0] + " " + route[1]).isEqualTo(501);
                assertThat(response.body()).isEqualTo(exact);
                assertThat(response.header("Cache-Control")).isEqualTo("no-store");
            }
            assertThat(http.call("GET", "/v1/health").send().status()).isEqualTo(200);
        }
        finally {
            simulator.videoApiEnabled(true);
        }
    }

    @Test
    void workspaceGateAnswers501AfterAuthenticationOnCreateListAndModelsOnly() {
        String id = http.create("{\"prompt\":\"gate\"}");
        simulator.workspaceVideoGate(false);
        try {
            String exact = "{\"error\":\"not_implemented_yet\",\"reason\":\"video_api_feature_disabled\","
                    + "\"message\":\"Video API access is not enabled for this workspace.\","
                    + "\"feature_gate\":\"gateway_video_api\",\"status_code\":501,\"error_type\":\"user\","
                    + "\"error_origin\":\"user\"}";
            assertThat(http.post("/v1/videos", "{\"prompt\":\"x\"}").body()).isEqualTo(exact);
            assertThat(http.get("/v1/videos?limit=1").body()).isEqualTo(exact);
            assertThat(http.get("/v1/videos/models").body()).isEqualTo(exact);
            assertThat(http.call("GET", "/v1/videos").send().status()).isEqualTo(401);
            assertThat(http.get("/v1/videos/" + id).status()).isEqualTo(200);
        }
        finally {
            simulator.workspaceVideoGate(true);
        }
    }

    @Test
    void optionsAnswers204WithCorsWithoutAuthentication() {
        GatewayHttp.Response response = http.call("OPTIONS", "/v1/videos/anything").send();
        assertThat(response.status()).isEqualTo(204);
        assertThat(response.bytes()).isEmpty();
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(response.header("Access-Control-Allow-Methods")).isEqualTo("GET, POST, PUT, PATCH, DELETE, OPTIONS");
        assertThat(response.header("Access-Control-Allow-Headers")).startsWith("Authorization, Content-Type, ")
                .endsWith("X-Phaseo-Strictness, x-phaseo-cache-revalidate");
        assertThat(response.header("Access-Control-Max-Age")).isEqualTo("86400");
    }

    @Test
    void unknownPathsAndMethodsArePlainText404() {
        for (String[] route : new String[][] {{"GET", "/healthz"}, {"GET", "/v1/videos/"}, {"GET", "/v1/unknown"},
                {"PUT", "/v1/videos"}, {"GET", "/v1/videos/G-X/content/extra"}}) {
            GatewayHttp.Response response = http.call(route[0], route[1]).auth(KEY).send();
            assertThat(response.status()).as(route[0] + " " + route[1]).isEqualTo(404);
            assertThat(response.body()).isEqualTo("404 Not Found");
            assertThat(response.header("Content-Type")).startsWith("text/plain");
        }
        assertThat(http.call("GET", "/v1/unknown").send().header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(http.call("GET", "/healthz").send().header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void hostRootWelcomesWithoutCors() {
        GatewayHttp.Response response = http.call("GET", "/").send();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("message").stringValue()).startsWith("Welcome to the Phaseo Gateway API!");
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void bothMountPointsServeTheSameJobs() {
        String id = http.create("{\"prompt\":\"alias\"}");
        GatewayHttp.Response viaAlias = http.get("/v1/video/generations/" + id);
        assertThat(viaAlias.status()).isEqualTo(200);
        assertThat(viaAlias.json().get("polling_url").stringValue()).endsWith("/v1/videos/" + id);
        String aliasId = new GatewayHttp(simulator).call("POST", "/v1/video/generations").auth(KEY)
                .json("{\"prompt\":\"created via alias\"}").send().json().get("id").stringValue();
        assertThat(http.get("/v1/videos/" + aliasId).status()).isEqualTo(200);
    }

    @Test
    void modelsIsNeverTreatedAsAVideoId() {
        GatewayHttp.Response response = http.get("/v1/videos/models");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("object").stringValue()).isEqualTo("list");
    }

    @Test
    void requestIdsAreFreshPerCall() {
        String first = http.call("GET", "/v1/videos").send().json().get("request_id").stringValue();
        String second = http.call("GET", "/v1/videos").send().json().get("request_id").stringValue();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void recordedRequestsMaskTheKeySecret() {
        simulator.clearRequests();
        http.post("/v1/videos", "{\"prompt\":\"recorded\"}");
        RecordedRequest request = simulator.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/videos");
        assertThat(request.header("authorization")).hasValue("Bearer phaseo_v1_sk_Zx98Yw76Vu54_***");
        assertThat(request.toString()).doesNotContain("s3cr3t");
        assertThat(request.bodyAsString()).isEqualTo("{\"prompt\":\"recorded\"}");
        assertThat(request.bodySize()).isEqualTo(21);
        assertThat(simulator.requestCount("POST", "/v1/videos")).isEqualTo(1);
        assertThat(simulator.requestCount(null, "/v1/")).isEqualTo(1);
    }
}
