package io.aistats.test;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.timeout.ReadTimeoutException;
import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Sends one webhook request the way the gateway does (§6.4): {@code POST} of the exact body bytes with the given
 * headers, redirects not followed, one deadline for the whole exchange. Every failure becomes a {@link Result}; the
 * returned {@code Mono} never fails. Each attempt uses a new connection.
 */
final class WebhookSender implements AutoCloseable {

    /** Characters of the receiver's answer kept in the attempt history. */
    static final int PREVIEW_CHARS = 500;

    /** Bytes of the receiver's answer read at most (enough for the preview in any UTF-8 text). */
    private static final int READ_LIMIT = PREVIEW_CHARS * 4;

    private final Duration timeout;

    private final LoopResources loops;

    private final HttpClient client;

    /**
     * @param timeout the deadline of one attempt
     */
    WebhookSender(Duration timeout) {
        this.timeout = timeout;
        this.loops = LoopResources.create("ai-stats-simulator-webhooks", 1, true);
        this.client = HttpClient.create(ConnectionProvider.newConnection())
                .runOn(this.loops)
                .followRedirect(false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .responseTimeout(timeout);
    }

    /**
     * @param url the endpoint URL
     * @param headers the request headers
     * @param body the exact body bytes
     * @return the outcome; never fails
     */
    Mono<Result> send(String url, Map<String, String> headers, byte[] body) {
        return this.client
                .headers(outgoing -> {
                    headers.forEach(outgoing::set);
                    outgoing.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
                })
                .post()
                .uri(url)
                .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
                .response((response, content) -> content.asByteArray()
                        .reduce(new ByteArrayOutputStream(), (kept, chunk) -> {
                            int room = Math.max(0, Math.min(chunk.length, READ_LIMIT - kept.size()));
                            kept.write(chunk, 0, room);
                            return kept;
                        })
                        .map(kept -> answered(response.status().code(), kept.toByteArray())))
                .next()
                .timeout(this.timeout)
                .onErrorResume(failure -> Mono.just(failed(failure)))
                .defaultIfEmpty(new Result(null, null, "Webhook request failed: no response"));
    }

    private static Result answered(int status, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        String preview = text.length() > PREVIEW_CHARS ? text.substring(0, PREVIEW_CHARS) : text;
        return new Result(status, preview, null);
    }

    private Result failed(Throwable failure) {
        Throwable cause = Exceptions.unwrap(failure);
        if (cause instanceof TimeoutException || cause instanceof ReadTimeoutException
                || cause.getCause() instanceof ReadTimeoutException) {
            return new Result(null, null, "Webhook request timed out after " + this.timeout.toMillis() + "ms");
        }
        String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        return new Result(null, null, "Webhook request failed: " + message);
    }

    @Override
    public void close() {
        this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
    }

    /**
     * What the receiver answered.
     * @param status the HTTP status, {@code null} when there was no answer
     * @param bodyPreview the first 500 characters of the answer, {@code null} when there was none
     * @param failure why there was no answer, else {@code null}
     */
    record Result(@Nullable Integer status, @Nullable String bodyPreview, @Nullable String failure) {
    }
}
