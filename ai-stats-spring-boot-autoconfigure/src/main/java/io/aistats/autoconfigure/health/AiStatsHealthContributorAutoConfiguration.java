package io.aistats.autoconfigure.health;

import io.aistats.autoconfigure.AiStatsVideoAutoConfiguration;
import io.aistats.autoconfigure.AiStatsWebClientBuilders;
import io.aistats.autoconfigure.AiStatsWebClientCustomizer;
import io.aistats.video.ReactiveVideoClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

import java.util.function.Supplier;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the {@link AiStatsHealthIndicator}, contributed to the
 * health endpoint as {@code aiStats}. Active with Spring Boot's health support on the classpath and an AI Stats
 * {@link ReactiveVideoClient} bean; switched off with {@code management.health.ai-stats.enabled=false}.
 * <p>
 * The indicator is not a member of the liveness and readiness groups: an unreachable gateway must not make the
 * platform restart the application or take it out of the load balancer.
 */
@AutoConfiguration(after = AiStatsVideoAutoConfiguration.class)
@ConditionalOnClass({ ReactiveHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class, WebClient.class })
@ConditionalOnBean(ReactiveVideoClient.class)
@EnableConfigurationProperties(AiStatsHealthProperties.class)
public final class AiStatsHealthContributorAutoConfiguration {

    AiStatsHealthContributorAutoConfiguration() {
    }

    // on the method rather than the class, so that the condition's class is only loaded once the class-path
    // condition above has found Spring Boot's health support
    @Bean
    @ConditionalOnEnabledHealthIndicator("ai-stats")
    @ConditionalOnMissingBean(name = { "aiStatsHealthIndicator", "aiStatsHealthContributor" })
    AiStatsHealthIndicator aiStatsHealthIndicator(ReactiveVideoClient videoClient,
            ObjectProvider<WebClient.Builder> webClientBuilder, ObjectProvider<AiStatsWebClientCustomizer> customizers,
            AiStatsHealthProperties properties) {
        // a copy of the application's builder: Boot's connector and observations apply, the video client's retries
        // do not; the AI Stats customizers do, as they set how the gateway is reached (proxy, TLS, headers)
        // built on the first health check, not at startup
        Supplier<WebClient.Builder> builder = AiStatsWebClientBuilders.customizedCopy(webClientBuilder, customizers);
        return new AiStatsHealthIndicator(videoClient, () -> builder.get().build(), properties);
    }
}
