package io.aistats.video.internal.http;

import io.aistats.video.error.AiStatsConfigurationException;
import io.aistats.video.error.AiStatsDecodingException;
import io.aistats.video.error.AiStatsTimeoutException;
import io.aistats.video.internal.json.GatewayJson;
import io.aistats.video.internal.util.DataBuffers;
import io.aistats.video.internal.util.Lazy;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClientRequest;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;

/**
 * The one HTTP transport of the client: sends a {@link GatewayCall} with the bearer key and client headers, turns
 * error responses into typed exceptions, retries safe calls on transient failures and enforces the timeouts.
 * <p>
 * The {@link WebClient} is built from a clone of the given builder, so the caller's builder is never changed and
 * whatever it carries (connector, observations, codecs, filters) applies. Timeouts are applied per request rather
 * than by replacing the connector: the response timeout on the Reactor Netty request when that connector is in use,
 * and, whatever the connector, a deadline of connect plus response timeout until the response headers arrive and
 * the response timeout between body chunks.
 * <p>
 * Given a {@link Supplier} of the builder, the {@link WebClient} is built on the first request rather than when the
 * transport is created, so that an application pays for its HTTP stack only when it calls the gateway.
 */
public final class GatewayTransport {

    /** Message when no key is configured; names both ways to set it. */
    public static final String MISSING_API_KEY_MESSAGE = "No API key is configured for the AI Stats gateway: set "
        + "ai-stats.api-key or the AI_STATS_API_KEY environment variable";

    /** Largest JSON body read into memory; a full list page is far smaller. */
    static final int MAX_JSON_BODY_BYTES = 32 * 1024 * 1024;

    /** Largest part of an error body read; the rest is discarded. */
    static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

    private final Lazy<WebClient> webClient;

    private final TransportSettings settings;

    /** Whether the connector is Reactor Netty, whose response timeout bounds each read; learnt from the first request. */
    private volatile boolean connectorBoundsReads;

    /**
     * Creates a transport whose {@link WebClient} is built on first use.
     * @param webClientBuilder supplies the builder to start from, asked once, on the first request; the builder is
     * cloned, never modified
     * @param settings base URL, key, timeouts and retry settings
     */
    public GatewayTransport(Supplier<WebClient.Builder> webClientBuilder, TransportSettings settings) {
        Objects.requireNonNull(webClientBuilder, "webClientBuilder must not be null");
        this.webClient = Lazy.of(() -> Objects.requireNonNull(webClientBuilder.get(), "webClientBuilder supplied null")
            .clone()
            .build());
        this.settings = settings;
    }

    /**
     * Sends a call and decodes its JSON answer. The whole exchange, body included, is one attempt; safe calls are
     * retried on transient failures.
     * @param call what to send
     * @param type what to decode the answer as
     * @param <T> the answer type
     * @return the decoded answer; fails with the client's exceptions
     */
    public <T> Mono<T> exchange(GatewayCall call, Class<T> type) {
        return exchange(call, type, (value, statusCode) -> {
        });
    }

    /**
     * Sends a call, decodes its JSON answer and checks it.
     * @param call what to send
     * @param type what to decode the answer as
     * @param check receives the decoded answer and the HTTP status; throws (an {@code AiStatsDecodingException},
     * normally) when the answer lacks what the caller needs
     * @param <T> the answer type
     * @return the decoded answer; fails with the client's exceptions
     */
    public <T> Mono<T> exchange(GatewayCall call, Class<T> type, ObjIntConsumer<T> check) {
        return withApiKey((apiKey) -> {
            Mono<T> attempt = Mono.defer(() -> send(call, apiKey, MediaType.APPLICATION_JSON)
                    .toEntityFlux(DataBuffer.class))
                .flatMap((entity) -> decodeBody(entity, type, call).doOnNext((value) ->
                    check.accept(value, entity.getStatusCode().value())))
                .timeout(headerDeadline(), timeoutError(call))
                .onErrorMap((failure) -> FailureTranslator.translate(failure, call.operation()));
            return retried(call, attempt);
        });
    }

    /**
     * Sends a call whose answer is streamed. Safe calls are retried only until the response headers arrive: once
     * the body has started, a failure reaches the consumer of the body.
     * @param call what to send
     * @return the status, headers and body of a successful answer
     */
    public Mono<StreamedResponse> stream(GatewayCall call) {
        return withApiKey((apiKey) -> {
            Mono<StreamedResponse> attempt = Mono.defer(() -> send(call, apiKey, MediaType.ALL)
                    .toEntityFlux(DataBuffer.class))
                .timeout(headerDeadline(), timeoutError(call))
                .map((entity) -> new StreamedResponse(entity.getStatusCode().value(), entity.getHeaders(),
                    bodyOf(entity, call)))
                .onErrorMap((failure) -> FailureTranslator.translate(failure, call.operation()));
            return retried(call, attempt);
        });
    }

    private <T> Mono<T> withApiKey(Function<String, Mono<T>> call) {
        return Mono.defer(() -> {
            String apiKey = this.settings.apiKey();
            if (apiKey == null) {
                return Mono.error(new AiStatsConfigurationException(MISSING_API_KEY_MESSAGE));
            }
            return call.apply(apiKey);
        });
    }

    private WebClient.ResponseSpec send(GatewayCall call, String apiKey, MediaType accept) {
        WebClient.RequestBodySpec request = withUri(this.webClient.get().method(call.method()), call)
            .headers((headers) -> {
                headers.setBearerAuth(apiKey);
                headers.set(ClientIdentity.CLIENT_HEADER, ClientIdentity.NAME);
                headers.set(ClientIdentity.VERSION_HEADER, ClientIdentity.VERSION);
            })
            .accept(accept)
            .httpRequest(this::applyResponseTimeout);
        Object body = call.body();
        WebClient.RequestHeadersSpec<?> ready = (body != null)
            ? request.contentType(MediaType.APPLICATION_JSON).bodyValue(GatewayJson.encode(body)) : request;
        return ready.retrieve().onStatus((status) -> !status.is2xxSuccessful(), this::decodeError);
    }

    /**
     * Sends to the call's URL, built and encoded already; a known template is handed to the {@link WebClient} too, so
     * that its observation records the route ({@code /v1/videos/{id}}) rather than nothing.
     */
    private WebClient.RequestBodySpec withUri(WebClient.RequestBodyUriSpec spec, GatewayCall call) {
        String template = call.uriTemplate();
        if (template == null) {
            return spec.uri(call.uri());
        }
        String basePath = this.settings.baseUrl().getRawPath();
        String prefix = (basePath == null) ? "" : basePath.endsWith("/")
                ? basePath.substring(0, basePath.length() - 1) : basePath;
        return spec.uri(prefix + template, (uriBuilder) -> call.uri());
    }

    private void applyResponseTimeout(ClientHttpRequest request) {
        Object nativeRequest = request.getNativeRequest();
        if (nativeRequest instanceof HttpClientRequest reactorNettyRequest) {
            reactorNettyRequest.responseTimeout(this.settings.responseTimeout());
            this.connectorBoundsReads = true;
        }
    }

    private Mono<? extends Throwable> decodeError(ClientResponse response) {
        int status = response.statusCode().value();
        Flux<DataBuffer> head = DataBufferUtils.takeUntilByteCount(response.bodyToFlux(DataBuffer.class),
            MAX_ERROR_BODY_BYTES);
        return DataBufferUtils.join(head)
            .map(DataBuffers::toBytes)
            // a body that breaks off still leaves a status worth reporting
            .onErrorResume((failure) -> Mono.empty())
            .defaultIfEmpty(new byte[0])
            .map((bytes) -> ErrorDecoder.decode(status, bytes, this.settings.apiKey()));
    }

    private <T> Mono<T> decodeBody(ResponseEntity<Flux<DataBuffer>> entity, Class<T> type, GatewayCall call) {
        int status = entity.getStatusCode().value();
        Flux<DataBuffer> body = (entity.getBody() != null) ? entity.getBody() : Flux.empty();
        return DataBufferUtils.join(body, MAX_JSON_BODY_BYTES)
            .map(DataBuffers::toBytes)
            .defaultIfEmpty(new byte[0])
            .onErrorMap(DataBufferLimitException.class, (ex) -> new AiStatsDecodingException("The gateway's answer to "
                + call.operation() + " exceeds " + MAX_JSON_BODY_BYTES + " bytes", status, ex))
            .map((bytes) -> GatewayJson.decode(bytes, type, status, call.operation()));
    }

    private Flux<DataBuffer> bodyOf(ResponseEntity<Flux<DataBuffer>> entity, GatewayCall call) {
        Flux<DataBuffer> body = (entity.getBody() != null) ? entity.getBody() : Flux.empty();
        if (!this.connectorBoundsReads) {
            // other connectors get an idle timer per chunk; Reactor Netty's response timeout already bounds every
            // read, and a timer per chunk would cost a large download a third of its throughput
            Duration idle = this.settings.responseTimeout();
            body = body.timeout(idle, Flux.error(() -> new AiStatsTimeoutException("The gateway's answer to "
                    + call.operation() + " stalled for longer than the response timeout (" + idle + ")", null)));
        }
        return body.onErrorMap((failure) -> FailureTranslator.translate(failure, call.operation()));
    }

    private <T> Mono<T> retried(GatewayCall call, Mono<T> attempt) {
        if (!call.retryable() || this.settings.maxRetries() == 0) {
            return attempt;
        }
        return attempt.retryWhen(RetryPolicy.forSafeRequests(this.settings, call.operation()));
    }

    private Duration headerDeadline() {
        return this.settings.connectTimeout().plus(this.settings.responseTimeout());
    }

    private <T> Mono<T> timeoutError(GatewayCall call) {
        Duration deadline = headerDeadline();
        return Mono.error(() -> new AiStatsTimeoutException("No answer from the gateway to " + call.operation()
            + " within the connect and response timeouts (" + deadline + ")", null));
    }
}
