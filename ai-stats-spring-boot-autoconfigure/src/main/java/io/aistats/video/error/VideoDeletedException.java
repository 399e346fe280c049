package io.aistats.video.error;

/**
 * The video was deleted (HTTP 404, reason {@code video_deleted}). It is still listed, but its job and content are
 * gone for good.
 */
public class VideoDeletedException extends NotFoundException {

    /**
     * @param error what the gateway said
     */
    public VideoDeletedException(ApiError error) {
        super(error);
    }
}
