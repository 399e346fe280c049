package io.aistats.video.error;

/**
 * The gateway does not offer this operation (HTTP 501 {@code not_implemented_yet}).
 */
public class NotImplementedException extends AiStatsApiException {

    /**
     * @param error what the gateway said
     */
    public NotImplementedException(ApiError error) {
        super(error);
    }
}
