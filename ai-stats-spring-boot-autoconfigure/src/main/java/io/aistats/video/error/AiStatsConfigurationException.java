package io.aistats.video.error;

/**
 * The client is not configured to make the call, for example because no API key is set. Nothing was sent.
 */
public class AiStatsConfigurationException extends AiStatsException {

    /**
     * @param message what is missing and which property sets it
     */
    public AiStatsConfigurationException(String message) {
        super(message);
    }
}
