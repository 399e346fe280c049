package io.aistats.test;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Signed webhook deliveries (§6) to a real receiver on a loopback port, on the manual simulator clock.
 */
class WebhookDeliveryTests {

    private static final Instant T0 = Instant.parse("2025-12-31T23:57:30Z");

    private static final long T0_SECONDS = 1767225450L;

    private static final Duration IDLE = Duration.ofSeconds(10);

    private static final String ALL_EVENTS = "[\"video.created\",\"video.status_changed\",\"video.progress\","
            + "\"video.completed\",\"video.failed\",\"video.cancelled\",\"video.expired\"]";

    private AiStatsGatewaySimulator simulator;

    private GatewayHttp http;

    private WebhookReceiver receiver;

    @BeforeEach
    void start() {
        this.simulator = AiStatsGatewaySimulator.builder().manualClock(T0).allowLocalWebhookUrls(true).start();
        this.http = new GatewayHttp(this.simulator);
        this.receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        this.receiver.close();
        this.simulator.close();
    }

    @Test
    void deliveriesCarryTheNineHeadersAndACompactSignedBody() {
        JsonNode endpoint = createEndpoint(this.receiver.url(), ALL_EVENTS);
        String secret = endpoint.get("signing_secret").stringValue();
        String id = createJob(endpoint.get("id").stringValue(), null);
        idle();

        assertThat(this.receiver.received()).hasSize(1);
        WebhookReceiver.Received request = this.receiver.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/hooks");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("User-Agent")).isEqualTo("Phaseo-Async-Webhook/1.0");
        assertThat(request.header("x-phaseo-event-id")).isEqualTo("evt_video_" + id + "_video_created");
        assertThat(request.header("x-phaseo-event-type")).isEqualTo("video.created");
        assertThat(request.header("x-phaseo-delivery-key")).isEqualTo("video.created");
        assertThat(request.header("x-phaseo-attempt")).isEqualTo("1");
        assertThat(request.header("x-phaseo-max-attempts")).isEqualTo("4");
        assertThat(request.header("x-phaseo-timestamp")).isEqualTo(Long.toString(T0_SECONDS));
        assertThat(request.header("x-phaseo-signature")).matches("[0-9a-f]{64}")
                .isEqualTo(new WebhookSigner(secret).signature(Long.toString(T0_SECONDS), request.body()));
        assertThat(request.header("Content-Length")).isEqualTo(Integer.toString(request.body().length));

        JsonNode body = request.json();
        assertThat(request.text()).as("compact JSON").isEqualTo(GatewayHttp.JSON.writeValueAsString(body));
        assertThat(body.propertyNames()).containsExactly("id", "type", "created_at", "delivery", "data");
        assertThat(body.get("id").stringValue()).isEqualTo("evt_video_" + id + "_video_created");
        assertThat(body.get("type").stringValue()).isEqualTo("video.created");
        assertThat(body.get("created_at").longValue()).isEqualTo(T0_SECONDS);
        assertThat(body.get("delivery").toString()).isEqualTo("{\"key\":\"video.created\",\"attempt\":1,"
                + "\"max_attempts\":4}");
        JsonNode data = body.get("data");
        assertThat(data.get("id").stringValue()).isEqualTo(id);
        assertThat(data.get("request_id").stringValue()).isEqualTo(id);
        assertThat(data.get("status").stringValue()).isEqualTo("queued");
        assertThat(data.get("lifecycle_status").stringValue()).isEqualTo("pending");
        assertThat(data.get("progress").intValue()).isZero();
        assertThat(data.get("polling_url").stringValue()).isEqualTo(this.simulator.origin() + "/v1/videos/" + id);
        assertThat(data.get("webhook").get("endpoint_id").stringValue()).isEqualTo(endpoint.get("id").stringValue());
        assertThat(data.get("webhook").get("delivery").get("total_attempts").intValue())
                .as("the state before this attempt").isZero();
        assertThat(data.get("last_webhook_dispatched_at").isNull()).isTrue();

        JsonNode webhook = job(id).get("webhook");
        assertThat(webhook.get("delivery").get("total_attempts").intValue()).isEqualTo(1);
        assertThat(webhook.get("delivery").get("delivered_event_types").toString()).isEqualTo("[\"video.created\"]");
        assertThat(webhook.get("delivery").get("last_attempt_status").stringValue()).isEqualTo("delivered");
        assertThat(webhook.get("delivery").get("last_response_status").intValue()).isEqualTo(200);
        assertThat(webhook.get("delivery").get("last_delivered_at").stringValue())
                .isEqualTo("2025-12-31T23:57:30.000Z");
        JsonNode attempt = webhook.get("attempts").get(0);
        assertThat(attempt.get("id").stringValue()).isEqualTo("video.created:1:2025-12-31T23:57:30.000Z");
        assertThat(attempt.get("status").stringValue()).isEqualTo("delivered");
        assertThat(attempt.get("response_body_preview").stringValue()).isEqualTo("ok");
        assertThat(job(id).get("last_webhook_dispatched_at").stringValue()).isEqualTo("2025-12-31T23:57:30.000Z");

        assertThat(this.simulator.webhooks().deliveries()).singleElement().satisfies(delivery -> {
            assertThat(delivery.videoId()).isEqualTo(id);
            assertThat(delivery.eventId()).isEqualTo("evt_video_" + id + "_video_created");
            assertThat(delivery.eventType()).isEqualTo("video.created");
            assertThat(delivery.deliveryKey()).isEqualTo("video.created");
            assertThat(delivery.attempt()).isEqualTo(1);
            assertThat(delivery.isDelivered()).isTrue();
            assertThat(delivery.responseStatus()).isEqualTo(200);
            assertThat(delivery.at()).isEqualTo(T0);
        });
    }

    @Test
    void statusChangesAndTerminalEventsFollowTheJob() {
        JsonNode endpoint = createEndpoint(this.receiver.url(), ALL_EVENTS);
        String id = createJob(endpoint.get("id").stringValue(), null);
        idle();
        this.simulator.clock().advance(Duration.ofSeconds(1));
        idle();
        WebhookReceiver.Received started = only("video.status_changed:queued:in_progress");
        assertThat(started.json().get("status_change").toString())
                .isEqualTo("{\"previous_status\":\"queued\",\"status\":\"in_progress\"}");
        assertThat(started.json().get("data").get("status").stringValue()).isEqualTo("processing");
        assertThat(started.header("x-phaseo-event-id"))
                .isEqualTo("evt_video_" + id + "_video_status_changed_queued_in_progress");

        this.simulator.clock().advance(Duration.ofSeconds(3));
        idle();
        assertThat(keys()).containsExactlyInAnyOrder("video.created", "video.status_changed:queued:in_progress",
                "video.status_changed:in_progress:completed", "video.completed");
        JsonNode completed = only("video.completed").json();
        assertThat(completed.has("status_change")).isFalse();
        assertThat(completed.get("data").get("status").stringValue()).isEqualTo("completed");
        assertThat(completed.get("data").get("progress").intValue()).isEqualTo(100);
        assertThat(completed.get("data").get("download_url").stringValue()).contains("/v1/videos/" + id + "/content?");
        assertThat(only("video.status_changed:in_progress:completed").json().get("status_change").toString())
                .isEqualTo("{\"previous_status\":\"in_progress\",\"status\":\"completed\"}");
        assertThat(job(id).get("webhook").get("delivery").get("delivered_event_types").toString())
                .isEqualTo("[\"video.completed\",\"video.created\",\"video.status_changed:in_progress:completed\","
                        + "\"video.status_changed:queued:in_progress\"]");
    }

    @Test
    void progressIsDeliveredOncePerBucket() {
        JsonNode endpoint = createEndpoint(this.receiver.url(), "[\"video.created\"]");
        String id = createJob(endpoint.get("id").stringValue(), "[\"progress\"]");
        for (int percent : new int[] { 3, 4, 43, 47, 41, 96, 100 }) {
            this.simulator.jobs().progress(id, percent);
        }
        idle();
        assertThat(keys()).containsExactlyInAnyOrder("video.progress:5", "video.progress:40", "video.progress:50",
                "video.progress:95");
        assertThat(only("video.progress:40").json().get("data").get("progress").intValue()).isEqualTo(40);
        assertThat(only("video.progress:5").header("x-phaseo-event-type")).isEqualTo("video.progress");
        assertThat(only("video.progress:95").header("x-phaseo-event-id")).isEqualTo("evt_video_" + id
                + "_video_progress_95");
        assertThat(job(id).get("last_webhook_progress").intValue()).isBetween(5, 95);
        assertThat(job(id).get("last_webhook_progress_at").stringValue()).isEqualTo("2025-12-31T23:57:30.000Z");
    }

    @Test
    void endpointDefaultsSubscribeToTerminalOutcomesOnly() {
        String endpointId = createEndpoint(this.receiver.url(), null).get("id").stringValue();
        createJob(endpointId, null);
        String failing = this.http.create("{\"prompt\":\"boat [simulate:fail]\",\"webhook\":{\"endpoint_id\":\""
                + endpointId + "\"}}");
        this.simulator.clock().advance(Duration.ofSeconds(1));
        this.simulator.clock().advance(Duration.ofSeconds(3));
        idle();
        assertThat(keys()).containsExactlyInAnyOrder("video.completed", "video.failed");
        assertThat(only("video.failed").json().get("data").get("id").stringValue()).isEqualTo(failing);
        assertThat(only("video.failed").json().get("data").get("upstream_error").get("message").isString()).isTrue();
    }

    @Test
    void jobLevelEventsOverrideTheEndpointAndJobNamesAreDeliveredAsVideoNames() {
        String endpointId = createEndpoint(this.receiver.url(), "[\"video.completed\"]").get("id").stringValue();
        String id = createJob(endpointId, "[\"Job.Created\",\"status_changed\",\"job.canceled\"]");
        assertThat(job(id).get("webhook").get("events").toString())
                .isEqualTo("[\"job.created\",\"job.status_changed\",\"job.cancelled\"]");
        this.simulator.clock().advance(Duration.ofSeconds(1));
        this.simulator.jobs().cancelByProvider(id);
        idle();
        assertThat(keys()).containsExactlyInAnyOrder("video.created", "video.status_changed:queued:in_progress",
                "video.status_changed:in_progress:cancelled", "video.cancelled");
        assertThat(this.receiver.received()).extracting(request -> request.header("x-phaseo-event-type"))
                .allMatch(type -> type.startsWith("video."));
        assertThat(only("video.cancelled").json().get("type").stringValue()).isEqualTo("video.cancelled");
    }

    @Test
    void endpointsWithoutVideoEventsFallBackToStatusChangesAndTerminalEvents() {
        String endpointId = createEndpoint(this.receiver.url(), "[\"batch.completed\"]").get("id").stringValue();
        String id = this.http.create("{\"prompt\":\"x [simulate:expire]\",\"webhook\":{\"endpoint_id\":\""
                + endpointId + "\"}}");
        this.simulator.jobs().progress(id, 50);
        this.simulator.clock().advance(Duration.ofSeconds(10));
        idle();
        assertThat(keys()).containsExactlyInAnyOrder("video.status_changed:queued:in_progress",
                "video.status_changed:in_progress:expired", "video.expired");
    }

    @Test
    void failedAttemptsAreRetriedOnTheSimulatorClockWithFreshSignaturesAndData() {
        this.receiver.answer(500, "boom").answer(503, "").answer(404, "nope");
        JsonNode endpoint = createEndpoint(this.receiver.url(), "[\"video.created\"]");
        String secret = endpoint.get("signing_secret").stringValue();
        String id = createJob(endpoint.get("id").stringValue(), null);
        idle();
        JsonNode webhook = job(id).get("webhook");
        JsonNode delivery = webhook.get("delivery");
        assertThat(delivery.get("last_attempt_status").stringValue()).isEqualTo("scheduled_retry");
        assertThat(delivery.get("pending_retries").intValue()).isEqualTo(1);
        assertThat(delivery.get("next_retry_at").stringValue()).isEqualTo("2025-12-31T23:58:30.000Z");
        assertThat(delivery.get("last_response_status").intValue()).isEqualTo(500);
        assertThat(delivery.get("last_error_message").stringValue()).isEqualTo("Webhook returned HTTP 500");
        assertThat(delivery.get("last_failure_at").stringValue()).isEqualTo("2025-12-31T23:57:30.000Z");
        assertThat(delivery.get("delivered_events").intValue()).isZero();
        assertThat(webhook.get("attempts").get(0).get("response_body_preview").stringValue()).isEqualTo("boom");
        assertThat(webhook.get("attempts").get(0).get("next_retry_at").stringValue())
                .isEqualTo("2025-12-31T23:58:30.000Z");
        assertThat(job(id).get("next_webhook_retry_at").stringValue()).isEqualTo("2025-12-31T23:58:30.000Z");

        this.simulator.clock().advance(Duration.ofSeconds(59));
        idle();
        assertThat(this.receiver.received()).hasSize(1);
        this.simulator.clock().advance(Duration.ofSeconds(1));
        idle();
        assertThat(this.receiver.received()).hasSize(2);
        this.simulator.clock().advance(Duration.ofMinutes(5));
        idle();
        assertThat(this.receiver.received()).hasSize(3);
        this.simulator.clock().advance(Duration.ofMinutes(15).minusSeconds(1));
        idle();
        assertThat(this.receiver.received()).hasSize(3);
        this.simulator.clock().advance(Duration.ofSeconds(1));
        idle();

        List<WebhookReceiver.Received> attempts = this.receiver.received("video.created");
        assertThat(attempts).hasSize(4);
        long[] times = { T0_SECONDS, T0_SECONDS + 60, T0_SECONDS + 360, T0_SECONDS + 1260 };
        for (int i = 0; i < 4; i++) {
            WebhookReceiver.Received attempt = attempts.get(i);
            String timestamp = Long.toString(times[i]);
            assertThat(attempt.header("x-phaseo-attempt")).isEqualTo(Integer.toString(i + 1));
            assertThat(attempt.header("x-phaseo-event-id")).isEqualTo("evt_video_" + id + "_video_created");
            assertThat(attempt.header("x-phaseo-timestamp")).isEqualTo(timestamp);
            assertThat(attempt.header("x-phaseo-signature"))
                    .isEqualTo(new WebhookSigner(secret).signature(timestamp, attempt.body()));
            assertThat(attempt.json().get("created_at").longValue()).isEqualTo(times[i]);
            assertThat(attempt.json().get("delivery").get("attempt").intValue()).isEqualTo(i + 1);
            assertThat(attempt.json().get("id").stringValue()).isEqualTo("evt_video_" + id + "_video_created");
        }
        assertThat(attempts.get(0).json().get("data").get("status").stringValue()).isEqualTo("queued");
        assertThat(attempts.get(1).json().get("data").get("status").stringValue()).isEqualTo("completed");
        assertThat(attempts.get(1).json().get("data").get("webhook").get("delivery").get("total_attempts").intValue())
                .isEqualTo(1);

        JsonNode done = job(id).get("webhook");
        assertThat(done.get("delivery").get("total_attempts").intValue()).isEqualTo(4);
        assertThat(done.get("delivery").get("delivered_events").intValue()).isEqualTo(1);
        assertThat(done.get("delivery").get("pending_retries").intValue()).isZero();
        assertThat(done.get("delivery").get("next_retry_at").isNull()).isTrue();
        assertThat(done.get("delivery").get("last_attempt_status").stringValue()).isEqualTo("delivered");
        assertThat(done.get("delivery").get("last_error_message").isNull()).isTrue();
        assertThat(done.get("attempts").size()).isEqualTo(4);
        assertThat(done.get("attempts").get(1).get("error_message").stringValue())
                .isEqualTo("Webhook returned HTTP 503");
        assertThat(done.get("attempts").get(3).get("attempt_number").intValue()).isEqualTo(4);
        assertThat(job(id).has("next_webhook_retry_at")).isFalse();
        assertThat(this.simulator.webhooks().deliveries(id)).extracting(SimulatedDelivery::outcome).containsExactly(
                "scheduled_retry", "scheduled_retry", "scheduled_retry", "delivered");

        this.simulator.clock().advance(Duration.ofHours(2));
        idle();
        assertThat(this.receiver.received()).as("a delivered key is never sent again").hasSize(4);
    }

    @Test
    void afterFourFailedAttemptsTheDeliveryFailsPermanently() {
        for (int i = 0; i < 4; i++) {
            this.receiver.answer(500, "down");
        }
        String id = createJob(createEndpoint(this.receiver.url(), "[\"video.created\"]").get("id").stringValue(),
                null);
        idle();
        for (Duration step : new Duration[] { Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
                Duration.ofHours(3) }) {
            this.simulator.clock().advance(step);
            idle();
        }
        assertThat(this.receiver.received()).hasSize(4);
        assertThat(this.simulator.webhooks().deliveries(id)).extracting(SimulatedDelivery::outcome).containsExactly(
                "scheduled_retry", "scheduled_retry", "scheduled_retry", "failed_permanently");
        JsonNode delivery = job(id).get("webhook").get("delivery");
        assertThat(delivery.get("last_attempt_status").stringValue()).isEqualTo("failed_permanently");
        assertThat(delivery.get("pending_retries").intValue()).isZero();
        assertThat(delivery.get("next_retry_at").isNull()).isTrue();
        assertThat(delivery.get("delivered_events").intValue()).isZero();
        assertThat(job(id).get("webhook").get("attempts").get(3).get("next_retry_at").isNull()).isTrue();
    }

    @Test
    void aRotationMidRetrySignsTheRetryWithTheNewSecret() {
        this.receiver.answer(500, "");
        JsonNode endpoint = createEndpoint(this.receiver.url(), "[\"video.created\"]");
        String endpointId = endpoint.get("id").stringValue();
        String oldSecret = endpoint.get("signing_secret").stringValue();
        createJob(endpointId, null);
        idle();
        GatewayHttp.Response rotated = this.http.call("POST", "/v1/webhook-endpoints/" + endpointId + "/rotate-secret")
                .auth(this.simulator.managementKey()).send();
        String newSecret = rotated.json().get("signing_secret").stringValue();
        this.simulator.clock().advance(Duration.ofMinutes(1));
        idle();
        WebhookReceiver.Received retry = this.receiver.received().get(1);
        String timestamp = retry.header("x-phaseo-timestamp");
        assertThat(retry.header("x-phaseo-signature"))
                .isEqualTo(new WebhookSigner(newSecret).signature(timestamp, retry.body()))
                .isNotEqualTo(new WebhookSigner(oldSecret).signature(timestamp, retry.body()));
        assertThat(this.simulator.webhooks().rotateSecret(endpointId)).isNotEqualTo(newSecret);
    }

    @Test
    void disablingTheEndpointDropsPendingRetriesAndNewEvents() {
        this.receiver.answer(500, "");
        String endpointId = createEndpoint(this.receiver.url(), ALL_EVENTS).get("id").stringValue();
        String id = createJob(endpointId, null);
        idle();
        assertThat(job(id).get("webhook").get("delivery").get("pending_retries").intValue()).isEqualTo(1);
        GatewayHttp.Response disabled = this.http.call("PATCH", "/v1/webhook-endpoints/" + endpointId)
                .auth(this.simulator.managementKey()).json("{\"status\":\"disabled\"}").send();
        assertThat(disabled.status()).isEqualTo(200);
        JsonNode delivery = job(id).get("webhook").get("delivery");
        assertThat(delivery.get("pending_retries").intValue()).isZero();
        assertThat(delivery.get("next_retry_at").isNull()).isTrue();

        this.simulator.clock().advance(Duration.ofMinutes(2));
        idle();
        assertThat(this.receiver.received()).hasSize(1);
        assertThat(this.simulator.webhooks().deliveries(id)).extracting(SimulatedDelivery::outcome)
                .containsExactly("scheduled_retry", "dropped", "dropped", "dropped", "dropped");
        assertThat(this.simulator.webhooks().deliveries(id).get(1).errorMessage())
                .isEqualTo("Webhook endpoint is not active");

        this.http.call("PATCH", "/v1/webhook-endpoints/" + endpointId).auth(this.simulator.managementKey())
                .json("{\"status\":\"active\"}").send();
        this.simulator.clock().advance(Duration.ofHours(1));
        idle();
        assertThat(this.receiver.received()).as("dropped deliveries stay dropped").hasSize(1);
    }

    @Test
    void deletingTheEndpointStopsDeliveries() {
        String endpointId = createEndpoint(this.receiver.url(), ALL_EVENTS).get("id").stringValue();
        String id = createJob(endpointId, null);
        idle();
        this.http.call("DELETE", "/v1/webhook-endpoints/" + endpointId).auth(this.simulator.managementKey()).send();
        this.simulator.jobs().complete(id);
        idle();
        assertThat(keys()).containsExactly("video.created");
        assertThat(this.simulator.webhooks().deliveries(id)).extracting(SimulatedDelivery::outcome)
                .containsExactly("delivered", "dropped", "dropped", "dropped");
    }

    @Test
    void anUnsubscribedEventIsDroppedAtAttemptTime() {
        this.receiver.answer(500, "");
        String endpointId = createEndpoint(this.receiver.url(), "[\"video.created\"]").get("id").stringValue();
        String id = createJob(endpointId, null);
        idle();
        this.http.call("PATCH", "/v1/webhook-endpoints/" + endpointId).auth(this.simulator.managementKey())
                .json("{\"events\":[\"video.failed\"]}").send();
        this.simulator.clock().advance(Duration.ofMinutes(1));
        idle();
        assertThat(this.receiver.received()).hasSize(1);
        List<SimulatedDelivery> deliveries = this.simulator.webhooks().deliveries(id);
        assertThat(deliveries).extracting(SimulatedDelivery::outcome).containsExactly("scheduled_retry", "dropped");
        assertThat(deliveries.get(1).attempt()).isEqualTo(2);
        assertThat(deliveries.get(1).errorMessage()).isEqualTo("Webhook event is no longer subscribed");
        assertThat(job(id).get("webhook").get("delivery").get("pending_retries").intValue()).isZero();
    }

    @Test
    void aUrlThatNoLongerPassesTheRulesFailsTheAttemptWithoutRetry() {
        String endpointId = createEndpoint(this.receiver.url(), ALL_EVENTS).get("id").stringValue();
        String id = createJob(endpointId, null);
        idle();
        // the gateway re-checks the URL before every attempt: a host that stopped resolving fails it
        WebhookEndpointStore store = (WebhookEndpointStore) this.simulator.runtime().webhookEndpoints();
        store.change(this.simulator.workspaceId(), endpointId,
                endpoint -> endpoint.withUrl("http://hooks.example.invalid/hooks", this.simulator.clock().now()));
        this.simulator.clock().advance(Duration.ofSeconds(1));
        idle();
        assertThat(this.receiver.received()).hasSize(1);
        assertThat(this.simulator.webhooks().deliveries(id)).last().satisfies(delivery -> {
            assertThat(delivery.deliveryKey()).isEqualTo("video.status_changed:queued:in_progress");
            assertThat(delivery.outcome()).isEqualTo("failed_permanently");
            assertThat(delivery.responseStatus()).isNull();
            assertThat(delivery.errorMessage())
                    .isEqualTo("Webhook URL rejected: webhook_url_dns_resolution_failed");
        });
        JsonNode delivery = job(id).get("webhook").get("delivery");
        assertThat(delivery.get("last_attempt_status").stringValue()).isEqualTo("failed_permanently");
        assertThat(delivery.get("pending_retries").intValue()).isZero();
        this.simulator.clock().advance(Duration.ofHours(1));
        idle();
        assertThat(this.simulator.webhooks().deliveries(id)).extracting(SimulatedDelivery::deliveryKey)
                .containsOnlyOnce("video.status_changed:queued:in_progress");
    }

    @Test
    void redirectsAreNotFollowed() {
        this.receiver.answer(302, Map.of("Location", this.receiver.url() + "/elsewhere"));
        String id = createJob(createEndpoint(this.receiver.url(), "[\"video.created\"]").get("id").stringValue(),
                null);
        idle();
        assertThat(this.receiver.received()).hasSize(1);
        JsonNode attempt = job(id).get("webhook").get("attempts").get(0);
        assertThat(attempt.get("status").stringValue()).isEqualTo("scheduled_retry");
        assertThat(attempt.get("response_status").intValue()).isEqualTo(302);
        assertThat(attempt.get("error_message").stringValue()).isEqualTo("Webhook redirects are not allowed");
    }

    @Test
    void slowReceiversTimeOut() {
        CountDownLatch release = new CountDownLatch(1);
        try (AiStatsGatewaySimulator impatient = AiStatsGatewaySimulator.builder().manualClock(T0)
                .allowLocalWebhookUrls(true).webhookTimeout(Duration.ofMillis(300)).start()) {
            this.receiver.answerAfter(release, 200);
            SimulatedWebhookEndpoint endpoint = impatient.webhooks().createEndpoint(this.receiver.url(),
                    List.of("video.created"));
            String id = new GatewayHttp(impatient).create("{\"prompt\":\"x\",\"webhook\":{\"endpoint_id\":\""
                    + endpoint.id() + "\"}}");
            impatient.webhooks().awaitIdle(IDLE);
            assertThat(impatient.webhooks().deliveries(id)).singleElement().satisfies(delivery -> {
                assertThat(delivery.outcome()).isEqualTo("scheduled_retry");
                assertThat(delivery.responseStatus()).isNull();
                assertThat(delivery.errorMessage()).isEqualTo("Webhook request timed out after 300ms");
            });
            JsonNode delivery = new GatewayHttp(impatient).get("/v1/videos/" + id).json().get("webhook")
                    .get("delivery");
            assertThat(delivery.get("last_response_status").isNull()).isTrue();
        }
        finally {
            release.countDown();
        }
    }

    @Test
    void unreachableReceiversAreFailures() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String id = createJob(createEndpoint("http://127.0.0.1:" + closedPort + "/hooks", "[\"video.created\"]")
                .get("id").stringValue(), null);
        idle();
        assertThat(this.simulator.webhooks().deliveries(id)).singleElement().satisfies(delivery -> {
            assertThat(delivery.outcome()).isEqualTo("scheduled_retry");
            assertThat(delivery.responseStatus()).isNull();
            assertThat(delivery.errorMessage()).startsWith("Webhook request failed: ");
        });
    }

    @Test
    void realTimeSimulatorsDeliverAsJobsProgress() throws InterruptedException {
        try (AiStatsGatewaySimulator live = AiStatsGatewaySimulator.builder().allowLocalWebhookUrls(true)
                .queuedFor(Duration.ofMillis(100)).processingFor(Duration.ofMillis(200)).start()) {
            SimulatedWebhookEndpoint endpoint = live.webhooks().createEndpoint(this.receiver.url(),
                    List.of("video.created", "video.completed"));
            String id = new GatewayHttp(live).create("{\"prompt\":\"x\",\"webhook\":{\"endpoint_id\":\""
                    + endpoint.id() + "\"}}");
            assertThat(this.receiver.next().header("x-phaseo-event-id")).isEqualTo("evt_video_" + id + "_video_created");
            WebhookReceiver.Received completed = this.receiver.next();
            assertThat(completed.header("x-phaseo-event-id")).isEqualTo("evt_video_" + id + "_video_completed");
            assertThat(completed.header("x-phaseo-signature")).isEqualTo(new WebhookSigner(endpoint.signingSecret())
                    .signature(completed.header("x-phaseo-timestamp"), completed.body()));
            live.webhooks().awaitIdle(IDLE);
            assertThat(live.webhooks().deliveries(id)).extracting(SimulatedDelivery::outcome)
                    .containsExactly("delivered", "delivered");
        }
    }

    @Test
    void endpointsCanBeManagedFromTheTestToo() {
        SimulatedWebhookEndpoint endpoint = this.simulator.webhooks().createEndpoint(this.receiver.url(), List.of());
        assertThat(endpoint.events()).contains("video.completed", "batch.failed");
        assertThat(endpoint.toString()).doesNotContain(endpoint.signingSecret()).contains("******");
        assertThat(this.simulator.webhooks().endpoints()).containsExactly(endpoint);
        assertThat(job(createJob(endpoint.id(), null)).get("webhook").get("endpoint_id").stringValue())
                .isEqualTo(endpoint.id());
        try (AiStatsGatewaySimulator faithful = AiStatsGatewaySimulator.builder().manualClock(T0).start()) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> faithful.webhooks().createEndpoint(this.receiver.url(), List.of()))
                    .withMessage("Webhook URL rejected: webhook_url_must_use_https");
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /**
     * Measures the largest delivery, as the simulator builds it after the contract: a job followed through its whole
     * life by an endpoint subscribed to every event, whose receiver fails every attempt with a long error page, so
     * that the job's webhook state carries the ten most recent attempts with full 500-character response previews.
     * Measured: about 12 KB with an HTML error page, about 37 KB when the previews are control characters. The
     * starter's default maximum webhook body size (64 KB) rests on these figures.
     * @param kind what the failing receiver answers: a proxy's HTML error page (JSON-escaped quotes), or control
     * characters, which JSON escapes to six bytes each (the worst a preview can cost)
     * @param expectedAtMost a ceiling a little above the measured size
     */
    @ParameterizedTest
    @CsvSource({ "html error page, 16384", "control characters, 49152" })
    void theLargestDeliveryStaysFarBelowTheReceiversDefaultLimit(String kind, int expectedAtMost) {
        String errorPage = kind.startsWith("html")
                ? "<html><head><title>502 Bad Gateway</title></head><body class=\"error\"><h1 id=\"t\">502</h1>"
                        .repeat(12)
                : "\u0001".repeat(600);
        for (int i = 0; i < 40; i++) {
            this.receiver.answer(500, errorPage);
        }
        String endpointId = createEndpoint(this.receiver.url(), ALL_EVENTS).get("id").stringValue();
        String id = this.http.create("{\"prompt\":\"" + "a long prompt ".repeat(100) + "\",\"webhook\":"
                + "{\"endpoint_id\":\"" + endpointId + "\"}}");
        for (int minute = 0; minute < 90; minute++) {
            this.simulator.clock().advance(Duration.ofMinutes(1));
            idle();
        }
        int largest = 0;
        int attemptsShown = 0;
        for (WebhookReceiver.Received delivery : this.receiver.received()) {
            largest = Math.max(largest, delivery.body().length);
            JsonNode webhook = delivery.json().get("data").get("webhook");
            if (webhook != null && webhook.get("attempts") != null) {
                attemptsShown = Math.max(attemptsShown, webhook.get("attempts").size());
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d deliveries of job %s, the largest %d bytes%n", kind,
                this.receiver.received().size(), id, largest);
        assertThat(attemptsShown).as("the webhook state shows its ten most recent attempts").isEqualTo(10);
        assertThat(largest).isLessThan(expectedAtMost).isLessThan(64 * 1024);
    }

    private JsonNode createEndpoint(String url, @Nullable String events) {
        GatewayHttp.Response response = this.http.call("POST", "/v1/webhook-endpoints")
                .auth(this.simulator.managementKey())
                .json("{\"url\":\"" + url + "\"" + (events != null ? ",\"events\":" + events : "") + "}").send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private String createJob(String endpointId, @Nullable String events) {
        return this.http.create("{\"prompt\":\"boat\",\"webhook\":{\"endpoint_id\":\"" + endpointId + "\""
                + (events != null ? ",\"events\":" + events : "") + "}}");
    }

    private JsonNode job(String id) {
        return this.http.get("/v1/videos/" + id).json();
    }

    private void idle() {
        this.simulator.webhooks().awaitIdle(IDLE);
    }

    private List<String> keys() {
        return this.receiver.received().stream().map(request -> request.header("x-phaseo-delivery-key")).toList();
    }

    private WebhookReceiver.Received only(String deliveryKey) {
        List<WebhookReceiver.Received> requests = this.receiver.received(deliveryKey);
        assertThat(requests).as(deliveryKey).hasSize(1);
        return requests.get(0);
    }
}
