package io.aistats.video.webhook;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * The webhook endpoint for Spring WebFlux: joins the raw body (failing as soon as it exceeds the maximum size) and
 * hands it with the headers to the {@link WebhookProcessor} on the bounded-elastic scheduler, because listeners may
 * block. Register it with {@link #routes(String)}.
 */
public class WebFluxWebhookHandler implements HandlerFunction<ServerResponse> {

    private final WebhookProcessor processor;

    /**
     * @param processor handles verified deliveries
     */
    public WebFluxWebhookHandler(WebhookProcessor processor) {
        this.processor = Objects.requireNonNull(processor, "processor");
    }

    /**
     * @param path the endpoint path, for example {@code /ai-stats/webhooks}
     * @return a router function that sends {@code POST} requests to the path to this handler
     */
    public RouterFunction<ServerResponse> routes(String path) {
        return RouterFunctions.route().POST(path, this).build();
    }

    @Override
    public Mono<ServerResponse> handle(ServerRequest request) {
        long maxBytes = this.processor.maxPayloadSize().toBytes();
        OptionalLong contentLength = request.headers().contentLength();
        if (contentLength.isPresent() && contentLength.getAsLong() > maxBytes) {
            return respond(this.processor.tooLarge("Content-Length " + contentLength.getAsLong()));
        }
        int limit = (int) Math.min(maxBytes, Integer.MAX_VALUE - 8);
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), limit)
            .map(WebFluxWebhookHandler::toBytes)
            .defaultIfEmpty(new byte[0])
            .flatMap((body) -> Mono.fromCallable(() -> this.processor.process(request.headers().asHttpHeaders(), body))
                .subscribeOn(Schedulers.boundedElastic()))
            .onErrorResume(DataBufferLimitException.class,
                    (ex) -> Mono.just(this.processor.tooLarge("more than " + maxBytes + " bytes sent")))
            .flatMap(WebFluxWebhookHandler::respond);
    }

    private static byte[] toBytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        }
        finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static Mono<ServerResponse> respond(WebhookOutcome outcome) {
        return ServerResponse.status(outcome.httpStatus())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(outcome.responseBodyBytes());
    }
}
