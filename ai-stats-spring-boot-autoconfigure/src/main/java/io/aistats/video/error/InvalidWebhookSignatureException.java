package io.aistats.video.error;

/**
 * The delivery's signature does not match its timestamp and body under any configured secret (HTTP 401): the body
 * was altered, or it was signed with another secret.
 */
public class InvalidWebhookSignatureException extends WebhookVerificationException {

    /**
     * @param message what was wrong; never contains a secret or a signature
     */
    public InvalidWebhookSignatureException(String message) {
        super(Reason.SIGNATURE_MISMATCH, message);
    }
}
