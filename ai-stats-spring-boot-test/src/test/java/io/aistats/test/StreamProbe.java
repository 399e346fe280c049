package io.aistats.test;

import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A raw WebSocket client for the stream route tests (JDK {@link WebSocket}): every server frame and the end of the
 * connection land in one queue, in order, so that tests can assert the exact sequence.
 */
final class StreamProbe implements WebSocket.Listener, AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    private final StringBuilder partial = new StringBuilder();

    private final WebSocket socket;

    private StreamProbe(URI uri, String apiKey) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + apiKey)
                .connectTimeout(WAIT)
                .buildAsync(uri, this)
                .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
                .join();
    }

    /**
     * @param simulator the simulator
     * @param videoId the job
     * @param query the query string without {@code ?}, or empty
     * @return a connected probe
     */
    static StreamProbe open(AiStatsGatewaySimulator simulator, String videoId, String query) {
        String url = "ws://127.0.0.1:" + simulator.port() + "/v1/async/video/" + videoId + "/ws"
                + (query.isEmpty() ? "" : "?" + query);
        return new StreamProbe(URI.create(url), simulator.apiKey());
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        this.partial.append(data);
        if (last) {
            this.events.add(this.partial.toString());
            this.partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        this.events.add("close " + statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        this.events.add("error " + error.getClass().getSimpleName());
    }

    /** Sends a text frame. */
    StreamProbe send(String text) {
        this.socket.sendText(text, true).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
        return this;
    }

    /** @return the next event: a text frame, {@code close <code> <reason>} or {@code error <type>} */
    String next() {
        try {
            String event = this.events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("No frame within " + WAIT);
            }
            return event;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    /** @return the next event, which must be a JSON frame */
    JsonNode nextFrame() {
        String event = next();
        if (!event.startsWith("{")) {
            throw new AssertionError("Expected a JSON frame but got: " + event);
        }
        return GatewayHttp.JSON.readTree(event);
    }

    @Override
    public void close() {
        this.socket.abort();
    }
}
