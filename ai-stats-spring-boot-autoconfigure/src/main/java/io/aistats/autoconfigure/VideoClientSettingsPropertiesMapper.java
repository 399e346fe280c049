package io.aistats.autoconfigure;

import io.aistats.video.VideoClientSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Maps {@link AiStatsProperties} onto a {@link VideoClientSettings.Builder}, reporting an out-of-range value as an
 * {@link InvalidConfigurationPropertyValueException} that names the offending property.
 * <p>
 * The range rules live in {@link VideoClientSettings} alone: after each property is applied, the builder is built
 * once, so that a rejection can be blamed on the property just applied (the defaults before it are valid).
 */
final class VideoClientSettingsPropertiesMapper {

    private VideoClientSettingsPropertiesMapper() {
    }

    /**
     * Creates a builder holding the properties.
     * @param properties the bound {@code ai-stats.*} properties
     * @param apiKey the resolved API key, or {@code null} for none
     * @return a builder whose {@code build()} succeeds
     * @throws InvalidConfigurationPropertyValueException when a property is malformed or out of range
     */
    static VideoClientSettings.Builder map(AiStatsProperties properties, @Nullable String apiKey) {
        VideoClientSettings.Builder builder = VideoClientSettings.builder().apiKey(apiKey);
        PropertyMapper map = PropertyMapper.get();
        map.from(properties::getBaseUrl)
            .to(checked(builder, "ai-stats.base-url", VideoClientSettings.Builder::baseUrl));
        map.from(properties::getConnectTimeout)
            .to(checked(builder, "ai-stats.connect-timeout", VideoClientSettings.Builder::connectTimeout));
        map.from(properties::getResponseTimeout)
            .to(checked(builder, "ai-stats.response-timeout", VideoClientSettings.Builder::responseTimeout));
        map.from(properties::getCallTimeout)
            .to(checked(builder, "ai-stats.call-timeout", VideoClientSettings.Builder::callTimeout));
        AiStatsProperties.Retry retry = properties.getRetry();
        map.from(retry::getMaxRetries)
            .to(checked(builder, "ai-stats.retry.max-retries", VideoClientSettings.Builder::maxRetries));
        // the longest delay goes first: checked against the default first delay, a larger configured first delay
        // is then checked against it rather than against the default longest delay
        map.from(retry::getMaxBackoff)
            .to(checked(builder, "ai-stats.retry.max-backoff", VideoClientSettings.Builder::maxBackoff));
        map.from(retry::getInitialBackoff)
            .to(checked(builder, "ai-stats.retry.initial-backoff", VideoClientSettings.Builder::initialBackoff));
        map.from(properties::getDefaultModel).whenHasText().to(builder::defaultModel);
        map.from(properties::getDefaultOutputAccess).to(builder::defaultOutputAccess);
        map.from(properties::getDefaultWebhookEndpointId).whenHasText().to(builder::defaultWebhookEndpointId);
        return builder;
    }

    private static <T> Consumer<T> checked(VideoClientSettings.Builder builder, String property,
            BiConsumer<VideoClientSettings.Builder, T> setter) {
        return (value) -> {
            try {
                setter.accept(builder, value);
                builder.build();
            }
            catch (IllegalArgumentException ex) {
                // the reason carries the whole story; without a cause the property is what startup failure shows
                throw new InvalidConfigurationPropertyValueException(property, value, ex.getMessage());
            }
        };
    }
}
