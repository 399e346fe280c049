package io.aistats.video.webhook;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What the two web adapters share around a delivery's body: the {@link WebhookProcessor}, the
 * {@link WebhookReadLimits} of the endpoint, the refusals the headers alone decide before any of the body is read,
 * and the headers of every answer. Thread-safe.
 */
final class WebhookIntake {

    private final WebhookProcessor processor;

    private final WebhookReadLimits limits;

    /**
     * @param processor handles verified deliveries
     * @param maxInFlight the bytes all deliveries being read may hold together; positive
     * @param readTimeout the time a body may take to arrive completely; positive
     */
    WebhookIntake(WebhookProcessor processor, DataSize maxInFlight, Duration readTimeout) {
        this.processor = Objects.requireNonNull(processor, "processor");
        this.limits = new WebhookReadLimits(maxInFlight, readTimeout);
    }

    WebhookProcessor processor() {
        return this.processor;
    }

    WebhookReadLimits limits() {
        return this.limits;
    }

    /**
     * @return the largest body accepted, in bytes
     */
    long maxBytes() {
        return this.processor.maxPayloadSize().toBytes();
    }

    /**
     * Decides what the headers alone can: refuses a delivery with missing or malformed signature headers, a stale
     * timestamp, or a declared size above the maximum or beyond what the in-flight budget holds; otherwise reserves
     * the declared size.
     * @param headers the request headers
     * @param contentLength the declared body size, if any
     * @param reservation the delivery's bytes in the budget, which receives the declared size
     * @return the refusal to answer, the body left unread; {@code null} when the body is to be read
     */
    @Nullable WebhookOutcome refuse(HttpHeaders headers, OptionalLong contentLength, BodyReservation reservation) {
        WebhookOutcome refused = this.processor.precheck(headers);
        if (refused != null) {
            return refused;
        }
        long declared = contentLength.orElse(-1);
        if (declared > maxBytes()) {
            return this.processor.tooLarge("Content-Length " + declared);
        }
        if (declared > 0 && !reservation.tryAdd(declared)) {
            return this.processor.overloaded("Content-Length " + declared);
        }
        return null;
    }

    /**
     * @param outcome the answer
     * @param closeConnection whether the connection ends with the answer, because the body was left (partly) unread
     * @return the headers of the answer: JSON, {@code Retry-After} when the outcome asks for one, and
     * {@code Connection: close} when the connection ends
     */
    static HttpHeaders answerHeaders(WebhookOutcome outcome, boolean closeConnection) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        Integer retryAfter = outcome.retryAfterSeconds();
        if (retryAfter != null) {
            headers.set(HttpHeaders.RETRY_AFTER, retryAfter.toString());
        }
        if (closeConnection) {
            headers.set(HttpHeaders.CONNECTION, "close");
        }
        return headers;
    }
}
