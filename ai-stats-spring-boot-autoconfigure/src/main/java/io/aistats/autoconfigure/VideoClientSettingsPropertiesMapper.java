package io.aistats.autoconfigure;

import io.aistats.video.VideoClientSettings;
import io.aistats.video.model.OutputAccess;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Maps {@link AiStatsProperties} onto a {@link VideoClientSettings.Builder}, reporting an out-of-range value as an
 * {@link InvalidConfigurationPropertyValueException} that names the offending property.
 * <p>
 * The range rules live in {@link VideoClientSettings} alone: after each property is applied, the builder is built
 * once, so that a rejection can be blamed on the property just applied (the defaults before it are valid).
 * <p>
 * Written without lambdas or a {@code PropertyMapper}: this runs in every application's startup, where each lambda
 * costs a generated class.
 */
final class VideoClientSettingsPropertiesMapper {

    private static final String BASE_URL = "ai-stats.base-url";

    private static final String CONNECT_TIMEOUT = "ai-stats.connect-timeout";

    private static final String RESPONSE_TIMEOUT = "ai-stats.response-timeout";

    private static final String CALL_TIMEOUT = "ai-stats.call-timeout";

    private static final String MAX_DOWNLOAD_SIZE = "ai-stats.max-download-size";

    private static final String MAX_RETRIES = "ai-stats.retry.max-retries";

    private static final String MAX_BACKOFF = "ai-stats.retry.max-backoff";

    private static final String INITIAL_BACKOFF = "ai-stats.retry.initial-backoff";

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
        applyChecked(builder, BASE_URL, properties.getBaseUrl());
        applyChecked(builder, CONNECT_TIMEOUT, properties.getConnectTimeout());
        applyChecked(builder, RESPONSE_TIMEOUT, properties.getResponseTimeout());
        applyChecked(builder, CALL_TIMEOUT, properties.getCallTimeout());
        applyChecked(builder, MAX_DOWNLOAD_SIZE, properties.getMaxDownloadSize());
        AiStatsProperties.Retry retry = properties.getRetry();
        applyChecked(builder, MAX_RETRIES, retry.getMaxRetries());
        // the longest delay goes first: checked against the default first delay, a larger configured first delay
        // is then checked against it rather than against the default longest delay
        applyChecked(builder, MAX_BACKOFF, retry.getMaxBackoff());
        applyChecked(builder, INITIAL_BACKOFF, retry.getInitialBackoff());
        if (StringUtils.hasText(properties.getDefaultModel())) {
            builder.defaultModel(properties.getDefaultModel());
        }
        OutputAccess outputAccess = properties.getDefaultOutputAccess();
        if (outputAccess != null) {
            builder.defaultOutputAccess(outputAccess);
        }
        if (StringUtils.hasText(properties.getDefaultWebhookEndpointId())) {
            builder.defaultWebhookEndpointId(properties.getDefaultWebhookEndpointId());
        }
        return builder;
    }

    /** Applies a value that is set (a missing one keeps the default) and checks the builder at once. */
    private static void applyChecked(VideoClientSettings.Builder builder, String property, @Nullable Object value) {
        if (value == null) {
            return;
        }
        try {
            switch (property) {
                case BASE_URL -> builder.baseUrl((String) value);
                case CONNECT_TIMEOUT -> builder.connectTimeout((Duration) value);
                case RESPONSE_TIMEOUT -> builder.responseTimeout((Duration) value);
                case CALL_TIMEOUT -> builder.callTimeout((Duration) value);
                case MAX_DOWNLOAD_SIZE -> builder.maxDownloadSize((DataSize) value);
                case MAX_RETRIES -> builder.maxRetries((Integer) value);
                case MAX_BACKOFF -> builder.maxBackoff((Duration) value);
                case INITIAL_BACKOFF -> builder.initialBackoff((Duration) value);
                default -> throw new IllegalStateException("No setting for " + property);
            }
            builder.build();
        }
        catch (IllegalArgumentException ex) {
            // the reason carries the whole story; without a cause the property is what startup failure shows
            throw new InvalidConfigurationPropertyValueException(property, value, ex.getMessage());
        }
    }
}
