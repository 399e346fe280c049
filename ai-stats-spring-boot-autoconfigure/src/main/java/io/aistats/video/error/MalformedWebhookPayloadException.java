package io.aistats.video.error;

import org.jspecify.annotations.Nullable;

/**
 * A verified delivery's body is not the event the gateway sends: not JSON, or without its {@code id}, {@code type} or
 * {@code data} (HTTP 400). The message names the offending member; it never repeats the body.
 */
public class MalformedWebhookPayloadException extends AiStatsException {

    /**
     * @param message what is wrong, naming the member
     * @param cause the parser's failure, if any
     */
    public MalformedWebhookPayloadException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
