package io.aistats.video.webhook;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.context.request.async.WebAsyncUtils;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.io.IOException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletionException;

/**
 * The webhook endpoint for Spring MVC. It refuses what the headers alone condemn (missing or malformed signature
 * headers, a stale timestamp, a declared size above the maximum) without reading the body; reads the rest with
 * servlet non-blocking I/O, so that slow senders hold no container thread, within its read limits (a byte budget
 * shared by the deliveries being read, a read deadline); and hands the raw body with the headers to the
 * {@link WebhookProcessor}. Register it with {@link #routes(String)}.
 * <p>
 * A delivery whose body is read is answered asynchronously: {@link #handle} then returns {@code null} after starting
 * Spring MVC's asynchronous processing, and the answer is written when the body was processed.
 */
public class WebMvcWebhookHandler implements HandlerFunction<ServerResponse> {

    /** No timeout for the asynchronous request: the read deadline ends reading, the listeners take what they take. */
    private static final long NO_ASYNC_TIMEOUT = 0L;

    private final WebhookIntake intake;

    /**
     * @param processor handles verified deliveries
     * @param maxInFlight the bytes all deliveries being read may hold together; positive
     * @param readTimeout the time a body may take to arrive completely; positive
     */
    public WebMvcWebhookHandler(WebhookProcessor processor, DataSize maxInFlight, Duration readTimeout) {
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
    public @Nullable ServerResponse handle(ServerRequest request) throws IOException {
        HttpHeaders headers = request.headers().asHttpHeaders();
        OptionalLong contentLength = request.headers().contentLength();
        BodyReservation reservation = new BodyReservation(this.intake.limits());
        WebhookOutcome refused = this.intake.refuse(headers, contentLength, reservation);
        if (refused != null) {
            return respond(refused, true);
        }
        HttpServletRequest servletRequest = request.servletRequest();
        DeferredResult<ServerResponse> answer = new DeferredResult<>(NO_ASYNC_TIMEOUT);
        try {
            WebAsyncUtils.getAsyncManager(servletRequest).startDeferredResultProcessing(answer);
        }
        catch (Exception ex) {
            reservation.release();
            throw new IllegalStateException("Could not start asynchronous processing of a webhook delivery", ex);
        }
        new ServletBodyReader(servletRequest.getInputStream(), this.intake.limits(), reservation,
                this.intake.maxBytes(), contentLength.orElse(-1)).start()
            .thenApply((body) -> respond(this.intake.processor().process(headers, body), false))
            .exceptionally(this::refusal)
            .whenComplete((response, failure) -> {
                reservation.release();
                if (failure != null) {
                    answer.setErrorResult(failure);
                }
                else {
                    answer.setResult(response);
                }
            });
        return null;
    }

    private ServerResponse refusal(Throwable failure) {
        Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
        if (cause instanceof UnreadBodyException unread) {
            return respond(unread.answer(this.intake.processor()), true);
        }
        throw (cause instanceof RuntimeException runtime) ? runtime : new CompletionException(cause);
    }

    /**
     * @param closeConnection whether the body was left (partly) unread: the connection then ends with the answer,
     * rather than the container reading what remains of it
     */
    private static ServerResponse respond(WebhookOutcome outcome, boolean closeConnection) {
        ServerResponse.BodyBuilder response = ServerResponse.status(outcome.httpStatus())
            .headers((headers) -> headers.addAll(WebhookIntake.answerHeaders(outcome, closeConnection)));
        if (!closeConnection) {
            return response.body(outcome.responseBodyBytes());
        }
        byte[] body = outcome.responseBodyBytes();
        return response.build((servletRequest, servletResponse) -> {
            servletResponse.setContentLength(body.length);
            servletResponse.getOutputStream().write(body);
            // sent now: the container drains what remains of an unread body before it would send the answer itself
            servletResponse.flushBuffer();
            return null;
        });
    }
}
