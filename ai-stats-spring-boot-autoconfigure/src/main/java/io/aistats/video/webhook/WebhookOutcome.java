package io.aistats.video.webhook;

import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;

/**
 * What a webhook endpoint answers for one delivery. The gateway counts any 2xx as delivered and retries anything
 * else (after 1, 5 and 15 minutes), so only deliveries that must be seen again are answered with an error.
 * <p>
 * Response bodies are tiny JSON objects, {@code {"status":...}} for a 2xx such as {@code {"status":"accepted"}} and
 * {@code {"error":...}} otherwise such as {@code {"error":"invalid_signature"}}; they never contain a secret or a
 * signature.
 */
public enum WebhookOutcome {

    /** Verified, new, and every listener returned normally. */
    ACCEPTED(200, "accepted"),

    /** Verified and new; handed to the task executor (asynchronous mode). */
    QUEUED(202, "queued"),

    /** Verified, but the event was handled before; nothing published again. */
    DUPLICATE(200, "duplicate"),

    /** The timestamp or signature header is missing, or the timestamp is not a number. */
    INVALID_HEADERS(400, "invalid_headers"),

    /** The signature does not match the body under any configured secret. */
    REJECTED_SIGNATURE(401, "invalid_signature"),

    /** The timestamp is outside the tolerance window. */
    REJECTED_STALE(401, "stale_timestamp"),

    /** Verified, but the body is not a webhook event (not JSON, no {@code id}, {@code type} or {@code data}). */
    MALFORMED(400, "malformed_payload"),

    /** The body exceeds the configured maximum size. */
    TOO_LARGE(413, "payload_too_large"),

    /**
     * The body did not arrive completely within the read timeout, or the connection broke while it was read;
     * nothing was processed.
     */
    INCOMPLETE_BODY(408, "incomplete_body"),

    /**
     * Deliveries being read already hold the receiver's whole in-flight byte budget; the sender should deliver again
     * later (the answer carries {@code Retry-After}).
     */
    OVERLOADED(503, "overloaded"),

    /** The same event is being handled right now; the gateway's retry will find it handled. */
    IN_FLIGHT(409, "in_flight"),

    /** A listener threw; the event is not recorded as handled, so the gateway's redelivery is published again. */
    LISTENER_FAILED(500, "listener_failed"),

    /**
     * The task executor refused the event (asynchronous mode), or the processed-event store or its transaction
     * failed; the gateway will redeliver it.
     */
    UNAVAILABLE(503, "unavailable");

    private final int httpStatus;

    private final String body;

    WebhookOutcome(int httpStatus, String code) {
        this.httpStatus = httpStatus;
        this.body = "{\"" + (isSuccessful() ? "status" : "error") + "\":\"" + code + "\"}";
    }

    /**
     * @return the HTTP status to answer
     */
    public int httpStatus() {
        return this.httpStatus;
    }

    /**
     * @return the seconds after which the sender should deliver again, for a {@code Retry-After} header, or
     * {@code null} when the answer carries none
     */
    public @Nullable Integer retryAfterSeconds() {
        // the gateway's own first retry comes after a minute
        return (this == OVERLOADED) ? 60 : null;
    }

    /**
     * @return whether the gateway will count the delivery as delivered (a 2xx status)
     */
    public boolean isSuccessful() {
        return this.httpStatus >= 200 && this.httpStatus < 300;
    }

    /**
     * @return the JSON response body, for example {@code {"error":"invalid_signature"}}
     */
    public String responseBody() {
        return this.body;
    }

    /**
     * @return the JSON response body as UTF-8 bytes
     */
    public byte[] responseBodyBytes() {
        return this.body.getBytes(StandardCharsets.UTF_8);
    }
}
