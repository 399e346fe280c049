package io.aistats.sample;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Calls the sample's API over a real socket, as the page does.
 */
final class SampleHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI origin;

    SampleHttp(int port) {
        this.origin = URI.create("http://127.0.0.1:" + port);
    }

    URI uri(String path) {
        return this.origin.resolve(path);
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Response post(String path, Map<String, ?> body) {
        return send(HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Response post(String path) {
        return send(HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.noBody()));
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").DELETE());
    }

    /** Sends a request exactly as given, for requests the page would never make. */
    Response send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
            .method(method, HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    HttpResponse<byte[]> bytes(String path) {
        try {
            return this.client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Subscribes to the page's job updates; the subscription is registered when this returns.
     */
    SseRecorder events() {
        return SseRecorder.open(this.client, uri("/api/events"));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = this.client.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    /**
     * An answer of the API.
     * @param status the HTTP status
     * @param contentType the media type
     * @param body the JSON body; missing when empty
     */
    record Response(int status, String contentType, JsonNode body) {
    }
}
