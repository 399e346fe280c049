package io.aistats.video.error;

/**
 * The timestamp or signature header of a delivery is missing, or the timestamp is not a number: the request is
 * malformed (HTTP 400).
 */
public class MalformedWebhookHeadersException extends WebhookVerificationException {

    /**
     * @param reason {@link Reason#MISSING_HEADER} or {@link Reason#MALFORMED_TIMESTAMP}
     * @param message what was wrong; never contains a secret or a signature
     */
    public MalformedWebhookHeadersException(Reason reason, String message) {
        super(reason, message);
    }
}
