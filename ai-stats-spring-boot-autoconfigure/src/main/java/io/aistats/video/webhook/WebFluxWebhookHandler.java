package io.aistats.video.webhook;

import io.aistats.video.internal.util.DataBuffers;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeoutException;

/**
 * The webhook endpoint for Spring WebFlux. It refuses what the headers alone condemn (missing or malformed signature
 * headers, a stale timestamp, a declared size above the maximum) without reading the body; joins the rest within
 * its read limits (bytes reserved in a budget shared by the deliveries being read, from the declared
 * {@code Content-Length} or chunk by chunk, and a deadline for the whole body) and the maximum size; and hands it
 * with the headers to the {@link WebhookProcessor} on the bounded-elastic scheduler, because listeners may block.
 * Register it with {@link #routes(String)}.
 */
public class WebFluxWebhookHandler implements HandlerFunction<ServerResponse> {

    private final WebhookIntake intake;

    /**
     * @param processor handles verified deliveries
     * @param maxInFlight the bytes all deliveries being read may hold together; positive
     * @param readTimeout the time a body may take to arrive completely; positive
     */
    public WebFluxWebhookHandler(WebhookProcessor processor, DataSize maxInFlight, Duration readTimeout) {
        this.intake = new WebhookIntake(processor, maxInFlight, readTimeout);
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
        HttpHeaders headers = request.headers().asHttpHeaders();
        OptionalLong contentLength = request.headers().contentLength();
        WebhookProcessor processor = this.intake.processor();
        long maxBytes = this.intake.maxBytes();
        BodyReservation reservation = new BodyReservation(this.intake.limits());
        WebhookOutcome refused = this.intake.refuse(headers, contentLength, reservation);
        if (refused != null) {
            // refused before any byte of the body is awaited: a sender that never sends it must not hold the
            // connection, unless the body is small enough to discard
            return respond(refused, refused != WebhookOutcome.TOO_LARGE || !drainable(contentLength, maxBytes));
        }
        long declared = contentLength.orElse(-1);
        Flux<DataBuffer> body = request.body(BodyExtractors.toDataBuffers());
        if (declared < 0) {
            body = body.handle((buffer, sink) -> {
                int size = buffer.readableByteCount();
                if (reservation.tryAdd(size)) {
                    sink.next(buffer);
                }
                else {
                    DataBufferUtils.release(buffer);
                    sink.error(UnreadBodyException.overBudget(reservation.bytes() + size
                            + " bytes of a body without Content-Length"));
                }
            });
        }
        int limit = (int) Math.min(maxBytes, Integer.MAX_VALUE - 8);
        Duration readTimeout = this.intake.limits().readTimeout();
        return DataBufferUtils.join(body, limit)
            .timeout(readTimeout)
            .map(DataBuffers::toBytes)
            .defaultIfEmpty(new byte[0])
            .flatMap((bytes) -> Mono.fromCallable(() -> processor.process(headers, bytes))
                .subscribeOn(Schedulers.boundedElastic()))
            .flatMap((outcome) -> respond(outcome, false))
            .onErrorResume(DataBufferLimitException.class,
                    (ex) -> respond(processor.tooLarge("more than " + maxBytes + " bytes sent"), true))
            .onErrorResume(TimeoutException.class, (ex) -> respond(processor.incompleteBody(
                    "not complete within " + readTimeout.toMillis() + " ms"), true))
            .onErrorResume(UnreadBodyException.class, (ex) -> respond(ex.answer(processor), true))
            .doFinally((signal) -> reservation.release());
    }

    /**
     * Whether a body refused for its declared size is small enough for the server to discard after the answer,
     * keeping the connection. Closing a connection whose request bytes are still arriving can reset it before the
     * client has read the answer; a body of unknown or large size is not worth reading to avoid that.
     */
    private static boolean drainable(OptionalLong contentLength, long maxBytes) {
        return contentLength.isPresent() && contentLength.getAsLong() <= 2 * maxBytes;
    }

    /**
     * @param closeConnection whether the body was left (partly) unread: the connection then ends with the answer
     */
    private static Mono<ServerResponse> respond(WebhookOutcome outcome, boolean closeConnection) {
        return ServerResponse.status(outcome.httpStatus())
            .headers((headers) -> headers.addAll(WebhookIntake.answerHeaders(outcome, closeConnection)))
            .bodyValue(outcome.responseBodyBytes());
    }
}
