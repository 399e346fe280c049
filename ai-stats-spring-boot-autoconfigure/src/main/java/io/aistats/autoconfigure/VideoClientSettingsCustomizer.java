package io.aistats.autoconfigure;

import io.aistats.video.VideoClientSettings;

/**
 * Callback to customize the auto-configured {@link VideoClientSettings} after the {@code ai-stats.*} properties
 * were applied, for example to obtain the API key from a secret store.
 * <p>
 * Beans of this type are applied in {@link org.springframework.core.annotation.Order order}.
 */
@FunctionalInterface
public interface VideoClientSettingsCustomizer {

    /**
     * Customizes the settings of the video client.
     * @param settingsBuilder a builder initialised from the {@code ai-stats.*} properties
     */
    void customize(VideoClientSettings.Builder settingsBuilder);
}
