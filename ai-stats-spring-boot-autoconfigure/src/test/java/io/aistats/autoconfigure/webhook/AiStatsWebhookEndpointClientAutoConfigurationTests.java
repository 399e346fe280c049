package io.aistats.autoconfigure.webhook;

import io.aistats.autoconfigure.AiStatsVideoAutoConfiguration;
import io.aistats.autoconfigure.AiStatsWebClientCustomizer;
import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.video.VideoClientSettings;
import io.aistats.video.webhook.endpoint.ReactiveWebhookEndpointClient;
import io.aistats.video.webhook.endpoint.WebhookEndpoint;
import io.aistats.video.webhook.endpoint.WebhookEndpointClient;
import io.aistats.video.webhook.endpoint.WebhookEndpointCreateRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AiStatsWebhookEndpointClientAutoConfiguration}.
 */
class AiStatsWebhookEndpointClientAutoConfigurationTests {

    private static AiStatsGatewaySimulator simulator;

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(WebClientAutoConfiguration.class, AiStatsVideoAutoConfiguration.class,
                    AiStatsWebhookEndpointClientAutoConfiguration.class));

    @BeforeAll
    static void startSimulator() {
        simulator = AiStatsGatewaySimulator.builder().allowLocalWebhookUrls(true).start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Test
    void withoutAManagementKeyThereIsNoClient() {
        this.contextRunner.withPropertyValues("ai-stats.api-key=" + simulator.apiKey()).run((context) -> assertThat(
                context).hasNotFailed()
                .hasSingleBean(VideoClientSettings.class)
                .doesNotHaveBean(ReactiveWebhookEndpointClient.class)
                .doesNotHaveBean(WebhookEndpointClient.class));
    }

    @Test
    void aManagementKeyBringsBothClientsUsingIt() {
        this.contextRunner.withPropertyValues("ai-stats.base-url=" + simulator.baseUrl(),
                "ai-stats.management-key=" + simulator.managementKey(), "ai-stats.call-timeout=20s")
            .run((context) -> {
                assertThat(context).hasSingleBean(ReactiveWebhookEndpointClient.class)
                    .hasSingleBean(WebhookEndpointClient.class);
                ReactiveWebhookEndpointClient reactive = context.getBean(ReactiveWebhookEndpointClient.class);
                assertThat(reactive.settings().apiKey()).isEqualTo(simulator.managementKey());
                assertThat(reactive.settings().baseUrl()).isEqualTo(simulator.baseUrl());
                assertThat(reactive.settings().callTimeout()).hasSeconds(20);
                assertThat(context.getBean(VideoClientSettings.class).apiKey()).as("the video client's key is kept")
                    .isNull();
                WebhookEndpointClient client = context.getBean(WebhookEndpointClient.class);
                assertThat(client.reactive()).isSameAs(reactive);
                WebhookEndpoint created = client.create(WebhookEndpointCreateRequest.of("http://127.0.0.1:9/hooks"));
                assertThat(simulator.webhooks().endpoint(created.id())).isPresent();
                assertThat(client.get(created.id()).url()).isEqualTo("http://127.0.0.1:9/hooks");
            });
    }

    @Test
    void theVideoClientsWebClientCustomizersApply() {
        this.contextRunner.withUserConfiguration(CountingCustomizer.class)
            .withPropertyValues("ai-stats.base-url=" + simulator.baseUrl(),
                    "ai-stats.management-key=" + simulator.managementKey())
            .run((context) -> {
                assertThat(context).hasSingleBean(WebhookEndpointClient.class);
                // the clients build their WebClient on first use, not at startup
                assertThat(context.getBean(CountingCustomizer.class).calls).as("before any call").hasValue(0);
                simulator.clearRequests();
                context.getBean(WebhookEndpointClient.class).list();
                context.getBean(WebhookEndpointClient.class).list();
                assertThat(context.getBean(CountingCustomizer.class).calls).as("endpoint client, once").hasValue(1);
                assertThat(simulator.requests()).hasSize(2).allSatisfy((request) -> assertThat(
                        request.header("x-custom")).contains("yes"));
            });
    }

    @Test
    void userDefinedClientsWin() {
        this.contextRunner.withUserConfiguration(UserClients.class)
            .withPropertyValues("ai-stats.management-key=" + simulator.managementKey())
            .run((context) -> {
                assertThat(context).hasSingleBean(ReactiveWebhookEndpointClient.class)
                    .hasSingleBean(WebhookEndpointClient.class);
                assertThat(context.getBean(ReactiveWebhookEndpointClient.class))
                    .isSameAs(context.getBean(UserClients.class).reactive);
            });
    }

    @Test
    void aBlankManagementKeyFailsStartupNamingTheProperty() {
        this.contextRunner.withPropertyValues("ai-stats.management-key= ").run((context) -> assertThat(context)
            .getFailure()
            .rootCause()
            .isInstanceOf(InvalidConfigurationPropertyValueException.class)
            .hasMessageContaining("ai-stats.management-key"));
    }

    @Test
    void theClientsFollowTheStartersSwitch() {
        this.contextRunner.withPropertyValues("ai-stats.enabled=false",
                "ai-stats.management-key=" + simulator.managementKey())
            .run((context) -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(ReactiveWebhookEndpointClient.class)
                .doesNotHaveBean(WebhookEndpointClient.class));
    }

    @Test
    void secretsStayOutOfToString() {
        this.contextRunner.withPropertyValues("ai-stats.management-key=" + simulator.managementKey())
            .run((context) -> {
                assertThat(context.getBean(ReactiveWebhookEndpointClient.class).toString())
                    .doesNotContain(simulator.managementKey());
                assertThat(context.getBean(WebhookEndpointClient.class).toString())
                    .doesNotContain(simulator.managementKey());
                assertThat(context.getBean(ReactiveWebhookEndpointClient.class).settings().toString())
                    .doesNotContain(simulator.managementKey());
            });
    }

    @Configuration(proxyBeanMethods = false)
    static class CountingCustomizer implements AiStatsWebClientCustomizer {

        final AtomicInteger calls = new AtomicInteger();

        @Override
        public void customize(WebClient.Builder builder) {
            this.calls.incrementAndGet();
            builder.defaultHeader("X-Custom", "yes");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserClients {

        final ReactiveWebhookEndpointClient reactive = new ReactiveWebhookEndpointClient(
                WebClient::builder,
                VideoClientSettings.builder().build(), "phaseo_v1_mk_UserKey1_secret");

        @Bean
        ReactiveWebhookEndpointClient userReactiveWebhookEndpointClient() {
            return this.reactive;
        }
    }
}
