package io.aistats.video.error;

/**
 * The job has no content to give yet or any more (HTTP 409 {@code not_ready}): {@link #reason()} is
 * {@code video_not_ready} while it is queued or in progress, or {@code video_generation_failed},
 * {@code video_cancelled}, {@code video_expired}. Wait for a terminal status before asking again.
 */
public class VideoNotReadyException extends ConflictException {

    /**
     * @param error what the gateway said
     */
    public VideoNotReadyException(ApiError error) {
        super(error);
    }
}
