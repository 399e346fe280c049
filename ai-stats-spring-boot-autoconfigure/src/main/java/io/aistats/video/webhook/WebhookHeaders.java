package io.aistats.video.webhook;

/**
 * Names of the headers of a webhook delivery that take part in its verification; header names are case-insensitive
 * on the wire. The gateway sends five more ({@code x-phaseo-event-id}, {@code -event-type}, {@code -delivery-key},
 * {@code -attempt}, {@code -max-attempts}); they repeat members of the signed body, which is the source of truth for
 * the event, so they are not read.
 */
final class WebhookHeaders {

    /** Unix seconds at signing time, part of the signed message. */
    static final String TIMESTAMP = "x-phaseo-timestamp";

    /** Lower-case hex HMAC-SHA256 of {@code timestamp + "." + body}. */
    static final String SIGNATURE = "x-phaseo-signature";

    private WebhookHeaders() {
    }
}
