package io.aistats.video.error;

/**
 * A per-key spending or request limit was hit (HTTP 429, {@code key_limit_exceeded} on create). The gateway
 * sends no {@code Retry-After}: back off on the client side.
 */
public class RateLimitException extends AiStatsApiException {

    /**
     * @param error what the gateway said
     */
    public RateLimitException(ApiError error) {
        super(error);
    }
}
