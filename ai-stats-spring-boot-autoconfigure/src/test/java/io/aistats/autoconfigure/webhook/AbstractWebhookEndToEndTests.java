package io.aistats.autoconfigure.webhook;

import io.aistats.test.WebhookSigner;
import io.aistats.video.event.EventSource;
import io.aistats.video.event.StatusChange;
import io.aistats.video.event.VideoJobCompletedEvent;
import io.aistats.video.event.VideoJobCreatedEvent;
import io.aistats.video.event.VideoJobEvent;
import io.aistats.video.event.VideoJobPhase;
import io.aistats.video.event.VideoJobProgressEvent;
import io.aistats.video.event.VideoJobStatusChangedEvent;
import io.aistats.video.model.VideoStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Posts real signed deliveries over a socket to the auto-configured endpoint and checks what the gateway would be
 * answered and what the application's listeners receive. Subclasses choose the web stack.
 */
@SpringBootTest(classes = WebhookTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { AbstractWebhookEndToEndTests.PROPERTIES_SECRET,
                AbstractWebhookEndToEndTests.PROPERTIES_ROTATED_SECRET,
                AbstractWebhookEndToEndTests.PROPERTIES_MAX_PAYLOAD,
                AbstractWebhookEndToEndTests.PROPERTIES_MAX_IN_FLIGHT,
                AbstractWebhookEndToEndTests.PROPERTIES_READ_TIMEOUT })
abstract class AbstractWebhookEndToEndTests {

    static final String PROPERTIES_SECRET = "ai-stats.webhook.secret=" + WebhookDeliveries.SECRET;

    static final String PROPERTIES_ROTATED_SECRET = "ai-stats.webhook.secrets[0]=" + WebhookDeliveries.ROTATED_SECRET;

    static final String PROPERTIES_MAX_PAYLOAD = "ai-stats.webhook.max-payload-size=16KB";

    /** Room for two deliveries of the maximum size. */
    static final String PROPERTIES_MAX_IN_FLIGHT = "ai-stats.webhook.max-in-flight-bytes=32KB";

    static final String PROPERTIES_READ_TIMEOUT = "ai-stats.webhook.read-timeout=2s";

    private static final int MAX_PAYLOAD_BYTES = 16 * 1024;

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @Autowired
    private RecordingListener listener;

    private WebhookDeliveries deliveries;

    private String videoId;

    /** @return the web stack of the concrete test class */
    abstract WebStack stack();

    @BeforeEach
    void setUp() {
        this.deliveries = new WebhookDeliveries(URI.create("http://localhost:" + this.port + "/ai-stats/webhooks"));
        this.videoId = WebhookDeliveries.newVideoId();
    }

    @Test
    void servesTheEndpointWithThisStacksHandler() {
        assertThat(this.context.getBeansOfType(stack().handlerType())).hasSize(1);
        assertThat(this.context.getBeansOfType(stack().otherHandlerType())).isEmpty();
    }

    @Test
    void validDeliveryIsPublishedAsItsTypedEvent() throws Exception {
        long signedAt = Instant.now().getEpochSecond();
        String body = WebhookDeliveries.body(this.videoId, "video.completed", "video.completed", 1, "completed", null);
        HttpResponse<String> response = this.deliveries.post(body,
                new WebhookSigner(WebhookDeliveries.SECRET).headers(body, signedAt));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"accepted\"}");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                (type) -> assertThat(type).startsWith("application/json"));
        VideoJobEvent event = this.listener.next(this.videoId);
        assertThat(event).isExactlyInstanceOf(VideoJobCompletedEvent.class);
        assertThat(event.eventId()).isEqualTo("evt_video_" + this.videoId + "_video_completed");
        assertThat(event.eventType()).isEqualTo("video.completed");
        assertThat(event.phase()).isEqualTo(VideoJobPhase.COMPLETED);
        assertThat(event.videoId()).isEqualTo(this.videoId);
        assertThat(event.deliveryKey()).isEqualTo("video.completed");
        assertThat(event.attempt()).isEqualTo(1);
        assertThat(event.maxAttempts()).isEqualTo(4);
        assertThat(event.statusChange()).isNull();
        assertThat(event.source()).isEqualTo(EventSource.WEBHOOK);
        assertThat(event.createdAt()).isBetween(Instant.ofEpochSecond(signedAt - 5), Instant.now());
        assertThat(event.job().status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(event.job().progress()).isEqualTo(100);
        assertThat(event.job().provider()).isEqualTo("openai");
        assertThat(event.job().downloadUrl()).startsWith("https://api.phaseo.app/v1/videos/" + this.videoId);
        assertThat(this.listener.completed(this.videoId)).containsExactly((VideoJobCompletedEvent) event);
    }

    @Test
    void statusChangeCarriesTheStoredTransition() throws Exception {
        String body = WebhookDeliveries.body(this.videoId, "video.status_changed",
                "video.status_changed:queued:in_progress", 1, "processing",
                "{\"previous_status\":\"queued\",\"status\":\"in_progress\"}");
        assertThat(this.deliveries.post(body).statusCode()).isEqualTo(200);
        VideoJobEvent event = this.listener.next(this.videoId);
        assertThat(event).isExactlyInstanceOf(VideoJobStatusChangedEvent.class);
        assertThat(event.eventId()).isEqualTo("evt_video_" + this.videoId + "_video_status_changed_queued_in_progress");
        assertThat(event.statusChange()).isEqualTo(new StatusChange("queued", "in_progress"));
        assertThat(event.job().status()).isEqualTo(VideoStatus.PROCESSING);
        assertThat(this.listener.completed(this.videoId)).as("typed listener sees only its type").isEmpty();
    }

    @Test
    void progressCarriesItsBucket() throws Exception {
        String body = WebhookDeliveries.body(this.videoId, "video.progress", "video.progress:40", 1, "processing",
                null);
        assertThat(this.deliveries.post(body).statusCode()).isEqualTo(200);
        VideoJobEvent event = this.listener.next(this.videoId);
        assertThat(event).isExactlyInstanceOf(VideoJobProgressEvent.class);
        assertThat(((VideoJobProgressEvent) event).progress()).isEqualTo(40);
    }

    @Test
    void tamperedBodyIsRejectedAndNotPublished() throws Exception {
        String body = WebhookDeliveries.body(this.videoId, "video.completed", "video.completed", 1, "completed", null);
        Map<String, String> headers = new WebhookSigner(WebhookDeliveries.SECRET).headers(body,
                Instant.now().getEpochSecond());
        HttpResponse<String> response = this.deliveries.post(body.replace("\"completed\"", "\"failed\""), headers);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_signature\"}");
        assertThat(this.listener.received(this.videoId)).isEmpty();
    }

    @Test
    void wrongSecretIsRejected() throws Exception {
        String body = WebhookDeliveries.body(this.videoId, "video.completed", "video.completed", 1, "completed", null);
        HttpResponse<String> response = this.deliveries.post(body, "whsec_someone_else");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_signature\"}")
            .doesNotContain(WebhookDeliveries.SECRET);
        assertThat(this.listener.received(this.videoId)).isEmpty();
    }

    @Test
    void staleAndFutureTimestampsAreRejected() throws Exception {
        String body = WebhookDeliveries.body(this.videoId, "video.completed", "video.completed", 1, "completed", null);
        WebhookSigner signer = new WebhookSigner(WebhookDeliveries.SECRET);
        long now = Instant.now().getEpochSecond();
        for (long timestamp : new long[] { now - 400, now + 400 }) {
            HttpResponse<String> response = this.deliveries.post(body, signer.headers(body, timestamp));
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEqualTo("{\"error\":\"stale_timestamp\"}");
        }
        assertThat(this.listener.received(this.videoId)).isEmpty();
    }

    @Test
    void missingHeadersAreABadRequest() throws Exception {
        String body = WebhookDeliveries.body(this.videoId, "video.completed", "video.completed", 1, "completed", null);
        Map<String, String> headers = new WebhookSigner(WebhookDeliveries.SECRET).headers(body,
                Instant.now().getEpochSecond());
        for (String header : new String[] { "x-phaseo-signature", "x-phaseo-timestamp" }) {
            HttpResponse<String> response = this.deliveries.post(body, WebhookDeliveries.without(headers, header));
            assertThat(response.statusCode()).as(header).isEqualTo(400);
            assertThat(response.body()).isEqualTo("{\"error\":\"invalid_headers\"}");
        }
        assertThat(this.listener.received(this.videoId)).isEmpty();
    }

    @Test
    void validlySignedMalformedBodiesAreABadRequest() throws Exception {
        for (String body : new String[] { "{\"id\":\"evt_1\",\"type\":", "{\"id\":\"evt_1\",\"type\":\"video.created\"}",
                "[]" }) {
            HttpResponse<String> response = this.deliveries.post(body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.body()).isEqualTo("{\"error\":\"malformed_payload\"}");
        }
    }

    @Test
    void eventIdLongerThanTheGatewaysIsABadRequest() throws Exception {
        String body = WebhookDeliveries.body(this.videoId, "video.created", "video.created", 1, "queued", null);
        String eventId = "evt_video_" + this.videoId + "_video_created";
        String longId = eventId + "_" + "x".repeat(160 - eventId.length());
        HttpResponse<String> response = this.deliveries.post(body.replace(eventId, longId));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"malformed_payload\"}");
        assertThat(this.listener.received(this.videoId)).isEmpty();
        assertThat(this.deliveries.post(body.replace(eventId, longId.substring(0, 160))).statusCode())
            .as("160 characters, the gateway's longest").isEqualTo(200);
        assertThat(this.listener.received(this.videoId)).hasSize(1);
    }

    @Test
    void duplicateIsAcknowledgedWithoutPublishingAgain() throws Exception {
        String body = WebhookDeliveries.body(this.videoId, "video.created", "video.created", 1, "queued", null);
        assertThat(this.deliveries.post(body).body()).isEqualTo("{\"status\":\"accepted\"}");
        HttpResponse<String> again = this.deliveries.post(body);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("{\"status\":\"duplicate\"}");
        String retry = WebhookDeliveries.body(this.videoId, "video.created", "video.created", 2, "processing", null);
        assertThat(this.deliveries.post(retry).body()).as("a re-signed retry with new data")
            .isEqualTo("{\"status\":\"duplicate\"}");
        assertThat(this.listener.received(this.videoId)).singleElement().isInstanceOf(VideoJobCreatedEvent.class);
    }

    @Test
    void eventsArrivingOutOfOrderAreAllPublished() throws Exception {
        String completed = WebhookDeliveries.body(this.videoId, "video.completed", "video.completed", 1, "completed",
                null);
        String statusChanged = WebhookDeliveries.body(this.videoId, "video.status_changed",
                "video.status_changed:in_progress:completed", 1, "completed",
                "{\"previous_status\":\"in_progress\",\"status\":\"completed\"}");
        assertThat(this.deliveries.post(completed).statusCode()).isEqualTo(200);
        assertThat(this.deliveries.post(statusChanged).statusCode()).isEqualTo(200);
        assertThat(this.listener.received(this.videoId)).hasSize(2)
            .extracting(VideoJobEvent::eventType)
            .containsExactly("video.completed", "video.status_changed");
    }

    @Test
    void unknownEventTypeIsPublishedAsTheBaseEvent() throws Exception {
        String body = WebhookDeliveries.body(this.videoId, "video.thumbnail_ready", "video.thumbnail_ready", 1,
                "completed", null);
        HttpResponse<String> response = this.deliveries.post(body);
        assertThat(response.statusCode()).isEqualTo(200);
        VideoJobEvent event = this.listener.next(this.videoId);
        assertThat(event).isExactlyInstanceOf(VideoJobEvent.class);
        assertThat(event.phase()).isEqualTo(VideoJobPhase.UNKNOWN);
        assertThat(event.eventType()).isEqualTo("video.thumbnail_ready");
    }

    @Test
    void listenerFailureAsksForARedeliveryWhichIsThenPublished() throws Exception {
        this.listener.failOnce(this.videoId);
        String first = WebhookDeliveries.body(this.videoId, "video.created", "video.created", 1, "queued", null);
        HttpResponse<String> failed = this.deliveries.post(first);
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).isEqualTo("{\"error\":\"listener_failed\"}");
        assertThat(this.listener.received(this.videoId)).isEmpty();

        String redelivery = WebhookDeliveries.body(this.videoId, "video.created", "video.created", 2, "queued", null);
        HttpResponse<String> accepted = this.deliveries.post(redelivery);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).isEqualTo("{\"status\":\"accepted\"}");
        assertThat(this.listener.received(this.videoId)).singleElement()
            .satisfies((event) -> assertThat(event.attempt()).isEqualTo(2));

        String third = WebhookDeliveries.body(this.videoId, "video.created", "video.created", 3, "queued", null);
        assertThat(this.deliveries.post(third).body()).isEqualTo("{\"status\":\"duplicate\"}");
    }

    @Test
    void bodiesUpToTheMaximumSizeAreAccepted() throws Exception {
        String body = padded(WebhookDeliveries.body(this.videoId, "video.created", "video.created", 1, "queued", null),
                MAX_PAYLOAD_BYTES);
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(MAX_PAYLOAD_BYTES);
        assertThat(this.deliveries.post(body).statusCode()).isEqualTo(200);
        assertThat(this.listener.received(this.videoId)).hasSize(1);
    }

    @Test
    void oversizedBodyWithContentLengthIsRejected() throws Exception {
        String body = padded(WebhookDeliveries.body(this.videoId, "video.created", "video.created", 1, "queued", null),
                MAX_PAYLOAD_BYTES + 1);
        HttpResponse<String> response = this.deliveries.post(body);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"error\":\"payload_too_large\"}");
        assertThat(this.listener.received(this.videoId)).isEmpty();
    }

    @Test
    void oversizedChunkedBodyIsRejectedWhileReading() throws Exception {
        String body = padded(WebhookDeliveries.body(this.videoId, "video.created", "video.created", 1, "queued", null),
                MAX_PAYLOAD_BYTES + 1);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = this.deliveries.postChunked(bytes,
                new WebhookSigner(WebhookDeliveries.SECRET).headers(bytes, Instant.now().getEpochSecond()));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"error\":\"payload_too_large\"}");
        assertThat(this.listener.received(this.videoId)).isEmpty();
    }

    @Test
    void chunkedBodyWithinTheLimitIsAccepted() throws Exception {
        byte[] bytes = WebhookDeliveries.body(this.videoId, "video.created", "video.created", 1, "queued", null)
            .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = this.deliveries.postChunked(bytes,
                new WebhookSigner(WebhookDeliveries.SECRET).headers(bytes, Instant.now().getEpochSecond()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(this.listener.received(this.videoId)).hasSize(1);
    }

    @Test
    void bothSecretsAreAcceptedDuringARotation() throws Exception {
        String created = WebhookDeliveries.body(this.videoId, "video.created", "video.created", 1, "queued", null);
        String completed = WebhookDeliveries.body(this.videoId, "video.completed", "video.completed", 1, "completed",
                null);
        assertThat(this.deliveries.post(created, WebhookDeliveries.SECRET).statusCode()).isEqualTo(200);
        assertThat(this.deliveries.post(completed, WebhookDeliveries.ROTATED_SECRET).statusCode()).isEqualTo(200);
        assertThat(this.listener.received(this.videoId)).hasSize(2);
    }

    @Test
    void headersAloneRefuseADeliveryWithoutWaitingForItsBody() throws Exception {
        byte[] body = WebhookDeliveries.body(this.videoId, "video.created", "video.created", 1, "queued", null)
            .getBytes(StandardCharsets.UTF_8);
        Map<String, String> signed = new WebhookSigner(WebhookDeliveries.SECRET).headers(body,
                Instant.now().getEpochSecond());
        Map<String, String> stale = new WebhookSigner(WebhookDeliveries.SECRET).headers(body,
                Instant.now().getEpochSecond() - 400);
        Map<String, String> badSignature = new HashMap<>(signed);
        badSignature.put("x-phaseo-signature", "not-hex");
        Map<String, String[]> cases = Map.of("missing signature", new String[] { "400", "invalid_headers" },
                "stale", new String[] { "401", "stale_timestamp" },
                "bad signature", new String[] { "401", "invalid_signature" });
        Map<String, Map<String, String>> headers = Map.of("missing signature",
                WebhookDeliveries.without(signed, "x-phaseo-signature"), "stale", stale, "bad signature", badSignature);
        for (Map.Entry<String, String[]> expected : cases.entrySet()) {
            Map<String, String> request = new HashMap<>(headers.get(expected.getKey()));
            request.put("Content-Length", Integer.toString(body.length));
            // the body never comes: waiting for it would end in 408 after the read timeout
            try (RawWebhookConnection connection = RawWebhookConnection.open(this.port, request, new byte[0], 30_000)) {
                assertThat(connection.readAnswer()).as(expected.getKey())
                    .startsWith("HTTP/1.1 " + expected.getValue()[0] + " ")
                    .containsIgnoringCase("\r\nConnection: close\r\n")
                    .endsWith("{\"error\":\"" + expected.getValue()[1] + "\"}");
            }
        }
        assertThat(this.listener.received(this.videoId)).isEmpty();
    }

    @Test
    void stalledBodyIsDroppedWith408AfterTheReadTimeout() throws Exception {
        byte[] body = WebhookDeliveries.body(this.videoId, "video.created", "video.created", 1, "queued", null)
            .getBytes(StandardCharsets.UTF_8);
        Map<String, String> declared = new HashMap<>(new WebhookSigner(WebhookDeliveries.SECRET).headers(body,
                Instant.now().getEpochSecond()));
        declared.put("Content-Length", Integer.toString(body.length));
        Map<String, String> chunked = new HashMap<>(declared);
        chunked.remove("Content-Length");
        chunked.put("Transfer-Encoding", "chunked");
        byte[] firstChunk = ("64\r\n" + new String(body, 0, 100, StandardCharsets.UTF_8) + "\r\n")
            .getBytes(StandardCharsets.UTF_8);
        try (RawWebhookConnection withLength = RawWebhookConnection.open(this.port, declared,
                Arrays.copyOf(body, body.length / 2), 30_000);
                RawWebhookConnection withChunks = RawWebhookConnection.open(this.port, chunked, firstChunk, 30_000)) {
            long started = System.nanoTime();
            for (RawWebhookConnection connection : new RawWebhookConnection[] { withLength, withChunks }) {
                assertThat(connection.readAnswer()).startsWith("HTTP/1.1 408 ")
                    .containsIgnoringCase("\r\nConnection: close\r\n")
                    .endsWith("{\"error\":\"incomplete_body\"}");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("dropped after the 2 s read timeout")
                .isBetween(Duration.ofMillis(1500), Duration.ofSeconds(10));
        }
        assertThat(this.listener.received(this.videoId)).isEmpty();
        assertThat(this.deliveries.post(new String(body, StandardCharsets.UTF_8)).statusCode())
            .as("the budget was given back").isEqualTo(200);
    }

    @Test
    void deliveriesBeyondTheInFlightBudgetAreAskedToComeBackLater() throws Exception {
        Map<String, String> forged = new HashMap<>();
        forged.put("x-phaseo-timestamp", Long.toString(Instant.now().getEpochSecond()));
        forged.put("x-phaseo-signature", "ab".repeat(32));
        forged.put("Content-Length", Integer.toString(MAX_PAYLOAD_BYTES));
        try (RawWebhookConnection first = RawWebhookConnection.open(this.port, forged, new byte[10], 30_000);
                RawWebhookConnection second = RawWebhookConnection.open(this.port, forged, new byte[10], 30_000)) {
            // the two stalled bodies hold the whole budget once the receiver has seen their headers
            String body = WebhookDeliveries.body(this.videoId, "video.created", "video.created", 1, "queued", null);
            HttpResponse<String>[] refused = new HttpResponse[1];
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                refused[0] = this.deliveries.post(body);
                return refused[0].statusCode() == 503;
            });
            assertThat(refused[0].body()).isEqualTo("{\"error\":\"overloaded\"}");
            assertThat(refused[0].headers().firstValue("Retry-After")).hasValue("60");
            assertThat(this.listener.received(this.videoId)).isEmpty();
            assertThat(first.readAnswer()).startsWith("HTTP/1.1 408 ");
            assertThat(second.readAnswer()).startsWith("HTTP/1.1 408 ");
            HttpResponse<String> redelivered = this.deliveries.post(body);
            assertThat(redelivered.statusCode()).as("delivered again once the budget is free").isEqualTo(200);
            assertThat(this.listener.received(this.videoId)).hasSize(1);
        }
    }

    /** Pads the job data with an unknown member until the body has exactly the given size. */
    private static String padded(String body, int size) {
        String prefix = body.substring(0, body.indexOf("\"data\":{") + 8) + "\"padding\":\"";
        String suffix = "\"," + body.substring(body.indexOf("\"data\":{") + 8);
        return prefix + "x".repeat(size - prefix.length() - suffix.length()) + suffix;
    }
}
