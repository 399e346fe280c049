package io.aistats.video.error;

/**
 * The request body exceeded the gateway's size limit (HTTP 413 {@code payload_too_large}): 16 MiB for JSON.
 */
public class PayloadTooLargeException extends AiStatsApiException {

    /**
     * @param error what the gateway said
     */
    public PayloadTooLargeException(ApiError error) {
        super(error);
    }
}
