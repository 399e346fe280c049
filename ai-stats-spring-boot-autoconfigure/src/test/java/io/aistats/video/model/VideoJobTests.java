package io.aistats.video.model;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class VideoJobTests {

    private static final String ID = "G-01KDVDGQGGQ7M3R8X2VN5T9HBC";

    private static final Instant CREATED = Instant.ofEpochSecond(1767225450);

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void decodesTheCreateResponse() {
        VideoJob job = read("create-response.json");

        assertThat(job.id()).isEqualTo(ID);
        assertThat(job.requestId()).isEqualTo(ID);
        assertThat(job.object()).isEqualTo("video");
        assertThat(job.model()).isEqualTo("sora-2");
        assertThat(job.status()).isSameAs(VideoStatus.QUEUED);
        assertThat(job.isTerminal()).isFalse();
        assertThat(job.progress()).isZero();
        assertThat(job.createdAt()).isEqualTo(CREATED);
        assertThat(job.completedAt()).isNull();
        assertThat(job.expiresAt()).isNull();
        assertThat(job.error()).isNull();
        assertThat(job.prompt()).isEqualTo("A paper boat drifting down a rain-soaked street at dusk");
        assertThat(job.seconds()).isEqualTo(8.0);
        assertThat(job.size()).isEqualTo("1280x720");
        assertThat(job.provider()).isEqualTo("openai");
        assertThat(job.pollingUrl()).isNull();
        assertThat(job.lifecycleStatus()).isNull();
        assertThat(job.outputs()).isEmpty();
        assertThat(job.billing()).isNull();
        assertThat(job.extras()).containsOnlyKeys("nativeResponseId", "meta");
        assertThat(job.extras()).containsEntry("nativeResponseId", null);
        assertThat(job.extras().get("meta")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
            .containsEntry("generation_ms", 1840)
            .containsEntry("phaseo_overhead_ms", 35)
            .containsEntry("throughput_tps", null);
    }

    @Test
    void decodesTheCompletedPublicJobObject() {
        VideoJob job = read("get-completed-openai.json");

        assertThat(job.id()).isEqualTo(ID);
        assertThat(job.status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(job.isTerminal()).isTrue();
        assertThat(job.lifecycleStatus()).isSameAs(LifecycleStatus.COMPLETED);
        assertThat(job.outputAccess()).isEqualTo(OutputAccess.BOTH);
        assertThat(job.progress()).isEqualTo(100);
        assertThat(job.progressSource()).isEqualTo("provider");
        assertThat(job.pollingUrl()).isEqualTo("https://api.phaseo.app/v1/videos/" + ID);
        assertThat(job.websocketUrl()).isEqualTo("wss://api.phaseo.app/v1/async/video/" + ID + "/ws");
        assertThat(job.pollAfterSeconds()).isEqualTo(20);
        assertThat(job.cancelUrl()).isNull();
        assertThat(job.generationId()).isEqualTo(ID);
        assertThat(job.nativeVideoId()).isEqualTo("video_6955a1c4e0f08190a1b2c3d4e5f60718");
        assertThat(job.createdAt()).isEqualTo(CREATED);
        assertThat(job.completedAt()).isEqualTo(Instant.ofEpochSecond(1767225597));
        assertThat(job.expiresAt()).isEqualTo(Instant.ofEpochSecond(1767226505));
        assertThat(job.startedAt()).isNull();
        assertThat(job.seconds()).isEqualTo(8.0);
        assertThat(job.remixedFromVideoId()).isNull();
        assertThat(job.audio()).isNull();
        assertThat(job.asset()).isNull();
        assertThat(job.outputs()).isEmpty();
        assertThat(job.error()).isNull();
        assertThat(job.contentUrl()).isEqualTo("https://api.phaseo.app/v1/videos/" + ID + "/content");
        assertThat(job.downloadUrl()).startsWith("https://api.phaseo.app/v1/videos/" + ID + "/content?download_token=");

        VideoUsage usage = job.usage();
        assertThat(usage).isNotNull();
        assertThat(usage.outputVideoSeconds()).isEqualTo(8.0);
        assertThat(usage.costUsd()).isEqualByComparingTo("0.8");
        assertThat(usage.byok()).isFalse();
        assertThat(usage.raw()).containsKeys("pricing_breakdown", "cost", "costUsd");

        VideoBilling billing = job.billing();
        assertThat(billing).isNotNull();
        assertThat(billing.currency()).isEqualTo("usd");
        assertThat(billing.estimatedProviderCost()).isEqualTo(new BigDecimal("0.80"));
        assertThat(billing.estimatedUserCost()).isEqualTo(new BigDecimal("0.80"));
        assertThat(billing.settledProviderCost()).isEqualTo(new BigDecimal("0.80"));
        assertThat(billing.settledUserCost()).isEqualTo(new BigDecimal("0.80"));
        assertThat(billing.state()).isEqualTo("settled");
        assertThat(billing.billable()).isTrue();
        assertThat(billing.totalNanos()).isEqualTo(800_000_000L);
        assertThat(billing.estimatedNanos()).isEqualTo(800_000_000L);
        assertThat(billing.reservedNanos()).isEqualTo(800_000_000L);
        assertThat(billing.reservationId()).isEqualTo("c1d2e3f4-0a1b-4c2d-9e3f-5a6b7c8d9e0f");
        assertThat(billing.reservationStatus()).isEqualTo("captured");
        assertThat(billing.chargeReason()).isEqualTo("captured");
        assertThat(billing.charged()).isTrue();
        assertThat(billing.billedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.402113Z"));

        VideoWebhookState webhook = job.webhook();
        assertThat(webhook).isNotNull();
        assertThat(webhook.endpointId()).isEqualTo("7b6f1c2e-9d4a-4e3b-8f21-0c5d9e7a1b34");
        assertThat(webhook.url()).isNull();
        assertThat(webhook.events()).isEmpty();
        assertThat(webhook.hasSecret()).isTrue();
        VideoWebhookState.Delivery delivery = webhook.delivery();
        assertThat(delivery).isNotNull();
        assertThat(delivery.totalAttempts()).isEqualTo(3);
        assertThat(delivery.deliveredEvents()).isEqualTo(3);
        assertThat(delivery.deliveredEventTypes()).containsExactly("video.completed", "video.created",
                "video.status_changed:queued:in_progress");
        assertThat(delivery.pendingRetries()).isZero();
        assertThat(delivery.nextRetryAt()).isNull();
        assertThat(delivery.lastAttemptAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.611Z"));
        assertThat(delivery.lastAttemptStatus()).isEqualTo("delivered");
        assertThat(delivery.lastResponseStatus()).isEqualTo(200);
        assertThat(delivery.lastDeliveredAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.611Z"));
        assertThat(delivery.lastFailureAt()).isNull();
        assertThat(delivery.lastErrorMessage()).isNull();
        assertThat(webhook.attempts()).singleElement().satisfies((attempt) -> {
            assertThat(attempt.id()).isEqualTo("video.completed:1:2026-01-01T00:00:00.611Z");
            assertThat(attempt.deliveryKey()).isEqualTo("video.completed");
            assertThat(attempt.eventType()).isEqualTo("video.completed");
            assertThat(attempt.status()).isEqualTo("delivered");
            assertThat(attempt.attemptNumber()).isEqualTo(1);
            assertThat(attempt.maxAttempts()).isEqualTo(4);
            assertThat(attempt.triedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.611Z"));
            assertThat(attempt.deliveredAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.611Z"));
            assertThat(attempt.nextRetryAt()).isNull();
            assertThat(attempt.responseStatus()).isEqualTo(200);
            assertThat(attempt.errorMessage()).isNull();
            assertThat(attempt.responseBodyPreview()).isEqualTo("ok");
        });
        assertThat(job.extras()).containsOnly(entry("last_webhook_dispatched_at", "2026-01-01T00:00:00.611Z"));
    }

    @Test
    void decodesTheInProgressPollOfAnOpenAiJob() {
        VideoJob job = read("get-in-progress.json");

        assertThat(job.status()).isSameAs(VideoStatus.IN_PROGRESS);
        assertThat(job.status().normalized()).isSameAs(VideoStatus.PROCESSING);
        assertThat(job.status().isActive()).isTrue();
        assertThat(job.lifecycleStatus()).isSameAs(LifecycleStatus.RUNNING);
        assertThat(job.progress()).isEqualTo(60);
        assertThat(job.isTerminal()).isFalse();
        assertThat(job.error()).isNull();
        assertThat(job.downloadUrl()).isNull();
        assertThat(job.billing().settledUserCost()).isNull();
        assertThat(job.billing().state()).isEqualTo("estimated");
        // the contract abbreviates this webhook object; unknown members must not fail decoding
        assertThat(job.webhook()).isNotNull();
        assertThat(job.webhook().endpointId()).isNull();
        assertThat(job.webhook().attempts()).isEmpty();
    }

    @Test
    void decodesAListPage() throws IOException {
        VideoPage page = this.mapper.readValue(resource("list-response.json"), VideoPage.class);

        assertThat(page.object()).isEqualTo("list");
        assertThat(page.firstId()).isEqualTo(ID);
        assertThat(page.lastId()).isEqualTo("G-01KDV9ZB4R5M2X7Q1W3E6T8Y0U");
        assertThat(page.hasMore()).isTrue();
        assertThat(page.isEmpty()).isFalse();
        assertThat(page.data()).hasSize(2);
        VideoJob openAi = page.data().get(0);
        assertThat(openAi.status()).isEqualTo(VideoStatus.IN_PROGRESS);
        assertThat(openAi.createdAt()).isEqualTo(Instant.parse("2025-12-31T23:57:30.214871Z"));
        assertThat(openAi.seconds()).isEqualTo(8.0);
        assertThat(openAi.prompt()).isNull();
        assertThat(openAi.usage().byok()).isFalse();
        VideoJob google = page.data().get(1);
        assertThat(google.status()).isSameAs(VideoStatus.FAILED);
        assertThat(google.isTerminal()).isTrue();
        assertThat(google.outputAccess()).isEqualTo(OutputAccess.BYTES);
        assertThat(google.createdAt()).isEqualTo(Instant.parse("2025-12-31T22:10:05.500Z"));
        assertThat(google.completedAt()).isEqualTo(Instant.parse("2025-12-31T22:12:40.001Z"));
        assertThat(google.seconds()).isEqualTo(8.0);
        assertThat(google.error()).isNull();
        assertThat(google.downloadUrl()).isNull();
        assertThat(google.billing().state()).isEqualTo("void");
        assertThat(google.billing().settledUserCost()).isEqualTo(new BigDecimal("0.00"));
        assertThat(google.billing().totalNanos()).isZero();
        assertThat(google.usage().byok()).isTrue();
    }

    @Test
    void decodesAnEmptyPage() throws IOException {
        VideoPage page = this.mapper.readValue(
                "{\"object\":\"list\",\"data\":[],\"first_id\":null,\"last_id\":null,\"has_more\":false}",
                VideoPage.class);

        assertThat(page.isEmpty()).isTrue();
        assertThat(page.data()).isEmpty();
        assertThat(page.firstId()).isNull();
        assertThat(page.lastId()).isNull();
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void decodesOutputsAssetAndUnknownMembersOfAGoogleJob() {
        VideoJob job = read("get-completed-google.json");

        assertThat(job.outputAccess()).isEqualTo(OutputAccess.SIGNED_URL);
        assertThat(job.contentUrl()).isNull();
        assertThat(job.audio()).isTrue();
        assertThat(job.createdAt()).isEqualTo(Instant.parse("2025-12-31T23:57:30.214871Z"));
        assertThat(job.completedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        VideoAsset asset = job.asset();
        assertThat(asset).isEqualTo(new VideoAsset("ast_01KDW0AAAABBBBCCCCDDDDEEEE", "video/mp4", 1_048_576L, null,
                null, null, 8.0));
        assertThat(job.outputs()).hasSize(2);
        VideoOutput first = job.outputs().get(0);
        assertThat(first.index()).isZero();
        assertThat(first.mimeType()).isEqualTo("video/mp4");
        assertThat(first.bytesAvailable()).isTrue();
        assertThat(first.contentUrl()).isNull();
        assertThat(first.downloadUrl()).endsWith("download_token=t0&download_sig=s0&expires_at=1767226505");
        assertThat(first.expiresAt()).isEqualTo(Instant.ofEpochSecond(1767226505));
        assertThat(first.toString()).doesNotContain("download_sig").contains("?<redacted>");
        VideoOutput second = job.outputs().get(1);
        assertThat(second.index()).isEqualTo(1);
        assertThat(second.mimeType()).isEqualTo("video/webm");
        assertThat(second.bytesAvailable()).isFalse();
        assertThat(second.expiresAt()).isEqualTo(Instant.ofEpochSecond(1767226506));
        assertThat(job.usage().outputVideoSeconds()).isEqualTo(8.5);
        assertThat(job.usage().costUsd()).isEqualByComparingTo("2.4");
        assertThat(job.billing().settledProviderCost()).isEqualTo(new BigDecimal("2.40"));
        assertThat(job.billing().totalNanos()).isEqualTo(2_400_000_000L);
        assertThat(job.extras()).containsOnlyKeys("next_webhook_retry_at", "future_member");
        assertThat(job.extras().get("future_member")).isEqualTo(Map.of("nested", List.of(1, 2, 3)));
        assertThat(job.toString()).doesNotContain("download_sig");
    }

    @Test
    void decodesTheWebhookJobDataOfACreatedDelivery() throws IOException {
        VideoJob job = readData("webhook-created.json");

        assertThat(job.id()).isEqualTo(ID);
        assertThat(job.object()).isEqualTo("video");
        assertThat(job.kind()).isEqualTo("video");
        assertThat(job.status()).isSameAs(VideoStatus.QUEUED);
        assertThat(job.lifecycleStatus()).isSameAs(LifecycleStatus.PENDING);
        assertThat(job.requestId()).isEqualTo(ID);
        assertThat(job.nativeVideoId()).isEqualTo("video_6955a1c4e0f08190a1b2c3d4e5f60718");
        assertThat(job.progress()).isZero();
        assertThat(job.cancelUrl()).isEqualTo("https://api.phaseo.app/v1/videos/" + ID + "/cancel");
        assertThat(job.contentUrl()).isEqualTo("https://api.phaseo.app/v1/videos/" + ID + "/content");
        assertThat(job.downloadUrl()).isNull();
        assertThat(job.expiresAt()).isNull();
        assertThat(job.durationSeconds()).isEqualTo(8.0);
        assertThat(job.seconds()).isNull();
        assertThat(job.resolution()).isEqualTo("1280x720");
        assertThat(job.quality()).isNull();
        assertThat(job.outputAccess()).isEqualTo(OutputAccess.BOTH);
        assertThat(job.createdAt()).isEqualTo(Instant.parse("2025-12-31T23:57:30.214871Z"));
        assertThat(job.updatedAt()).isEqualTo(Instant.parse("2025-12-31T23:57:30.214871Z"));
        assertThat(job.finalizedAt()).isNull();
        assertThat(job.webhook().endpointId()).isEqualTo("7b6f1c2e-9d4a-4e3b-8f21-0c5d9e7a1b34");
        assertThat(job.webhook().delivery().totalAttempts()).isZero();
        assertThat(job.webhook().delivery().deliveredEventTypes()).isEmpty();
        assertThat(job.billing().state()).isEqualTo("estimated");
        assertThat(job.billing().settledUserCost()).isNull();
        assertThat(job.billing().billedAt()).isNull();
        assertThat(job.extras()).containsEntry("session_id", null)
            .containsEntry("key_source", "gateway")
            .containsEntry("reservation_status", "held")
            .containsEntry("duration_ms", null)
            .doesNotContainKeys("native_id", "request_id", "billing", "webhook");
    }

    @Test
    void decodesTheWebhookJobDataOfACompletedDelivery() throws IOException {
        VideoJob job = readData("webhook-completed.json");

        assertThat(job.status()).isSameAs(VideoStatus.COMPLETED);
        assertThat(job.isTerminal()).isTrue();
        assertThat(job.progress()).isEqualTo(100);
        assertThat(job.cancelUrl()).isNull();
        assertThat(job.downloadUrl()).contains("download_sig=09ef081e805c3a1a8d221b8939a67a55d9678463b372272ed0fd66a922afff97");
        assertThat(job.expiresAt()).isEqualTo(Instant.ofEpochSecond(1767226500));
        assertThat(job.finalizedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.398Z"));
        assertThat(job.updatedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.402113Z"));
        assertThat(job.webhook().attempts()).extracting(VideoWebhookState.Attempt::deliveryKey)
            .containsExactly("video.created", "video.status_changed:queued:in_progress");
        assertThat(job.webhook().delivery().lastAttemptAt()).isEqualTo(Instant.parse("2025-12-31T23:59:00.711Z"));
        assertThat(job.billing().charged()).isTrue();
        assertThat(job.billing().billedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.402113Z"));
        assertThat(job.extras()).containsEntry("duration_ms", 150184)
            .containsEntry("polled_status", "completed")
            .containsEntry("pricing_breakdown", Map.of("total_nanos", 800000000, "total_usd_str", "0.800000000"));
    }

    @ParameterizedTest
    @CsvSource({ "'\"8\"', 8.0", "8, 8.0", "'\"12.5\"', 12.5", "4.0, 4.0", "null, ", "'\"abc\"', ", "'{}', ",
            "'[]', ", "true, " })
    void decodesSecondsFromStringsAndNumbers(String json, Double expected) {
        assertThat(job("{\"seconds\":" + json + "}").seconds()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({ "1767225450, 2025-12-31T23:57:30Z", "'\"1767225450\"', 2025-12-31T23:57:30Z",
            "1767225450.25, 2025-12-31T23:57:30.250Z",
            "'\"2026-01-01T00:00:00.000Z\"', 2026-01-01T00:00:00Z",
            "'\"2025-12-31T23:57:30.214871+00:00\"', 2025-12-31T23:57:30.214871Z",
            "'\"2025-12-31T23:57:30.214871+02:00\"', 2025-12-31T21:57:30.214871Z",
            "'\"2025-12-31 23:57:30.214871+00\"', 2025-12-31T23:57:30.214871Z",
            "'\"2025-12-31T23:57:30\"', 2025-12-31T23:57:30Z", "null, ", "'\"\"', ", "'\"yesterday\"', ",
            "'{\"seconds\":1}', " })
    void decodesTimestampsFromUnixSecondsAndIsoStrings(String json, Instant expected) {
        VideoJob job = job("{\"created_at\":" + json + ",\"completed_at\":" + json + ",\"started_at\":" + json
                + ",\"updated_at\":" + json + ",\"finalized_at\":" + json + ",\"expires_at\":" + json + "}");

        assertThat(List.of(optional(job.createdAt()), optional(job.completedAt()), optional(job.startedAt()),
                optional(job.updatedAt()), optional(job.finalizedAt()), optional(job.expiresAt())))
            .containsOnly(optional(expected));
    }

    @Test
    void decodesAStringError() {
        VideoJob job = job("{\"status\":\"failed\",\"error\":\"Video generation failed: content policy\"}");

        assertThat(job.error()).isNotNull();
        assertThat(job.error().message()).isEqualTo("Video generation failed: content policy");
        assertThat(job.error().code()).isNull();
        assertThat(job.error().raw()).isEqualTo("Video generation failed: content policy");
    }

    @Test
    void decodesAnObjectError() {
        VideoJob job = job("{\"status\":\"failed\",\"error\":{\"code\":\"moderation_blocked\",\"message\":\"Blocked\","
                + "\"type\":\"invalid_request_error\",\"param\":\"prompt\",\"extra\":1}}");

        VideoJobError error = job.error();
        assertThat(error.code()).isEqualTo("moderation_blocked");
        assertThat(error.message()).isEqualTo("Blocked");
        assertThat(error.type()).isEqualTo("invalid_request_error");
        assertThat(error.param()).isEqualTo("prompt");
        assertThat(error.raw()).isEqualTo(Map.of("code", "moderation_blocked", "message", "Blocked", "type",
                "invalid_request_error", "param", "prompt", "extra", 1));
    }

    @Test
    void absentAndNullErrorsAreNull() {
        assertThat(job("{\"status\":\"completed\"}").error()).isNull();
        assertThat(job("{\"status\":\"completed\",\"error\":null}").error()).isNull();
    }

    @Test
    void carriesUnknownStatusesAndIgnoresUnknownOutputAccess() {
        VideoJob job = job("{\"status\":\"Paused\",\"lifecycle_status\":\"sleeping\",\"output_access\":\"telepathy\","
                + "\"progress\":\"42\",\"outputs\":null,\"usage\":\"n/a\",\"billing\":[1],\"asset\":7,"
                + "\"webhook\":false,\"brand_new\":{\"a\":[true]}}");

        assertThat(job.status().value()).isEqualTo("Paused");
        assertThat(job.status().isKnown()).isFalse();
        assertThat(job.status().isTerminal()).isFalse();
        assertThat(job.status().isActive()).isFalse();
        assertThat(job.isTerminal()).isFalse();
        assertThat(job.lifecycleStatus().value()).isEqualTo("sleeping");
        assertThat(job.lifecycleStatus().isKnown()).isFalse();
        assertThat(job.outputAccess()).isNull();
        assertThat(job.progress()).isEqualTo(42);
        assertThat(job.outputs()).isEmpty();
        assertThat(job.usage()).isNull();
        assertThat(job.billing()).isNull();
        assertThat(job.asset()).isNull();
        assertThat(job.webhook()).isNull();
        assertThat(job.extras()).containsOnly(entry("brand_new", Map.of("a", List.of(true))));
    }

    @Test
    void decodesAnEmptyObject() {
        VideoJob job = job("{}");

        assertThat(job.id()).isNull();
        assertThat(job.status()).isNull();
        assertThat(job.isTerminal()).isFalse();
        assertThat(job.outputs()).isEmpty();
        assertThat(job.extras()).isEmpty();
    }

    @Test
    void acceptsBothSpellingsOfRequestAndNativeIds() {
        assertThat(job("{\"requestId\":\"a\",\"native_id\":\"n\"}")).satisfies((job) -> {
            assertThat(job.requestId()).isEqualTo("a");
            assertThat(job.nativeVideoId()).isEqualTo("n");
        });
        assertThat(job("{\"request_id\":\"b\",\"native_video_id\":\"m\"}")).satisfies((job) -> {
            assertThat(job.requestId()).isEqualTo("b");
            assertThat(job.nativeVideoId()).isEqualTo("m");
        });
    }

    @Test
    void extrasAreUnmodifiable() {
        VideoJob job = job("{\"meta\":{\"a\":[1]}}");

        assertThat(job.extras()).isUnmodifiable();
        assertThat(job.extras().get("meta")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
            .isUnmodifiable();
        assertThat(job.outputs()).isUnmodifiable();
    }

    @Test
    void serialisesWithWireNamesAndReadsItsOwnOutputBack() {
        VideoJob job = read("get-completed-openai.json");

        String json = this.mapper.writeValueAsString(job);
        JsonNode tree = this.mapper.readTree(json);

        assertThat(tree.get("lifecycle_status").asString()).isEqualTo("completed");
        assertThat(tree.get("output_access").asString()).isEqualTo("both");
        assertThat(tree.get("poll_after_seconds").asInt()).isEqualTo(20);
        assertThat(tree.get("created_at").asString()).isEqualTo("2025-12-31T23:57:30Z");
        assertThat(tree.get("billing").get("settled_user_cost").asString()).isEqualTo("0.80");
        assertThat(tree.get("webhook").get("delivery").get("delivered_event_types")).hasSize(3);
        assertThat(tree.get("usage").get("is_byok").asBoolean()).isFalse();
        assertThat(tree.get("last_webhook_dispatched_at").asString()).isEqualTo("2026-01-01T00:00:00.611Z");
        assertThat(tree.has("cancel_url")).isFalse();
        assertThat(tree.has("error")).isFalse();
        assertThat(tree.has("extras")).isFalse();
        assertThat(this.mapper.readValue(json, VideoJob.class)).isEqualTo(job).hasSameHashCodeAs(job);
    }

    @Test
    void serialisesStringAndObjectErrorsInTheirOriginalShape() {
        assertThat(this.mapper.writeValueAsString(job("{\"error\":\"boom\"}"))).isEqualTo("{\"outputs\":[],\"error\":\"boom\"}");
        assertThat(this.mapper.writeValueAsString(job("{\"error\":{\"code\":\"c\",\"message\":\"m\"}}")))
            .isEqualTo("{\"outputs\":[],\"error\":{\"code\":\"c\",\"message\":\"m\"}}");
    }

    @Test
    void canBeBuiltFromAMap() {
        VideoJob job = VideoJob.fromJson(Map.of("id", "G-1", "status", "succeeded", "seconds", 4));

        assertThat(job.id()).isEqualTo("G-1");
        assertThat(job.status().normalized()).isSameAs(VideoStatus.COMPLETED);
        assertThat(job.isTerminal()).isTrue();
        assertThat(job.seconds()).isEqualTo(4.0);
        assertThat(job).isEqualTo(VideoJob.fromJson(Map.of("id", "G-1", "status", "succeeded", "seconds", "4")));
        assertThat(job).isNotEqualTo(VideoJob.fromJson(Map.of("id", "G-2", "status", "succeeded", "seconds", 4)));
        assertThat(job.toString()).contains("id=G-1", "status=succeeded");
    }

    @Test
    @SuppressWarnings("unchecked")
    void webhookDataCarriesTheFailureAsUpstreamError() {
        VideoJob delivered = job("{\"id\":\"G-1\",\"status\":\"failed\",\"upstream_error\":{\"code\":"
                + "\"video_generation_failed\",\"type\":null,\"message\":\"Refused.\",\"description\":null,"
                + "\"param\":null,\"status\":400}}");

        assertThat(delivered.error()).isNull();
        assertThat(delivered.upstreamError().code()).isEqualTo("video_generation_failed");
        assertThat(delivered.upstreamError().message()).isEqualTo("Refused.");
        assertThat((java.util.Map<String, Object>) delivered.upstreamError().raw()).containsEntry("status", 400)
            .containsKeys("type", "description", "param");
        assertThat(delivered.failureReason()).isSameAs(delivered.upstreamError());
        assertThat(delivered.extras()).doesNotContainKey("upstream_error");
        assertThat(this.mapper.readTree(this.mapper.writeValueAsString(delivered)).at("/upstream_error/code")
            .stringValue()).isEqualTo("video_generation_failed");
        assertThat(delivered.toString()).contains("message=Refused.");
    }

    @Test
    void anErrorMemberTakesPrecedenceAndANullUpstreamErrorIsAbsent() {
        VideoJob both = job("{\"id\":\"G-1\",\"error\":\"From GET.\",\"upstream_error\":{\"message\":\"From data.\"}}");
        VideoJob none = job("{\"id\":\"G-1\",\"status\":\"completed\",\"upstream_error\":null}");

        assertThat(both.failureReason().message()).isEqualTo("From GET.");
        assertThat(none.upstreamError()).isNull();
        assertThat(none.failureReason()).isNull();
    }

    private static Object optional(Object value) {
        return (value != null) ? value : "null";
    }

    private VideoJob job(String json) {
        return this.mapper.readValue(json, VideoJob.class);
    }

    private VideoJob read(String name) {
        try (InputStream in = resource(name)) {
            return this.mapper.readValue(in, VideoJob.class);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private VideoJob readData(String name) throws IOException {
        try (InputStream in = resource(name)) {
            JsonNode event = this.mapper.readTree(in);
            return this.mapper.treeToValue(event.get("data"), VideoJob.class);
        }
    }

    private InputStream resource(String name) {
        InputStream in = getClass().getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return in;
    }
}
