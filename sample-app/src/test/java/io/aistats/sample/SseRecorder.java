package io.aistats.sample;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Records the server-sent job updates of the sample's {@code /api/events} stream.
 */
final class SseRecorder implements AutoCloseable {

    private final LinkedBlockingQueue<JsonNode> updates = new LinkedBlockingQueue<>();

    private final List<String> eventNames = new ArrayList<>();

    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    private final HttpResponse<Stream<String>> response;

    private final Thread reader;

    private SseRecorder(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-recorder");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    static SseRecorder open(HttpClient client, URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET().build();
        try {
            // returns once the headers arrived, that is once the server registered the subscription
            return new SseRecorder(client.send(request, HttpResponse.BodyHandlers.ofLines()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** @return the HTTP status of the subscription */
    int status() {
        return this.response.statusCode();
    }

    /** @return the media type of the subscription */
    String contentType() {
        return this.response.headers().firstValue("Content-Type").orElse("");
    }

    /**
     * Waits for the next update that matches, skipping others.
     * @param wanted what to wait for
     * @param timeout how long at most
     * @return the update: {@code type}, {@code source} and {@code job}
     * @throws AssertionError when none arrives in time
     */
    JsonNode await(Predicate<JsonNode> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                JsonNode update = this.updates.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (update == null) {
                    throw new AssertionError("No matching job update within " + timeout);
                }
                if (wanted.test(update)) {
                    return update;
                }
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", ex);
        }
    }

    /**
     * @return completes when the server ended the stream
     */
    CompletableFuture<Void> ended() {
        return this.ended;
    }

    /**
     * @return the names of the events seen so far
     */
    synchronized List<String> eventNames() {
        return List.copyOf(this.eventNames);
    }

    private void read() {
        try (Stream<String> lines = this.response.body()) {
            lines.forEach((line) -> {
                if (line.startsWith("event:")) {
                    synchronized (this) {
                        this.eventNames.add(line.substring("event:".length()).trim());
                    }
                }
                else if (line.startsWith("data:")) {
                    this.updates.add(SampleHttp.parse(line.substring("data:".length())));
                }
            });
        }
        catch (RuntimeException ex) {
            // closed by the test
        }
        finally {
            this.ended.complete(null);
        }
    }

    @Override
    public void close() {
        this.response.body().close();
    }
}
