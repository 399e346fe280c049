package io.aistats.autoconfigure.webhook;

import io.aistats.autoconfigure.AiStatsProperties;
import io.aistats.autoconfigure.AiStatsVideoAutoConfiguration;
import io.aistats.autoconfigure.AiStatsWebClientBuilders;
import io.aistats.autoconfigure.AiStatsWebClientCustomizer;
import io.aistats.video.VideoClientSettings;
import io.aistats.video.webhook.endpoint.ReactiveWebhookEndpointClient;
import io.aistats.video.webhook.endpoint.WebhookEndpointClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

import java.util.function.Supplier;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the {@link WebhookEndpointClient} and
 * {@link ReactiveWebhookEndpointClient} that manage the workspace's webhook endpoints. They exist only when a
 * management key is set ({@code ai-stats.management-key}; the gateway refuses inference keys on these routes): without
 * one there is no bean. They share the video client's {@link VideoClientSettings} (base URL, timeouts, retries) and
 * its {@link AiStatsWebClientCustomizer}s, and back off when the application defines its own.
 */
@AutoConfiguration(after = AiStatsVideoAutoConfiguration.class)
@ConditionalOnClass(WebClient.class)
@ConditionalOnBooleanProperty(name = "ai-stats.enabled", matchIfMissing = true)
@ConditionalOnProperty("ai-stats.management-key")
@EnableConfigurationProperties(AiStatsProperties.class)
public final class AiStatsWebhookEndpointClientAutoConfiguration {

    AiStatsWebhookEndpointClientAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(VideoClientSettings.class)
    ReactiveWebhookEndpointClient aiStatsReactiveWebhookEndpointClient(AiStatsProperties properties,
            VideoClientSettings settings, ObjectProvider<WebClient.Builder> webClientBuilder,
            ObjectProvider<AiStatsWebClientCustomizer> customizers) {
        String managementKey = properties.getManagementKey();
        if (!StringUtils.hasText(managementKey)) {
            throw new InvalidConfigurationPropertyValueException("ai-stats.management-key", "",
                    "must be a management key (phaseo_v1_mk_...), or be removed to go without the webhook endpoint "
                            + "client");
        }
        // resolved on the client's first call, not at startup; a copy, so that this client's customizations never
        // reach the application's other clients
        Supplier<WebClient.Builder> builder = AiStatsWebClientBuilders.customizedCopy(webClientBuilder, customizers);
        return new ReactiveWebhookEndpointClient(builder, settings, managementKey);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(ReactiveWebhookEndpointClient.class)
    WebhookEndpointClient aiStatsWebhookEndpointClient(ReactiveWebhookEndpointClient reactiveWebhookEndpointClient) {
        return new WebhookEndpointClient(reactiveWebhookEndpointClient);
    }
}
