package io.aistats.video.error;

/**
 * The workspace balance could not cover the job (HTTP 402 {@code insufficient_funds}). Top up before retrying.
 */
public class InsufficientFundsException extends AiStatsApiException {

    /**
     * @param error what the gateway said
     */
    public InsufficientFundsException(ApiError error) {
        super(error);
    }
}
