package io.aistats.video.error;

/**
 * The gateway's validation rejected the request (HTTP 400 {@code validation_error}). {@link #details()} lists the
 * issues (create requests); {@link #reason()} and {@link #jobStatus()} describe state checks such as
 * {@code video_download_requires_completed_status}.
 */
public class GatewayValidationException extends BadRequestException {

    /**
     * @param error what the gateway said
     */
    public GatewayValidationException(ApiError error) {
        super(error);
    }
}
