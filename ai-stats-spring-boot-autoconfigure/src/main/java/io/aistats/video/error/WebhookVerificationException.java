package io.aistats.video.error;


/**
 * A webhook delivery failed verification and must not be trusted. The message names what was wrong; it never contains
 * a secret, the received signature or the expected signature.
 */
public class WebhookVerificationException extends AiStatsException {

    private final Reason reason;

    /**
     * @param reason why verification failed
     * @param message what was wrong; never contains a secret or a signature
     */
    public WebhookVerificationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * @return why verification failed
     */
    public Reason reason() {
        return this.reason;
    }

    /**
     * Why a delivery failed verification.
     */
    public enum Reason {

        /** The timestamp or signature header is absent or blank. */
        MISSING_HEADER,

        /** The timestamp header is not a decimal number of seconds. */
        MALFORMED_TIMESTAMP,

        /** The timestamp is further from the receiver's clock than the tolerance allows. */
        STALE_TIMESTAMP,

        /** The signature does not match the body under any configured secret. */
        SIGNATURE_MISMATCH
    }
}
