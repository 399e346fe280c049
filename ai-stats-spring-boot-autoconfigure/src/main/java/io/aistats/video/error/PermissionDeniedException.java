package io.aistats.video.error;

/**
 * The credentials may not do this (HTTP 403), for example {@code guardrail_blocked}, {@code insufficient_scope} or
 * {@code forbidden}.
 */
public class PermissionDeniedException extends AiStatsApiException {

    /**
     * @param error what the gateway said
     */
    public PermissionDeniedException(ApiError error) {
        super(error);
    }
}
