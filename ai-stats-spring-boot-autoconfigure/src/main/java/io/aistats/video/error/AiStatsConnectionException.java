package io.aistats.video.error;

import org.jspecify.annotations.Nullable;

/**
 * The gateway could not be reached or the connection broke before a complete answer arrived (refused, reset,
 * closed mid-body). Safe requests were already retried; a create request never is, so check with a list call
 * before creating the job again.
 */
public class AiStatsConnectionException extends AiStatsException {

    /**
     * @param message what failed; never contains a secret
     * @param cause the I/O failure
     */
    public AiStatsConnectionException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
