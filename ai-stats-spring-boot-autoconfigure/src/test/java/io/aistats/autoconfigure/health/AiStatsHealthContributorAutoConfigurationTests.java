package io.aistats.autoconfigure.health;

import io.aistats.autoconfigure.AiStatsVideoAutoConfiguration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the health indicator is configured; no gateway is called here.
 */
class AiStatsHealthContributorAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(AiStatsVideoAutoConfiguration.class,
                AiStatsHealthContributorAutoConfiguration.class))
        .withPropertyValues("ai-stats.base-url=http://127.0.0.1:9/v1");

    @Test
    void indicatorIsConfiguredWithTheVideoClient() {
        this.contextRunner.run((context) -> {
            assertThat(context).hasSingleBean(AiStatsHealthIndicator.class)
                .hasBean("aiStatsHealthIndicator")
                .hasSingleBean(AiStatsHealthProperties.class);
            assertThat(context.getBean(AiStatsHealthIndicator.class)).isInstanceOf(ReactiveHealthIndicator.class);
        });
    }

    @Test
    void propertiesAreBound() {
        this.contextRunner
            .withPropertyValues("ai-stats.health.timeout=750ms", "ai-stats.health.verify-key=true",
                    "ai-stats.health.cache-ttl=1m")
            .run((context) -> {
                AiStatsHealthProperties properties = context.getBean(AiStatsHealthProperties.class);
                assertThat(properties.getTimeout()).hasMillis(750);
                assertThat(properties.isVerifyKey()).isTrue();
                assertThat(properties.getCacheTtl()).hasMinutes(1);
            });
    }

    @Test
    void defaultsAreShortTimeoutNoKeyCheckAndTenSecondCache() {
        AiStatsHealthProperties properties = new AiStatsHealthProperties();
        assertThat(properties.getTimeout()).hasSeconds(2);
        assertThat(properties.isVerifyKey()).isFalse();
        assertThat(properties.getCacheTtl()).hasSeconds(10);
    }

    @Test
    void invalidTimeoutFailsStartupNamingTheProperty() {
        this.contextRunner.withPropertyValues("ai-stats.health.timeout=0s").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("ai-stats.health.timeout");
        });
    }

    @Test
    void backsOffWhenDisabled() {
        this.contextRunner.withPropertyValues("management.health.ai-stats.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(AiStatsHealthIndicator.class)
                .hasBean("aiStatsVideoClient"));
    }

    @Test
    void followsTheHealthIndicatorDefaults() {
        this.contextRunner.withPropertyValues("management.health.defaults.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(AiStatsHealthIndicator.class));
        this.contextRunner
            .withPropertyValues("management.health.defaults.enabled=false", "management.health.ai-stats.enabled=true")
            .run((context) -> assertThat(context).hasSingleBean(AiStatsHealthIndicator.class));
    }

    @Test
    void backsOffWithoutAVideoClient() {
        this.contextRunner.withPropertyValues("ai-stats.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(AiStatsHealthIndicator.class));
    }

    @Test
    void backsOffWithoutSpringBootHealth() {
        this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(AiStatsHealthIndicator.class));
    }

    @Test
    void backsOffForAUserIndicatorOfTheSameName() {
        this.contextRunner.withUserConfiguration(UserIndicatorConfiguration.class).run((context) -> {
            assertThat(context).doesNotHaveBean(AiStatsHealthIndicator.class);
            assertThat(context.getBean("aiStatsHealthIndicator")).isSameAs(UserIndicatorConfiguration.INDICATOR);
        });
    }

    @Test
    void isContributedAsAiStatsButNotToTheProbes() {
        this.contextRunner
            .withConfiguration(AutoConfigurations.of(ApplicationAvailabilityAutoConfiguration.class,
                    HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
                    AvailabilityHealthContributorAutoConfiguration.class, HealthEndpointAutoConfiguration.class,
                    AvailabilityProbesAutoConfiguration.class))
            .withPropertyValues("management.endpoint.health.probes.enabled=true")
            .run((context) -> {
                assertThat(context.getBean(ReactiveHealthContributorRegistry.class).getContributor("aiStats"))
                    .isSameAs(context.getBean(AiStatsHealthIndicator.class));
                HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
                assertThat(groups.getNames()).contains("liveness", "readiness");
                assertThat(groups.get("liveness").isMember("aiStats")).isFalse();
                assertThat(groups.get("readiness").isMember("aiStats")).isFalse();
                assertThat(groups.getPrimary().isMember("aiStats")).isTrue();
            });
    }

    @Configuration(proxyBeanMethods = false)
    static class UserIndicatorConfiguration {

        static final ReactiveHealthIndicator INDICATOR = () -> Mono.just(Health.up().build());

        @Bean
        ReactiveHealthIndicator aiStatsHealthIndicator() {
            return INDICATOR;
        }
    }
}
