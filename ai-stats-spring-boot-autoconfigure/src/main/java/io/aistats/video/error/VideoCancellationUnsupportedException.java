package io.aistats.video.error;

/**
 * The job cannot be cancelled (HTTP 501): the gateway has cancellation switched off (reason
 * {@code video_cancellation_disabled}, what the live gateway answers) or the job's provider cannot cancel (reason
 * {@code video_cancel_provider_not_supported}). Let the job run to its end; delete it once it is completed or failed.
 */
public class VideoCancellationUnsupportedException extends NotImplementedException {

    /**
     * @param error what the gateway said
     */
    public VideoCancellationUnsupportedException(ApiError error) {
        super(error);
    }
}
