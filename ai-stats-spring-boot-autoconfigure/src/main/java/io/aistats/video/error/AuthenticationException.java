package io.aistats.video.error;

/**
 * The gateway rejected the credentials (HTTP 401 {@code unauthorised}): the key is missing, malformed, revoked,
 * expired, or a management key was used where an inference key is needed. {@link #reason()} says which.
 */
public class AuthenticationException extends AiStatsApiException {

    /**
     * @param error what the gateway said
     */
    public AuthenticationException(ApiError error) {
        super(error);
    }
}
