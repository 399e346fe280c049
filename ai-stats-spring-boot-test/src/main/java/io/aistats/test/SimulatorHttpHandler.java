package io.aistats.test;

import io.netty.handler.codec.http.QueryStringDecoder;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The simulator's single HTTP entry point. For every request, in order: CORS headers (paths under {@code /v1}),
 * body read (bounded), recording, latency, {@code OPTIONS} preflight, armed faults, the global video switch (§0.2),
 * route lookup (plain-text 404 when none), the route.
 */
final class SimulatorHttpHandler {

    /** Request bodies are read up to this size (the gateway's JSON limit) plus one byte to detect overflow. */
    static final int BODY_LIMIT = 16 * 1024 * 1024;

    private static final System.Logger LOGGER = System.getLogger(SimulatorHttpHandler.class.getName());

    private final SimulatorRuntime runtime;

    private final RouteRegistry routes;

    SimulatorHttpHandler(SimulatorRuntime runtime, RouteRegistry routes) {
        this.runtime = runtime;
        this.routes = routes;
    }

    /**
     * Handles one request.
     * @param request the request
     * @param response the response
     * @return completion
     */
    Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        String method = request.method().name().toUpperCase(Locale.ROOT);
        QueryStringDecoder decoder = new QueryStringDecoder(request.uri());
        String rawPath = decoder.rawPath();
        String path = QueryStringDecoder.decodeComponent(rawPath);
        String rawQuery = decoder.rawQuery();
        boolean v1 = isV1(path);
        if (v1) {
            SimulatorExchange.CORS_HEADERS.forEach(response::header);
        }
        Mono<Body> body = hasBody(method) ? readBody(request) : Mono.just(Body.EMPTY);
        return body.flatMap(read -> {
            SimulatorExchange exchange = new SimulatorExchange(request, response, this.runtime, method, path,
                    rawQuery, decoder.parameters(), read.bytes(), read.tooLarge());
            record(exchange, request, read);
            Duration latency = this.runtime.faults().currentLatency();
            Mono<Void> answer = Mono.defer(() -> dispatch(exchange, rawPath, v1));
            return latency.isZero() ? answer : Mono.delay(latency).then(answer);
        }).onErrorResume(ex -> {
            if (ex instanceof AbortedException || AbortedException.isConnectionReset(ex)) {
                return Mono.empty(); // the client went away mid-response: nothing to answer
            }
            LOGGER.log(System.Logger.Level.WARNING, "Simulator failed on " + method + " " + path, ex);
            if (response.hasSentHeaders()) {
                return Mono.error(ex);
            }
            return response.status(500).header("Content-Type", "text/plain; charset=UTF-8")
                    .sendString(Mono.just("Internal Server Error")).then();
        });
    }

    private Mono<Void> dispatch(SimulatorExchange exchange, String rawPath, boolean v1) {
        String method = exchange.method();
        String path = exchange.path();
        if (v1 && "OPTIONS".equals(method)) {
            return exchange.empty(204);
        }
        SimulatorFaults.Rule fault = this.runtime.faults().take(method, path);
        if (fault != null) {
            switch (fault.kind) {
                case FAIL:
                    return FaultResponses.fail(exchange, fault.status);
                case GARBLE:
                    return FaultResponses.garbled(exchange);
                case DROP:
                    exchange.dropMidBody(true);
                    break;
                case DROP_CHUNKED:
                    exchange.dropMidBody(false);
                    break;
            }
        }
        if (isVideoPath(path) && !this.runtime.videoApiEnabled()) {
            return exchange.error(GatewayError.videoApiDisabled());
        }
        RouteRegistry.Match match = this.routes.match(method, segments(rawPath));
        if (match == null) {
            return exchange.text(404, "404 Not Found");
        }
        exchange.pathVariables(match.variables());
        return match.handler().handle(exchange);
    }

    private void record(SimulatorExchange exchange, HttpServerRequest request, Body body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : request.requestHeaders()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            String value = "authorization".equals(name) ? maskAuthorization(header.getValue()) : header.getValue();
            headers.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        headers.replaceAll((name, values) -> List.copyOf(values));
        byte[] kept = body.bytes().length <= RecordedRequest.BODY_LIMIT && !body.tooLarge() ? body.bytes() : null;
        this.runtime.record(new RecordedRequest(exchange.method(), exchange.path(), exchange.rawQuery(),
                Map.copyOf(headers), kept, body.size(), this.runtime.now()));
    }

    /** @return the header with the key's secret replaced by {@code ***} */
    static String maskAuthorization(String value) {
        String token = Authenticator.bearerToken(value);
        if (token == null) {
            return "***";
        }
        ApiKey key = ApiKey.parse(token);
        return "Bearer " + (key != null ? key.masked() : "***");
    }

    /** @return whether the path is under {@code /v1} (CORS, faults) */
    static boolean isV1(String path) {
        return path.equals("/v1") || path.startsWith("/v1/");
    }

    /** @return whether the global video switch governs the path */
    static boolean isVideoPath(String path) {
        return path.equals("/v1/videos") || path.startsWith("/v1/videos/") || path.equals("/v1/video/generations")
                || path.startsWith("/v1/video/generations/");
    }

    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        String[] parts = rawPath.substring(rawPath.startsWith("/") ? 1 : 0).split("/", -1);
        for (String part : parts) {
            segments.add(QueryStringDecoder.decodeComponent(part));
        }
        return segments;
    }

    private static boolean hasBody(String method) {
        return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
    }

    private static Mono<Body> readBody(HttpServerRequest request) {
        return request.receive().asByteArray()
                .reduceWith(() -> new Collector(BODY_LIMIT), Collector::add)
                .map(Collector::finish)
                .defaultIfEmpty(Body.EMPTY);
    }

    /** Accumulates a body up to a limit while counting (and discarding) the rest. */
    private static final class Collector {

        private final int limit;

        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        private long size;

        Collector(int limit) {
            this.limit = limit;
        }

        Collector add(byte[] chunk) {
            int room = (int) Math.max(0, Math.min(chunk.length, (long) this.limit + 1 - this.size));
            this.kept.write(chunk, 0, room);
            this.size += chunk.length;
            return this;
        }

        Body finish() {
            return new Body(this.kept.toByteArray(), this.size, this.size > this.limit);
        }
    }

    /**
     * A read request body.
     * @param bytes the bytes read (at most the limit plus one)
     * @param size the full size
     * @param tooLarge whether it exceeded the limit
     */
    record Body(byte[] bytes, long size, boolean tooLarge) {

        static final Body EMPTY = new Body(new byte[0], 0, false);
    }

    /** Answers of armed faults. */
    static final class FaultResponses {

        private FaultResponses() {
        }

        /**
         * @param exchange the request
         * @param status the status to answer
         * @return completion
         */
        static Mono<Void> fail(SimulatorExchange exchange, int status) {
            boolean create = "POST".equals(exchange.method()) && ("/v1/videos".equals(exchange.path())
                    || "/v1/video/generations".equals(exchange.path()));
            if (status == 500) {
                return exchange.text(500, "Internal Server Error");
            }
            String requestId = exchange.runtime().newId();
            if (create) {
                return exchange.createError(createFault(status), requestId);
            }
            return exchange.error(routeFault(status).requestId(requestId).workspaceId(
                    exchange.runtime().workspaceId()));
        }

        private static CreateError createFault(int status) {
            return switch (status) {
                case 429 -> CreateError.user(429, "key_limit_exceeded", "Key limit exceeded for this API key.");
                case 402 -> CreateError.user(402, "insufficient_funds",
                        "Insufficient funds: top up your workspace balance to continue.");
                case 403 -> CreateError.user(403, "guardrail_blocked", "Request blocked by a workspace guardrail.");
                case 401 -> CreateError.user(401, "unauthorised", "unauthorised");
                default -> status >= 500
                        ? CreateError.system(status, "upstream_error", "video_provider_upstream_error",
                                "The video provider failed to process the request.")
                        : CreateError.user(status, "validation_error", "Simulated request failure.");
            };
        }

        private static GatewayError routeFault(int status) {
            return switch (status) {
                case 429 -> GatewayError.of(429, "key_limit_exceeded", "key_limit_exceeded");
                case 401 -> GatewayError.of(401, "unauthorised", "key_not_found_or_revoked");
                case 402 -> GatewayError.of(402, "insufficient_funds", "insufficient_funds");
                case 403 -> GatewayError.of(403, "guardrail_blocked", "guardrail_blocked");
                case 404 -> GatewayError.of(404, "not_found", "video_not_found_or_not_owned");
                case 409 -> GatewayError.of(409, "not_ready", "video_not_ready");
                case 501 -> GatewayError.of(501, "not_implemented_yet", "video_api_temporarily_disabled");
                case 504, 503 -> GatewayError.of(status, "upstream_error", "video_provider_timeout")
                        .extra("timeout_ms", 30000);
                default -> status >= 500
                        ? GatewayError.of(status, "upstream_error", "video_provider_upstream_error")
                        : GatewayError.of(status, "validation_error", "simulated_request_failure");
            };
        }

        /**
         * @param exchange the request
         * @return a 200 whose JSON body is cut off mid-document
         */
        static Mono<Void> garbled(SimulatorExchange exchange) {
            ObjectNode partial = exchange.runtime().json().createObjectNode();
            partial.put("id", exchange.runtime().newId());
            partial.put("object", "video");
            partial.put("status", "in_progress");
            String json = exchange.runtime().json().writeValueAsString(partial);
            byte[] cut = json.substring(0, json.length() - 9).getBytes(StandardCharsets.UTF_8);
            return exchange.bytes(200, "application/json", cut);
        }
    }
}
