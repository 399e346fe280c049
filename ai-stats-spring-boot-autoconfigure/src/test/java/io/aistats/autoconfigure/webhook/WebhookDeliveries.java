package io.aistats.autoconfigure.webhook;

import io.aistats.test.WebhookSigner;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Builds deliveries shaped like the gateway's (contract §6.6) and posts them, signed with {@link WebhookSigner}, over
 * a real socket.
 */
final class WebhookDeliveries {

    static final String SECRET = "whsec_test_secret";

    static final String ROTATED_SECRET = "whsec_q9ZtV2mH8cXr4LkP0aN6yBwE1uJ7sDfG3hTiQoRvW5e";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI endpoint;

    WebhookDeliveries(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** A fresh video id, so that tests sharing an application never share event ids. */
    static String newVideoId() {
        return "G-" + UUID.randomUUID().toString().replace("-", "").toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * A delivery body with the gateway's member order and compact JSON.
     * @param statusChange the {@code status_change} object, or {@code null}
     */
    static String body(String videoId, String type, String deliveryKey, int attempt, String dataStatus,
            @Nullable String statusChange) {
        String eventId = ("evt_video_" + videoId + "_" + deliveryKey).replaceAll("[^A-Za-z0-9_-]+", "_");
        return "{\"id\":\"" + eventId + "\",\"type\":\"" + type + "\",\"created_at\":" + Instant.now().getEpochSecond()
                + ",\"delivery\":{\"key\":\"" + deliveryKey + "\",\"attempt\":" + attempt + ",\"max_attempts\":4},"
                + "\"data\":" + data(videoId, dataStatus)
                + ((statusChange != null) ? ",\"status_change\":" + statusChange : "") + "}";
    }

    /** The job data object of a webhook (contract §6.6), abridged. */
    static String data(String videoId, String status) {
        boolean completed = status.equals("completed");
        String base = "https://api.phaseo.app/v1/videos/" + videoId;
        return "{\"id\":\"" + videoId + "\",\"object\":\"video\",\"kind\":\"video\",\"status\":\"" + status + "\","
                + "\"lifecycle_status\":\"" + (status.equals("processing") ? "running" : status) + "\","
                + "\"request_id\":\"" + videoId + "\",\"native_id\":\"video_6955a1c4e0f08190a1b2c3d4e5f60718\","
                + "\"session_id\":null,\"app_id\":null,\"progress\":" + (completed ? 100 : 0) + ","
                + "\"provider\":\"openai\",\"model\":\"sora-2\",\"polling_url\":\"" + base + "\","
                + "\"websocket_url\":\"wss://api.phaseo.app/v1/async/video/" + videoId + "/ws\",\"cancel_url\":null,"
                + "\"content_url\":\"" + base + "/content\",\"download_url\":"
                + (completed ? "\"" + base + "/content?download_token=abc&download_sig=def&expires_at=1767226500\""
                        : "null")
                + ",\"expires_at\":" + (completed ? "1767226500" : "null") + ",\"duration_seconds\":8,"
                + "\"resolution\":\"1280x720\",\"quality\":null,\"output_access\":\"both\",\"key_source\":\"gateway\","
                + "\"created_at\":\"2025-12-31T23:57:30.214871+00:00\","
                + "\"updated_at\":\"2026-01-01T00:00:00.402113+00:00\"}";
    }

    /** Posts a body signed now with the given secret. */
    HttpResponse<String> post(String body, String secret) throws IOException, InterruptedException {
        return post(body, new WebhookSigner(secret).headers(body, Instant.now().getEpochSecond()));
    }

    /** Posts a body signed now with {@link #SECRET}. */
    HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return post(body, SECRET);
    }

    /** Posts bytes with exactly these headers, with a Content-Length. */
    HttpResponse<String> post(String body, Map<String, String> headers) throws IOException, InterruptedException {
        return post(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8), headers);
    }

    /** Posts bytes with exactly these headers, chunked: the receiver learns the size only by reading. */
    HttpResponse<String> postChunked(byte[] body, Map<String, String> headers)
            throws IOException, InterruptedException {
        return post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), headers);
    }

    /** Signed headers without one of them. */
    static Map<String, String> without(Map<String, String> headers, String name) {
        Map<String, String> copy = new HashMap<>(headers);
        copy.remove(name);
        return copy;
    }

    private HttpResponse<String> post(HttpRequest.BodyPublisher publisher, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(this.endpoint).timeout(Duration.ofSeconds(30))
            .POST(publisher);
        headers.forEach(request::header);
        return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
