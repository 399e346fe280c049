package io.aistats.test;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cancel (§3.6), delete (§3.7) and the model catalogue (§3.8).
 */
class CancelDeleteAndModelsTests {

    private static AiStatsGatewaySimulator simulator;

    private static GatewayHttp http;

    @BeforeAll
    static void start() {
        simulator = AiStatsGatewaySimulator.builder().manualClock()
                .workspaceId("3f0c2a9e-5b1d-4c7e-9a2f-6d8e1b4c7a90").start();
        http = new GatewayHttp(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void cancelAlwaysAnswers501AfterAuthentication() {
        String id = http.create("{\"prompt\":\"boat\"}");
        for (String target : new String[] {id, "G-DOES-NOT-EXIST"}) {
            GatewayHttp.Response response = http.post("/v1/videos/" + target + "/cancel", "{\"anything\":true}");
            assertThat(response.status()).isEqualTo(501);
            String requestId = response.json().get("request_id").stringValue();
            assertThat(response.body()).isEqualTo("{\"error\":\"not_implemented_yet\",\"reason\":"
                    + "\"video_cancellation_disabled\",\"message\":\"Video cancellation is not supported by the Phaseo "
                    + "video API.\",\"request_id\":\"" + requestId + "\",\"workspace_id\":"
                    + "\"3f0c2a9e-5b1d-4c7e-9a2f-6d8e1b4c7a90\",\"video_id\":\"" + target + "\",\"status_code\":501,"
                    + "\"error_type\":\"user\",\"error_origin\":\"user\",\"generation_id\":\"" + requestId + "\"}");
        }
        assertThat(simulator.jobs().get(id).status()).isEqualTo("queued");
        assertThat(http.call("POST", "/v1/videos/" + id + "/cancel").send().status()).isEqualTo(401);
    }

    @Test
    void enabledCancellationCancelsRunningJobsOfProvidersThatCan() {
        simulator.cancellation(true);
        try {
            String queued = http.create("{\"model\":\"openai/sora-2\",\"prompt\":\"boat\"}");
            GatewayHttp.Response cancelled = http.post("/v1/videos/" + queued + "/cancel", "");
            assertThat(cancelled.status()).isEqualTo(200);
            JsonNode job = cancelled.json();
            assertThat(job.get("id").stringValue()).isEqualTo(queued);
            assertThat(job.get("object").stringValue()).isEqualTo("video");
            assertThat(job.get("status").stringValue()).isEqualTo("cancelled");
            assertThat(job.get("lifecycle_status").stringValue()).isEqualTo("cancelled");
            assertThat(simulator.jobs().get(queued).status()).isEqualTo("cancelled");

            GatewayHttp.Response again = http.post("/v1/videos/" + queued + "/cancel", "");
            assertThat(again.status()).isEqualTo(400);
            assertThat(again.json().get("error").stringValue()).isEqualTo("validation_error");
            assertThat(again.json().get("reason").stringValue()).isEqualTo("video_cancel_requires_non_terminal_status");
            assertThat(again.json().get("status").stringValue()).isEqualTo("cancelled");

            String google = http.create("{\"model\":\"google/veo-3.1-lite\",\"prompt\":\"boat\"}");
            GatewayHttp.Response unsupported = http.post("/v1/videos/" + google + "/cancel", "");
            assertThat(unsupported.status()).isEqualTo(501);
            assertThat(unsupported.json().get("reason").stringValue()).isEqualTo("video_cancel_provider_not_supported");
            assertThat(simulator.jobs().get(google).status()).isEqualTo("queued");

            GatewayHttp.Response unknown = http.post("/v1/videos/G-01KDVDGQGGQ7M3R8X2VN5T9HZZ/cancel", "");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.json().get("reason").stringValue()).isEqualTo("video_not_found_or_not_owned");
        }
        finally {
            simulator.cancellation(false);
        }
        String id = http.create("{\"prompt\":\"boat\"}");
        assertThat(http.post("/v1/videos/" + id + "/cancel", "").json().get("reason").stringValue())
                .isEqualTo("video_cancellation_disabled");
    }

    @Test
    void onlyCompletedOrFailedJobsCanBeDeletedRepeatedly() {
        String running = http.create("{\"prompt\":\"boat\"}");
        simulator.jobs().progress(running, 5);
        GatewayHttp.Response refused = http.delete("/v1/videos/" + running);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("reason").stringValue()).isEqualTo("video_delete_requires_terminal_status");
        assertThat(refused.json().get("status").stringValue()).isEqualTo("processing");
        String expired = http.create("{\"prompt\":\"boat\"}");
        simulator.jobs().expire(expired);
        assertThat(http.delete("/v1/videos/" + expired).json().get("status").stringValue()).isEqualTo("expired");

        String failed = http.create("{\"prompt\":\"boat\"}");
        simulator.jobs().fail(failed, "no");
        for (int attempt = 0; attempt < 2; attempt++) {
            GatewayHttp.Response deleted = http.delete("/v1/videos/" + failed);
            assertThat(deleted.status()).isEqualTo(200);
            assertThat(deleted.body()).isEqualTo("{\"id\":\"" + failed + "\",\"object\":\"video.deleted\",\"deleted\":true}");
            assertThat(deleted.header("Cache-Control")).isNull();
        }
        assertThat(http.delete("/v1/videos/G-UNKNOWN").json().get("reason").stringValue())
                .isEqualTo("video_not_found_or_not_owned");
    }

    @Test
    void theModelCatalogueHasTheGatewaysShape() {
        GatewayHttp.Response response = http.get("/v1/videos/models");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        JsonNode body = response.json();
        assertThat(body.propertyNames()).containsExactly("object", "data");
        List<String> models = new ArrayList<>();
        body.get("data").values().forEach(model -> models.add(model.get("model").stringValue()));
        assertThat(models).contains("openai/sora-2", "openai/sora-2-pro", "google/veo-3.1-lite", "google/veo-3.1");
        JsonNode sora = body.get("data").get(0);
        assertThat(sora.propertyNames()).containsExactly("model", "name", "status", "input_types", "output_types",
                "supported_params", "supported_parameters", "supported_params_detail", "supported_parameters_detail",
                "providers", "pricing");
        assertThat(sora.get("supported_params")).isEqualTo(sora.get("supported_parameters"));
        assertThat(sora.get("supported_params_detail").toString())
                .isEqualTo("{\"duration\":{\"values\":[4,8,12],\"providers\":[\"openai\"]}}");
        assertThat(sora.get("providers").get(0).get("id").stringValue()).isEqualTo("openai");
        JsonNode seedance = body.get("data").get(4);
        assertThat(seedance.get("providers").get(0).get("id").stringValue()).isEqualTo("byteplus");
    }

    @Test
    void theModelCatalogueFiltersByParameters() {
        List<String> withAudio = new ArrayList<>();
        http.get("/v1/videos/models?params=generate_audio").json().get("data").values()
                .forEach(model -> withAudio.add(model.get("model").stringValue()));
        assertThat(withAudio).containsExactly("google/veo-3.1-lite", "google/veo-3.1");
        assertThat(http.get("/v1/videos/models?params=person_generation,nothing&params=enhance_prompt").json()
                .get("data")).hasSize(1);
        assertThat(http.get("/v1/videos/models?params=size").json().get("data")).hasSize(5);
        assertThat(http.get("/v1/videos/models?params=unknown").json().get("data")).isEmpty();
    }
}
