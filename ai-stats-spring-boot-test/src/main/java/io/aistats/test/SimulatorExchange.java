package io.aistats.test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One request to the simulator and the means to answer it. Every answer goes through {@link #send} so that common
 * headers and the connection-drop fault apply uniformly.
 */
final class SimulatorExchange {

    /** The CORS headers of every {@code /v1} response (§1.4). */
    static final Map<String, String> CORS_HEADERS = Map.of(
            "Access-Control-Allow-Origin", "*",
            "Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS",
            "Access-Control-Allow-Headers", "Authorization, Content-Type, traceparent, tracestate, x-title, "
                    + "http-referer, x-app-id, x-app-name, x-phaseo-client, x-phaseo-client-version, x-gateway-debug, "
                    + "x-phaseo-debug, X-Phaseo-Strictness, x-phaseo-cache-revalidate",
            "Access-Control-Max-Age", "86400");

    private final HttpServerRequest request;

    private final HttpServerResponse response;

    private final SimulatorRuntime runtime;

    private final String method;

    private final String path;

    private final String rawQuery;

    private final Map<String, List<String>> query;

    private final byte[] body;

    private final boolean bodyTooLarge;

    private Map<String, String> pathVariables = Map.of();

    private boolean dropMidBody;

    private boolean declareLengthOfDroppedBody;

    SimulatorExchange(HttpServerRequest request, HttpServerResponse response, SimulatorRuntime runtime,
            String method, String path, String rawQuery, Map<String, List<String>> query, byte[] body,
            boolean bodyTooLarge) {
        this.request = request;
        this.response = response;
        this.runtime = runtime;
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.query = query;
        this.body = body;
        this.bodyTooLarge = bodyTooLarge;
    }

    /** @return the Reactor Netty request (for routes that upgrade the connection) */
    HttpServerRequest request() {
        return this.request;
    }

    /** @return the Reactor Netty response (for routes that upgrade the connection) */
    HttpServerResponse response() {
        return this.response;
    }

    /** @return the simulator state */
    SimulatorRuntime runtime() {
        return this.runtime;
    }

    /** @return the upper-case method */
    String method() {
        return this.method;
    }

    /** @return the decoded path */
    String path() {
        return this.path;
    }

    /** @return the raw query string (no {@code ?}) */
    String rawQuery() {
        return this.rawQuery;
    }

    /** @return the request body (empty for GET), at most the read limit */
    byte[] body() {
        return this.body;
    }

    /** @return whether the body exceeded the read limit (it is then truncated) */
    boolean bodyTooLarge() {
        return this.bodyTooLarge;
    }

    /** @return a request header, or {@code null} */
    @Nullable String header(String name) {
        return this.request.requestHeaders().get(name);
    }

    /** @return the first value of a query parameter, or {@code null} */
    @Nullable String queryParam(String name) {
        List<String> values = this.query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** @return every value of a query parameter, in order */
    List<String> queryParams(String name) {
        return this.query.getOrDefault(name, List.of());
    }

    /** @return a path variable of the matched route */
    String pathVariable(String name) {
        String value = this.pathVariables.get(name);
        if (value == null) {
            throw new IllegalStateException("The route has no path variable " + name);
        }
        return value;
    }

    void pathVariables(Map<String, String> variables) {
        this.pathVariables = Map.copyOf(variables);
    }

    /**
     * Arms the connection-drop fault for this exchange's answer.
     * @param declareLength whether the cut response still announces its full {@code Content-Length} (else it is
     * chunked)
     */
    void dropMidBody(boolean declareLength) {
        this.dropMidBody = true;
        this.declareLengthOfDroppedBody = declareLength;
    }

    /**
     * The origin the caller used (§0.5): {@code http://} plus the {@code Host} header, falling back to the
     * simulator's listening origin.
     * @return the origin, without a trailing slash
     */
    URI origin() {
        String host = header("Host");
        if (host != null && !host.isBlank()) {
            try {
                return URI.create("http://" + host.strip());
            }
            catch (IllegalArgumentException ex) {
                // a malformed Host header: answer with the listening origin
            }
        }
        return this.runtime.listeningOrigin();
    }

    /** Removes the CORS headers (a WebSocket 101 carries none). */
    void removeCorsHeaders() {
        CORS_HEADERS.keySet().forEach(this.response.responseHeaders()::remove);
    }

    /**
     * Adds a response header.
     * @return this
     */
    SimulatorExchange header(String name, String value) {
        this.response.header(name, value);
        return this;
    }

    /**
     * Answers with JSON.
     * @param status HTTP status
     * @param body the body
     * @param cacheControl the {@code Cache-Control} value, or {@code null} to send none
     * @return completion
     */
    Mono<Void> json(int status, JsonNode body, @Nullable String cacheControl) {
        if (cacheControl != null) {
            this.response.header(HttpHeaderNames.CACHE_CONTROL, cacheControl);
        }
        return bytes(status, "application/json", this.runtime.json().writeValueAsBytes(body));
    }

    /** Answers with a shape-A error (§2.1), {@code Cache-Control: no-store}. */
    Mono<Void> error(GatewayError error) {
        return json(error.httpStatus(), error.toJson(), "no-store");
    }

    /** Answers with a shape-B create error (§2.2) and its {@code X-Gateway-Error-*} headers. */
    Mono<Void> createError(CreateError error, String generationId) {
        this.response.header("X-Gateway-Error-Attribution", error.attribution());
        this.response.header("X-Gateway-Error-Origin", error.origin());
        return json(error.httpStatus(), error.toJson(generationId), "no-store");
    }

    /** Answers with plain text ({@code text/plain; charset=UTF-8}), as the framework's 404 and 500 do. */
    Mono<Void> text(int status, String text) {
        return bytes(status, "text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers without a body (a 204 carries no {@code Content-Length} either). */
    Mono<Void> empty(int status) {
        this.response.status(status);
        if (status != 204) {
            this.response.header(HttpHeaderNames.CONTENT_LENGTH, "0");
        }
        return this.response.send();
    }

    /** Answers with bytes of a content type. */
    Mono<Void> bytes(int status, String contentType, byte[] bytes) {
        return send(status, contentType, bytes.length, Flux.just(Unpooled.wrappedBuffer(bytes)));
    }

    /**
     * Answers with a streamed body of known length. The body is requested with backpressure; nothing is buffered
     * beyond what the connection accepts.
     * @param status HTTP status
     * @param contentType the {@code Content-Type}
     * @param length the body length ({@code Content-Length})
     * @param body the body
     * @return completion
     */
    Mono<Void> send(int status, String contentType, long length, Flux<ByteBuf> body) {
        this.response.status(status);
        this.response.header(HttpHeaderNames.CONTENT_TYPE, contentType);
        if (!this.dropMidBody) {
            this.response.header(HttpHeaderNames.CONTENT_LENGTH, Long.toString(length));
            return this.response.send(body).then();
        }
        if (!this.declareLengthOfDroppedBody) {
            // chunked: the first half, then the connection closes where the terminating chunk would be written
            this.response.withConnection((connection) -> connection.addHandlerLast("ai-stats-simulator-body-cut",
                    new TerminatingChunkSuppressor()));
            return this.response.send(truncate(body, length / 2)).then();
        }
        this.response.header(HttpHeaderNames.CONTENT_LENGTH, Long.toString(length));
        // send the headers and about half of the body, then close the connection without completing the response
        return this.response.send(truncate(body, length / 2)).then()
                .then(Mono.fromRunnable(() -> this.response.withConnection(
                        connection -> connection.channel().close())));
    }

    /**
     * Replaces the terminating chunk of a chunked response by closing the connection once everything before it is
     * written, so the body ends early without the mark of a complete chunked body.
     */
    private static final class TerminatingChunkSuppressor extends ChannelOutboundHandlerAdapter {

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
            if (!(message instanceof LastHttpContent last) || message instanceof HttpResponse) {
                context.write(message, promise);
                return;
            }
            last.release();
            promise.setSuccess();
            context.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static Flux<ByteBuf> truncate(Flux<ByteBuf> body, long limit) {
        if (limit <= 0) {
            return body.take(0);
        }
        AtomicLong sent = new AtomicLong();
        return body.map(buffer -> {
            long remaining = limit - sent.get();
            if (buffer.readableBytes() <= remaining) {
                sent.addAndGet(buffer.readableBytes());
                return buffer;
            }
            ByteBuf part = buffer.retainedSlice(buffer.readerIndex(), (int) remaining);
            buffer.release();
            sent.addAndGet(remaining);
            return part;
        }).takeUntil(buffer -> sent.get() >= limit);
    }
}
