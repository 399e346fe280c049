package io.aistats.video.error;

/**
 * The video provider behind the gateway failed (HTTP 502 {@code upstream_error}); {@link #reason()} names the
 * failure, for example {@code video_generation_failed} or {@code video_content_too_large}.
 */
public class UpstreamException extends ServerException {

    /**
     * @param error what the gateway said
     */
    public UpstreamException(ApiError error) {
        super(error);
    }
}
