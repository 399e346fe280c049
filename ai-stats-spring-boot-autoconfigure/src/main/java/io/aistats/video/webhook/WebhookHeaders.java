package io.aistats.video.webhook;

/**
 * Names of the headers the gateway sends with every webhook delivery. Header names are case-insensitive on the wire.
 * <p>
 * Only {@link #TIMESTAMP} and {@link #SIGNATURE} take part in verification; the other headers repeat members of the
 * signed body, which is the source of truth for the event.
 */
final class WebhookHeaders {

    /** Event id, stable across retries; equals the body's {@code id}. */
    static final String EVENT_ID = "x-phaseo-event-id";

    /** Event type such as {@code video.completed}; equals the body's {@code type}. */
    static final String EVENT_TYPE = "x-phaseo-event-type";

    /** Delivery key, stable across retries; equals the body's {@code delivery.key}. */
    static final String DELIVERY_KEY = "x-phaseo-delivery-key";

    /** Attempt number, 1-based; equals the body's {@code delivery.attempt}. */
    static final String ATTEMPT = "x-phaseo-attempt";

    /** Maximum number of attempts ({@code 4}). */
    static final String MAX_ATTEMPTS = "x-phaseo-max-attempts";

    /** Unix seconds at signing time, part of the signed message. */
    static final String TIMESTAMP = "x-phaseo-timestamp";

    /** Lower-case hex HMAC-SHA256 of {@code timestamp + "." + body}. */
    static final String SIGNATURE = "x-phaseo-signature";

    /** {@code User-Agent} value of the gateway's deliveries. */
    static final String USER_AGENT_VALUE = "Phaseo-Async-Webhook/1.0";

    private WebhookHeaders() {
    }
}
