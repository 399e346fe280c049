package io.aistats.video.error;

import org.jspecify.annotations.Nullable;

/**
 * The gateway answered with success, but the body could not be understood: not JSON, truncated, or lacking a
 * member the client needs (such as the {@code id} of a created job).
 */
public class AiStatsDecodingException extends AiStatsException {

    private final int statusCode;

    /**
     * @param message what could not be decoded
     * @param statusCode the HTTP status of the response
     * @param cause the parser's failure, if any
     */
    public AiStatsDecodingException(String message, int statusCode, @Nullable Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
    }

    /** @return the HTTP status of the response that could not be decoded */
    public int statusCode() {
        return this.statusCode;
    }
}
