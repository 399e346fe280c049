package io.aistats.video.error;

/**
 * The gateway or a provider failed (HTTP 5xx other than 501). Safe requests were already retried.
 */
public class ServerException extends AiStatsApiException {

    /**
     * @param error what the gateway said
     */
    public ServerException(ApiError error) {
        super(error);
    }
}
