package io.aistats.video.error;

/**
 * The job is in a state that does not allow the operation (HTTP 409).
 */
public class ConflictException extends AiStatsApiException {

    /**
     * @param error what the gateway said
     */
    public ConflictException(ApiError error) {
        super(error);
    }
}
