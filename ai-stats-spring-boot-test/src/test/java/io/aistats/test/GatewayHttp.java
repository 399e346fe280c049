package io.aistats.test;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A small blocking HTTP client for the simulator tests (real sockets, {@link HttpClient}).
 */
final class GatewayHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final AiStatsGatewaySimulator simulator;

    GatewayHttp(AiStatsGatewaySimulator simulator) {
        this.simulator = simulator;
    }

    /** A request under construction. */
    Call call(String method, String path) {
        return new Call(method, this.simulator.origin().resolve(path));
    }

    Response get(String path) {
        return call("GET", path).auth(this.simulator.apiKey()).send();
    }

    Response post(String path, String json) {
        return call("POST", path).auth(this.simulator.apiKey()).json(json).send();
    }

    Response delete(String path) {
        return call("DELETE", path).auth(this.simulator.apiKey()).send();
    }

    /** Creates a job and returns its id. */
    String create(String json) {
        Response response = post("/v1/videos", json);
        if (response.status() != 200) {
            throw new IllegalStateException("create failed: " + response.status() + " " + response.body());
        }
        return response.json().get("id").stringValue();
    }

    /** A request under construction. */
    static final class Call {

        private final String method;

        private final URI uri;

        private final List<String> headers = new ArrayList<>();

        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        Call(String method, URI uri) {
            this.method = method;
            this.uri = uri;
        }

        Call auth(String key) {
            return header("Authorization", "Bearer " + key);
        }

        Call header(String name, String value) {
            this.headers.add(name);
            this.headers.add(value);
            return this;
        }

        Call json(String json) {
            header("Content-Type", "application/json");
            this.body = HttpRequest.BodyPublishers.ofString(json);
            return this;
        }

        Call body(byte[] bytes) {
            this.body = HttpRequest.BodyPublishers.ofByteArray(bytes);
            return this;
        }

        HttpRequest request() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(this.uri).timeout(Duration.ofSeconds(30))
                    .method(this.method, this.body);
            for (int i = 0; i < this.headers.size(); i += 2) {
                builder.header(this.headers.get(i), this.headers.get(i + 1));
            }
            return builder.build();
        }

        Response send() {
            HttpResponse<byte[]> response = sendRaw(HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers(), response.body());
        }

        <T> HttpResponse<T> sendRaw(HttpResponse.BodyHandler<T> handler) {
            try {
                return CLIENT.send(request(), handler);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
    }

    /** A received response. */
    record Response(int status, HttpHeaders headers, byte[] bytes) {

        String body() {
            return new String(this.bytes, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return JSON.readTree(this.bytes);
        }

        @Nullable String header(String name) {
            return this.headers.firstValue(name).orElse(null);
        }
    }
}
