package io.aistats.video.webhook;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The webhook endpoint for Spring MVC: reads the raw body (never more than the maximum size) and hands it with the
 * headers to the {@link WebhookProcessor}. Register it with {@link #routes(String)}.
 */
public class WebMvcWebhookHandler implements HandlerFunction<ServerResponse> {

    /** Leaves headroom below the largest array the JVM allocates. */
    private static final int MAX_ARRAY_SIZE = Integer.MAX_VALUE - 8;

    private final WebhookProcessor processor;

    /**
     * @param processor handles verified deliveries
     */
    public WebMvcWebhookHandler(WebhookProcessor processor) {
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
    public ServerResponse handle(ServerRequest request) throws IOException {
        long maxBytes = this.processor.maxPayloadSize().toBytes();
        OptionalLong contentLength = request.headers().contentLength();
        if (contentLength.isPresent() && contentLength.getAsLong() > maxBytes) {
            return respond(this.processor.tooLarge("Content-Length " + contentLength.getAsLong()));
        }
        byte[] body = readAtMost(request.servletRequest().getInputStream(), maxBytes);
        if (body == null) {
            return respond(this.processor.tooLarge("more than " + maxBytes + " bytes sent"));
        }
        return respond(this.processor.process(request.headers().asHttpHeaders(), body));
    }

    /** Reads the body, or returns {@code null} as soon as it proves longer than the limit. */
    private static byte @Nullable [] readAtMost(InputStream input, long maxBytes) throws IOException {
        byte[] body = input.readNBytes((int) Math.min(maxBytes + 1, MAX_ARRAY_SIZE));
        return (body.length > maxBytes) ? null : body;
    }

    private static ServerResponse respond(WebhookOutcome outcome) {
        return ServerResponse.status(outcome.httpStatus())
            .contentType(MediaType.APPLICATION_JSON)
            .body(outcome.responseBodyBytes());
    }
}
