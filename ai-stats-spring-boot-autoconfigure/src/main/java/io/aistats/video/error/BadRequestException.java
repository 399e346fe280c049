package io.aistats.video.error;

/**
 * The gateway refused the request as malformed or unsupported (HTTP 400), for example {@code invalid_json},
 * {@code not_supported} or {@code unsupported_model_or_endpoint}. Retrying the same request will not help.
 */
public class BadRequestException extends AiStatsApiException {

    /**
     * @param error what the gateway said
     */
    public BadRequestException(ApiError error) {
        super(error);
    }
}
