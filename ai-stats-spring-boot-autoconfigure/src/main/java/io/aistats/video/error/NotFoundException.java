package io.aistats.video.error;

/**
 * The resource does not exist or belongs to another workspace (HTTP 404), or the path is unknown.
 */
public class NotFoundException extends AiStatsApiException {

    /**
     * @param error what the gateway said
     */
    public NotFoundException(ApiError error) {
        super(error);
    }
}
