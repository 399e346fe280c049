package io.aistats.video.error;

/**
 * A request was refused by the client before anything was sent, because the gateway would reject it.
 */
public class VideoRequestValidationException extends AiStatsException {

    private final String field;

    /**
     * @param field the offending field as the gateway names it, for example {@code size} or
     * {@code provider_params.duration}
     * @param message what is wrong with it
     */
    public VideoRequestValidationException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /**
     * @return the offending field as the gateway names it
     */
    public String field() {
        return this.field;
    }
}
