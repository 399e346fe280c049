package io.aistats.video.error;

/**
 * The delivery's signing time is outside the tolerance window around the receiver's clock: it may be a replay
 * (HTTP 401). The gateway re-signs every retry with a fresh timestamp, so a genuine retry is never stale.
 */
public class StaleWebhookTimestampException extends WebhookVerificationException {

    /**
     * @param message what was wrong; never contains a secret or a signature
     */
    public StaleWebhookTimestampException(String message) {
        super(Reason.STALE_TIMESTAMP, message);
    }
}
