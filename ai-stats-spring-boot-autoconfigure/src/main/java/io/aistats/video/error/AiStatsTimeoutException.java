package io.aistats.video.error;

import org.jspecify.annotations.Nullable;

/**
 * The gateway did not answer in time: connecting, waiting for the response, between body chunks, or within the
 * deadline of a blocking call.
 */
public class AiStatsTimeoutException extends AiStatsConnectionException {

    /**
     * @param message what timed out and after how long
     * @param cause the underlying timeout, if any
     */
    public AiStatsTimeoutException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
