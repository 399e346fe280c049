package io.aistats.test;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /v1/videos/{id}}: the public job object (§4) and its provider variants (§4.9).
 */
class JobObjectTests {

    private static final Instant T0 = Instant.parse("2025-12-31T23:57:30Z");

    private AiStatsGatewaySimulator simulator;

    private GatewayHttp http;

    private String origin;

    @BeforeEach
    void start() {
        simulator = AiStatsGatewaySimulator.builder().manualClock(T0).queuedFor(Duration.ofSeconds(30))
                .processingFor(Duration.ofSeconds(120)).workspaceId("3f0c2a9e-5b1d-4c7e-9a2f-6d8e1b4c7a90").start();
        http = new GatewayHttp(simulator);
        origin = simulator.origin().toString();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aCompletedOpenAiJobHasEveryMemberInTheGatewaysOrder() {
        String id = http.create("{\"model\":\"openai/sora-2\",\"prompt\":\"A paper boat\",\"seconds\":\"8\","
                + "\"size\":\"1280x720\"}");
        simulator.jobs().complete(id);
        GatewayHttp.Response response = http.get("/v1/videos/" + id);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isNull();
        JsonNode job = response.json();
        assertThat(job.propertyNames()).containsExactly("id", "object", "status", "lifecycle_status",
                "output_access", "progress", "progress_source", "polling_url", "websocket_url", "poll_after_seconds",
                "cancel_url", "generation_id", "native_video_id", "created_at", "expires_at", "started_at",
                "completed_at", "provider", "model", "seconds", "size", "prompt", "remixed_from_video_id", "audio",
                "asset", "outputs", "usage", "billing", "content_url", "download_url");
        assertThat(job.get("status").stringValue()).isEqualTo("completed");
        assertThat(job.get("output_access").stringValue()).isEqualTo("both");
        assertThat(job.get("progress").intValue()).isEqualTo(100);
        assertThat(job.get("progress_source").stringValue()).isEqualTo("provider");
        assertThat(job.get("polling_url").stringValue()).isEqualTo(origin + "/v1/videos/" + id);
        assertThat(job.get("websocket_url").stringValue()).isEqualTo(
                "ws://127.0.0.1:" + simulator.port() + "/v1/async/video/" + id + "/ws");
        assertThat(job.get("poll_after_seconds").intValue()).isEqualTo(20);
        assertThat(job.get("cancel_url").isNull()).isTrue();
        assertThat(job.get("generation_id").stringValue()).isEqualTo(id);
        assertThat(job.get("native_video_id").stringValue()).matches("video_[0-9a-f]{32}");
        assertThat(job.get("created_at").isIntegralNumber()).isTrue();
        assertThat(job.get("created_at").longValue()).isEqualTo(T0.getEpochSecond());
        assertThat(job.get("completed_at").longValue()).isEqualTo(T0.getEpochSecond());
        assertThat(job.get("started_at").isNull()).isTrue();
        assertThat(job.get("provider").stringValue()).isEqualTo("openai");
        assertThat(job.get("model").stringValue()).isEqualTo("sora-2");
        assertThat(job.get("seconds").stringValue()).isEqualTo("8");
        assertThat(job.get("size").stringValue()).isEqualTo("1280x720");
        assertThat(job.get("prompt").stringValue()).isEqualTo("A paper boat");
        assertThat(job.get("audio").isNull()).isTrue();
        assertThat(job.get("asset").isNull()).isTrue();
        assertThat(job.get("outputs")).isEmpty();
        assertThat(job.get("usage").toString()).isEqualTo("{\"output_video_seconds\":8,\"cost_usd\":0.8,"
                + "\"costUsd\":0.8,\"pricing_breakdown\":{\"total_nanos\":800000000,\"total_usd_str\":\"0.800000000\"},"
                + "\"cost\":0.8,\"is_byok\":false}");
        assertThat(job.get("content_url").stringValue()).isEqualTo(origin + "/v1/videos/" + id + "/content");
        assertThat(job.get("download_url").stringValue()).startsWith(origin + "/v1/videos/" + id
                + "/content?download_token=").endsWith("&expires_at=" + (T0.getEpochSecond() + 900));
        assertThat(job.get("expires_at").longValue()).isEqualTo(T0.getEpochSecond() + 900);
        JsonNode billing = job.get("billing");
        assertThat(billing.propertyNames()).containsExactly("currency", "estimated_provider_cost",
                "estimated_user_cost", "settled_provider_cost", "settled_user_cost", "state", "billable",
                "total_nanos", "estimated_nanos", "reserved_nanos", "reservation_id", "reservation_status",
                "charge_reason", "charged", "billed_at");
        assertThat(billing.get("settled_user_cost").stringValue()).isEqualTo("0.80");
        assertThat(billing.get("state").stringValue()).isEqualTo("settled");
        assertThat(billing.get("total_nanos").longValue()).isEqualTo(800_000_000L);
        assertThat(billing.get("reservation_status").stringValue()).isEqualTo("captured");
        assertThat(billing.get("charged").booleanValue()).isTrue();
        assertThat(billing.get("billed_at").stringValue()).isEqualTo("2025-12-31T23:57:30.000000+00:00");
    }

    @Test
    void theDownloadUrlIsFreshOnEachReadAndUsesTheCallersOrigin() {
        String id = http.create("{\"prompt\":\"fresh\"}");
        simulator.jobs().complete(id);
        String first = http.get("/v1/videos/" + id).json().get("download_url").stringValue();
        simulator.clock().advance(Duration.ofSeconds(5));
        JsonNode second = http.get("/v1/videos/" + id).json();
        assertThat(second.get("download_url").stringValue()).isNotEqualTo(first);
        assertThat(second.get("expires_at").longValue()).isEqualTo(simulator.clock().now().getEpochSecond() + 900);
        JsonNode viaHost = GatewayHttp.JSON.readTree(RawHttp.exchange(simulator.port(), "GET /v1/videos/" + id
                + " HTTP/1.1\r\nHost: gateway.test:9443\r\nAuthorization: Bearer " + simulator.apiKey()
                + "\r\nConnection: close\r\n\r\n").body());
        assertThat(viaHost.get("polling_url").stringValue()).isEqualTo("http://gateway.test:9443/v1/videos/" + id);
        assertThat(viaHost.get("download_url").stringValue()).startsWith("http://gateway.test:9443/v1/videos/");
    }

    @Test
    void anInProgressOpenAiJobHasEstimatedBillingAndNoLinks() {
        String id = http.create("{\"prompt\":\"running\",\"seconds\":\"8\"}");
        simulator.jobs().progress(id, 60);
        JsonNode job = http.get("/v1/videos/" + id).json();
        assertThat(job.get("status").stringValue()).isEqualTo("in_progress");
        assertThat(job.get("progress").intValue()).isEqualTo(60);
        assertThat(job.get("completed_at").isNull()).isTrue();
        assertThat(job.get("expires_at").isNull()).isTrue();
        assertThat(job.get("download_url").isNull()).isTrue();
        assertThat(job.has("error")).isFalse();
        assertThat(job.get("billing").toString()).isEqualTo("{\"currency\":\"usd\",\"estimated_provider_cost\":"
                + "\"0.80\",\"estimated_user_cost\":\"0.80\",\"settled_provider_cost\":null,\"settled_user_cost\":null,"
                + "\"state\":\"estimated\",\"billable\":true,\"total_nanos\":null,\"estimated_nanos\":800000000,"
                + "\"reserved_nanos\":800000000,\"reservation_id\":\""
                + job.get("billing").get("reservation_id").stringValue() + "\",\"reservation_status\":\"held\","
                + "\"charge_reason\":null,\"charged\":null}");
    }

    @Test
    void aFailedJobIsVoided() {
        String id = http.create("{\"model\":\"google/veo-3.1-lite\",\"prompt\":\"fails\",\"duration\":8}");
        simulator.jobs().fail(id, "Upstream refused the prompt");
        JsonNode job = http.get("/v1/videos/" + id).json();
        assertThat(job.get("status").stringValue()).isEqualTo("failed");
        assertThat(job.get("error").stringValue()).isEqualTo("Upstream refused the prompt");
        assertThat(job.get("download_url").isNull()).isTrue();
        JsonNode billing = job.get("billing");
        assertThat(billing.get("state").stringValue()).isEqualTo("void");
        assertThat(billing.get("settled_user_cost").stringValue()).isEqualTo("0.00");
        assertThat(billing.get("billable").booleanValue()).isFalse();
        assertThat(billing.has("billed_at")).isFalse();
        assertThat(job.get("usage").get("cost_usd").doubleValue()).isZero();
    }

    @Test
    void googleJobsListOutputsAndAnAssetOnceCompleted() {
        String id = http.create("{\"model\":\"google/veo-3.1-lite\",\"prompt\":\"two samples\",\"duration\":8,"
                + "\"resolution\":\"720p\",\"sample_count\":2}");
        JsonNode queued = http.get("/v1/videos/" + id).json();
        assertThat(queued.get("created_at").stringValue()).isEqualTo("2025-12-31T23:57:30.000000+00:00");
        assertThat(queued.has("prompt")).isFalse();
        assertThat(queued.get("outputs")).isEmpty();
        simulator.jobs().complete(id);
        JsonNode job = http.get("/v1/videos/" + id).json();
        assertThat(job.get("provider").stringValue()).isEqualTo("google-ai-studio");
        assertThat(job.get("model").stringValue()).isEqualTo("google/veo-3.1-lite");
        assertThat(job.get("seconds").isIntegralNumber()).isTrue();
        assertThat(job.get("seconds").intValue()).isEqualTo(8);
        assertThat(job.get("size").stringValue()).isEqualTo("720p");
        assertThat(job.get("completed_at").stringValue()).endsWith("+00:00");
        assertThat(job.has("prompt")).isFalse();
        assertThat(job.has("remixed_from_video_id")).isFalse();
        assertThat(job.get("progress_source").stringValue()).isEqualTo("none");
        JsonNode outputs = job.get("outputs");
        assertThat(outputs).hasSize(2);
        assertThat(outputs.get(0).get("content_url").stringValue()).isEqualTo(origin + "/v1/videos/" + id + "/content");
        assertThat(outputs.get(1).get("content_url").stringValue())
                .isEqualTo(origin + "/v1/videos/" + id + "/content?index=1");
        assertThat(outputs.get(1).get("download_url").stringValue()).contains("/content?index=1&download_token=");
        assertThat(outputs.get(1).get("bytes_available").booleanValue()).isFalse();
        assertThat(job.get("asset").toString()).isEqualTo("{\"id\":\"ast_" + id.substring(2) + "\",\"mime_type\":"
                + "\"video/mp4\",\"bytes\":null,\"sha256\":null,\"width\":null,\"height\":null,\"duration_seconds\":8}");
    }

    @Test
    void outputAccessDecidesTheUrlMembers() {
        String bytes = http.create("{\"prompt\":\"bytes\",\"output\":{\"access\":\"bytes\",\"ignored\":1}}");
        String signed = http.create("{\"model\":\"google/veo-3.1\",\"prompt\":\"s\",\"output\":{\"access\":\"signed_url\"}}");
        simulator.jobs().complete(bytes);
        simulator.jobs().complete(signed);
        JsonNode bytesJob = http.get("/v1/videos/" + bytes).json();
        assertThat(bytesJob.get("output_access").stringValue()).isEqualTo("bytes");
        assertThat(bytesJob.has("content_url")).isTrue();
        assertThat(bytesJob.has("download_url")).isFalse();
        assertThat(bytesJob.get("expires_at").longValue())
                .isEqualTo(simulator.clock().now().getEpochSecond() + 3600);
        JsonNode signedJob = http.get("/v1/videos/" + signed).json();
        assertThat(signedJob.has("content_url")).isFalse();
        assertThat(signedJob.get("download_url").isString()).isTrue();
        assertThat(signedJob.get("outputs").get(0).has("content_url")).isFalse();
        assertThat(signedJob.get("outputs").get(0).has("download_url")).isTrue();
        assertThat(http.get("/v1/videos/" + signed + "/content").status()).isEqualTo(200);
    }

    @Test
    void unknownAndDeletedJobsAre404() {
        GatewayHttp.Response unknown = http.get("/v1/videos/G-01KDVDGQGGQ7M3R8X2VN5T9HBC");
        assertThat(unknown.status()).isEqualTo(404);
        JsonNode body = unknown.json();
        assertThat(body.propertyNames()).containsExactly("error", "reason", "request_id", "workspace_id", "video_id",
                "status_code", "error_type", "error_origin", "generation_id");
        assertThat(body.get("reason").stringValue()).isEqualTo("video_not_found_or_not_owned");
        assertThat(body.get("workspace_id").stringValue()).isEqualTo("3f0c2a9e-5b1d-4c7e-9a2f-6d8e1b4c7a90");
        assertThat(body.get("video_id").stringValue()).isEqualTo("G-01KDVDGQGGQ7M3R8X2VN5T9HBC");
        assertThat(body.get("request_id").stringValue()).isNotEqualTo("G-01KDVDGQGGQ7M3R8X2VN5T9HBC");

        String id = http.create("{\"prompt\":\"deleted\"}");
        simulator.jobs().complete(id);
        assertThat(http.delete("/v1/videos/" + id).status()).isEqualTo(200);
        GatewayHttp.Response deleted = http.get("/v1/videos/" + id);
        assertThat(deleted.status()).isEqualTo(404);
        assertThat(deleted.json().get("reason").stringValue()).isEqualTo("video_deleted");
        assertThat(simulator.jobs().get(id).deleted()).isTrue();
    }

    @Test
    void withoutDownloadSigningLinksAreNull() {
        try (AiStatsGatewaySimulator unsigned = AiStatsGatewaySimulator.builder().manualClock()
                .withoutDownloadSigning().start()) {
            GatewayHttp unsignedHttp = new GatewayHttp(unsigned);
            String id = unsignedHttp.create("{\"prompt\":\"x\"}");
            unsigned.jobs().complete(id);
            assertThat(unsignedHttp.get("/v1/videos/" + id).json().get("download_url").isNull()).isTrue();
            GatewayHttp.Response link = unsignedHttp.post("/v1/videos/" + id + "/download_url", "");
            assertThat(link.status()).isEqualTo(500);
            assertThat(link.json().get("reason").stringValue()).isEqualTo("video_download_signing_not_configured");
            assertThat(link.json().get("error_origin").stringValue()).isEqualTo("gateway");
        }
    }
    @Test
    void webhookStateIsShownOnceConfigured() {
        simulator.runtime().webhookEndpoints((workspace, endpoint) -> true);
        String id = http.create("{\"prompt\":\"hooked\",\"webhook\":{\"endpoint_id\":"
                + "\"7B6F1C2E-9D4A-4E3B-8F21-0C5D9E7A1B34\",\"events\":[\"Completed\",\"video.canceled\",\"nope\"]}}");
        JsonNode fresh = http.get("/v1/videos/" + id).json().get("webhook");
        assertThat(fresh.toString()).isEqualTo("{\"endpoint_id\":\"7b6f1c2e-9d4a-4e3b-8f21-0c5d9e7a1b34\",\"url\":null,"
                + "\"events\":[\"job.completed\",\"video.cancelled\"],\"has_secret\":true,\"delivery\":"
                + "{\"total_attempts\":0,\"delivered_events\":0,\"delivered_event_types\":[],\"pending_retries\":0,"
                + "\"next_retry_at\":null,\"last_attempt_at\":null,\"last_attempt_status\":null,"
                + "\"last_response_status\":null,\"last_delivered_at\":null,\"last_failure_at\":null,"
                + "\"last_error_message\":null},\"attempts\":[]}");

        Instant tried = simulator.clock().now();
        simulator.runtime().jobs().update(id, job -> {
            job.webhook.recordAttempt(new WebhookAttempt("video.created", "video.created", "delivered", 1, 4, tried,
                    tried, null, 200, null, "ok"));
            job.webhook.recordAttempt(new WebhookAttempt("video.status_changed:queued:in_progress",
                    "video.status_changed", "scheduled_retry", 1, 4, tried, null, tried.plusSeconds(60), 500,
                    "Webhook returned HTTP 500", "oops"));
            job.lastWebhookDispatchedAt = tried;
        }, tried);
        JsonNode job = http.get("/v1/videos/" + id).json();
        JsonNode delivery = job.get("webhook").get("delivery");
        assertThat(delivery.get("total_attempts").intValue()).isEqualTo(2);
        assertThat(delivery.get("delivered_event_types").toString()).isEqualTo("[\"video.created\"]");
        assertThat(delivery.get("pending_retries").intValue()).isEqualTo(1);
        assertThat(delivery.get("next_retry_at").stringValue()).isEqualTo("2025-12-31T23:58:30.000Z");
        assertThat(delivery.get("last_attempt_status").stringValue()).isEqualTo("scheduled_retry");
        assertThat(delivery.get("last_response_status").intValue()).isEqualTo(500);
        assertThat(delivery.get("last_error_message").stringValue()).isEqualTo("Webhook returned HTTP 500");
        assertThat(job.get("webhook").get("attempts").get(0).get("id").stringValue())
                .isEqualTo("video.created:1:2025-12-31T23:57:30.000Z");
        assertThat(job.get("next_webhook_retry_at").stringValue()).isEqualTo("2025-12-31T23:58:30.000Z");
        assertThat(job.get("last_webhook_dispatched_at").stringValue()).isEqualTo("2025-12-31T23:57:30.000Z");
        assertThat(simulator.jobs().jobData(id).get("webhook")).isEqualTo(job.get("webhook"));
    }
}
