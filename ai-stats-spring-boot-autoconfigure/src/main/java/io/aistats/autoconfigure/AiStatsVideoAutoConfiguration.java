package io.aistats.autoconfigure;

import io.aistats.video.ReactiveVideoClient;
import io.aistats.video.VideoClient;
import io.aistats.video.VideoClientSettings;
import io.aistats.video.VideoJobCreationListener;
import io.aistats.video.model.JobStreamSettings;
import io.aistats.video.observation.VideoOperationObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

import java.net.URI;
import java.util.function.Supplier;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the AI Stats {@link VideoClient} and
 * {@link ReactiveVideoClient}, bound from {@code ai-stats.*} properties.
 * <p>
 * The client's {@link WebClient} is built from a copy of the application's {@link WebClient.Builder} (so Boot's
 * connector, codecs, observations and {@code WebClientCustomizer}s apply), customized further by
 * {@link AiStatsWebClientCustomizer} beans without touching the application's builder; the builder is resolved and
 * the {@link WebClient} built on the client's first call, not at startup. Without Boot's
 * {@link WebClientAutoConfiguration}, a plain {@link WebClient#builder()} is used. With an
 * {@link ObservationRegistry} bean (Spring Boot's observation auto-configuration), every client operation is observed
 * as {@code aistats.video.operation}, named by a {@link VideoOperationObservationConvention} bean when there is one.
 * Turned off with {@code ai-stats.enabled=false}.
 */
@AutoConfiguration(after = WebClientAutoConfiguration.class)
@ConditionalOnClass(WebClient.class)
@ConditionalOnBooleanProperty(name = "ai-stats.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AiStatsProperties.class)
public final class AiStatsVideoAutoConfiguration {

    /**
     * Environment variable (read as an {@link Environment} property) holding the API key when
     * {@code ai-stats.api-key} is not set.
     */
    public static final String API_KEY_ENVIRONMENT_VARIABLE = "AI_STATS_API_KEY";

    private static final Log logger = LogFactory.getLog(AiStatsVideoAutoConfiguration.class);

    AiStatsVideoAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    VideoClientSettings aiStatsVideoClientSettings(AiStatsProperties properties, Environment environment,
            ObjectProvider<VideoClientSettingsCustomizer> customizers) {
        VideoClientSettings.Builder builder = VideoClientSettingsPropertiesMapper.map(properties,
                resolveApiKey(properties, environment));
        customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean(ReactiveVideoClient.class)
    ReactiveVideoClient aiStatsReactiveVideoClient(VideoClientSettings settings,
            ObjectProvider<WebClient.Builder> webClientBuilder,
            ObjectProvider<AiStatsWebClientCustomizer> customizers, ObjectProvider<JobStreamSettings> streamSettings,
            ObjectProvider<VideoJobCreationListener> creationListeners,
            ObjectProvider<ObservationRegistry> observationRegistry,
            ObjectProvider<VideoOperationObservationConvention> observationConvention) {
        logger.info("AI Stats video client uses " + withoutUserInfo(settings.baseUrl()) + (settings.hasApiKey()
                ? " with an API key" : " without an API key (set ai-stats.api-key or " + API_KEY_ENVIRONMENT_VARIABLE
                        + "); calls will fail until one is configured"));
        // resolved on the client's first call, so that the HTTP stack (Boot's builder and connector) is not set up
        // at startup; a copy, so that this client's customizations never reach the application's other clients
        Supplier<WebClient.Builder> builder = AiStatsWebClientBuilders.customizedCopy(webClientBuilder, customizers);
        return ReactiveVideoClient.create(builder, settings, new ReactiveVideoClient.Options(
                streamSettings.getIfAvailable(JobStreamSettings::defaults), creationListeners.orderedStream().toList(),
                observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP),
                observationConvention.getIfAvailable()));
    }

    @Bean
    @ConditionalOnMissingBean(VideoClient.class)
    VideoClient aiStatsVideoClient(ReactiveVideoClient reactiveVideoClient) {
        return VideoClient.create(reactiveVideoClient);
    }

    private static String withoutUserInfo(URI uri) {
        // credentials embedded in the URL must not reach the log
        return (uri.getRawUserInfo() != null) ? uri.toString().replace(uri.getRawUserInfo() + "@", "") : uri.toString();
    }

    /**
     * Resolves the API key: {@code ai-stats.api-key} when it has text, else the {@value #API_KEY_ENVIRONMENT_VARIABLE}
     * environment variable.
     * @param properties the bound properties
     * @param environment the application's environment
     * @return the key, or {@code null} when neither is set
     */
    static @Nullable String resolveApiKey(AiStatsProperties properties, Environment environment) {
        String apiKey = properties.getApiKey();
        if (StringUtils.hasText(apiKey)) {
            return apiKey;
        }
        String fromEnvironment = environment.getProperty(API_KEY_ENVIRONMENT_VARIABLE);
        return StringUtils.hasText(fromEnvironment) ? fromEnvironment : null;
    }
}
