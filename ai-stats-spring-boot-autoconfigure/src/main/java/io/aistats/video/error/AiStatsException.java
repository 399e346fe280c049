package io.aistats.video.error;

import org.jspecify.annotations.Nullable;

/**
 * Root of every exception the AI Stats client throws. Unchecked: catch the subtype you can act on.
 */
public class AiStatsException extends RuntimeException {

    /**
     * @param message what went wrong; never contains a secret
     */
    public AiStatsException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong; never contains a secret
     * @param cause the underlying failure
     */
    public AiStatsException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
