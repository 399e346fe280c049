package io.aistats.video.error;

/**
 * The gateway does not cancel video jobs (HTTP 501, reason {@code video_cancellation_disabled}). Let the job run to
 * its end; delete it once it is completed or failed.
 */
public class VideoCancellationUnsupportedException extends NotImplementedException {

    /**
     * @param error what the gateway said
     */
    public VideoCancellationUnsupportedException(ApiError error) {
        super(error);
    }
}
