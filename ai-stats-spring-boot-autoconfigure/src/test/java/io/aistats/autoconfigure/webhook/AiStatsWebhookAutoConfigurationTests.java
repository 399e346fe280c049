package io.aistats.autoconfigure.webhook;

import io.aistats.video.event.InMemoryProcessedEventStore;
import io.aistats.video.event.ProcessedEventStore;
import io.aistats.video.event.VideoJobEventDispatcher;
import io.aistats.video.webhook.WebFluxWebhookHandler;
import io.aistats.video.webhook.WebMvcWebhookHandler;
import io.aistats.video.webhook.WebhookDeliveryParser;
import io.aistats.video.webhook.WebhookOutcome;
import io.aistats.video.webhook.WebhookProcessor;
import io.aistats.video.webhook.WebhookVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the webhook auto-configurations: when they apply, what they bind, and that application beans win.
 */
class AiStatsWebhookAutoConfigurationTests {

    private static final AutoConfigurations WEBHOOK = AutoConfigurations.of(AiStatsWebhookAutoConfiguration.class,
            AiStatsWebhookWebMvcAutoConfiguration.class, AiStatsWebhookWebFluxAutoConfiguration.class);

    private final ApplicationContextRunner plain = new ApplicationContextRunner().withConfiguration(WEBHOOK);

    private final WebApplicationContextRunner servlet = new WebApplicationContextRunner().withConfiguration(WEBHOOK);

    private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
        .withConfiguration(WEBHOOK);

    @Test
    void withoutASecretOnlyTheSharedEventMachineryIsConfigured() {
        this.servlet.run((context) -> {
            assertThat(context).hasSingleBean(InMemoryProcessedEventStore.class)
                .hasSingleBean(VideoJobEventDispatcher.class)
                .doesNotHaveBean(WebhookVerifier.class)
                .doesNotHaveBean(WebhookProcessor.class)
                .doesNotHaveBean(WebMvcWebhookHandler.class)
                .doesNotHaveBean(AiStatsWebhookWebMvcAutoConfiguration.ROUTER_FUNCTION_BEAN_NAME);
        });
    }

    @Test
    void blankSecretsDoNotActivateTheReceiver() {
        this.servlet.withPropertyValues("ai-stats.webhook.secret= ", "ai-stats.webhook.secrets[0]=")
            .run((context) -> assertThat(context).doesNotHaveBean(WebhookProcessor.class));
    }

    @Test
    void aSecretActivatesTheSpringMvcEndpoint() {
        this.servlet.withPropertyValues("ai-stats.webhook.secret=whsec_test_secret").run((context) -> {
            assertThat(context).hasSingleBean(WebhookVerifier.class)
                .hasSingleBean(WebhookDeliveryParser.class)
                .hasSingleBean(WebhookProcessor.class)
                .hasSingleBean(WebMvcWebhookHandler.class)
                .hasBean(AiStatsWebhookWebMvcAutoConfiguration.ROUTER_FUNCTION_BEAN_NAME)
                .doesNotHaveBean(WebFluxWebhookHandler.class);
            assertThat(context.getBean(WebhookProcessor.class).isAsync()).isFalse();
        });
    }

    @Test
    void aSecretActivatesTheWebFluxEndpoint() {
        this.reactive.withPropertyValues("ai-stats.webhook.secret=whsec_test_secret").run((context) -> {
            assertThat(context).hasSingleBean(WebFluxWebhookHandler.class)
                .hasBean(AiStatsWebhookWebFluxAutoConfiguration.ROUTER_FUNCTION_BEAN_NAME)
                .doesNotHaveBean(WebMvcWebhookHandler.class);
        });
    }

    @Test
    void outsideAWebApplicationTheProcessorIsConfiguredWithoutEndpoint() {
        this.plain.withPropertyValues("ai-stats.webhook.secret=whsec_test_secret").run((context) -> {
            assertThat(context).hasSingleBean(WebhookProcessor.class)
                .doesNotHaveBean(WebMvcWebhookHandler.class)
                .doesNotHaveBean(WebFluxWebhookHandler.class);
        });
    }

    @Test
    void secretsListAloneActivatesTheReceiverAndEverySecretIsAccepted() {
        this.plain.withPropertyValues("ai-stats.webhook.secrets=whsec_old,whsec_new").run((context) -> {
            WebhookVerifier verifier = context.getBean(WebhookVerifier.class);
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            String now = Long.toString(Instant.now().getEpochSecond());
            verifier.verify(now, WebhookVerifier.sign("whsec_old", now, body), body);
            verifier.verify(now, WebhookVerifier.sign("whsec_new", now, body), body);
            assertThat(verifier).hasToString("WebhookVerifier[secrets=2, tolerance=PT5M]");
        });
    }

    @Test
    void bindsTheProperties() {
        this.plain.withPropertyValues("ai-stats.webhook.secret=whsec_a", "ai-stats.webhook.secrets[0]=whsec_b",
                "ai-stats.webhook.secrets[1]=whsec_a", "ai-stats.webhook.tolerance=90s",
                "ai-stats.webhook.max-payload-size=256KB", "ai-stats.webhook.dedupe.capacity=5",
                "ai-stats.webhook.dedupe.ttl=2h", "ai-stats.webhook.dedupe.lease=90s",
                "ai-stats.webhook.path=/hooks/phaseo").run((context) -> {
                    AiStatsWebhookProperties properties = context.getBean(AiStatsWebhookProperties.class);
                    assertThat(properties.resolveSecrets()).containsExactly("whsec_a", "whsec_b");
                    assertThat(properties.getPath()).isEqualTo("/hooks/phaseo");
                    assertThat(context.getBean(WebhookVerifier.class).tolerance()).isEqualTo(Duration.ofSeconds(90));
                    assertThat(context.getBean(WebhookProcessor.class).maxPayloadSize())
                        .isEqualTo(DataSize.ofKilobytes(256));
                    assertThat(context.getBean(InMemoryProcessedEventStore.class))
                        .hasToString("InMemoryProcessedEventStore[capacity=5, timeToLive=PT2H]");
                    assertThat(properties.getDedupe().getLease()).isEqualTo(Duration.ofSeconds(90));
                    assertThat(properties.toString()).contains("2 configured").doesNotContain("whsec_");
                });
    }

    @ParameterizedTest
    @CsvSource({ "ai-stats.webhook.tolerance, 0s", "ai-stats.webhook.tolerance, -1m",
            "ai-stats.webhook.max-payload-size, 0B", "ai-stats.webhook.dedupe.capacity, 0",
            "ai-stats.webhook.dedupe.ttl, -1h", "ai-stats.webhook.max-in-flight-bytes, 0B",
            "ai-stats.webhook.read-timeout, 0s", "ai-stats.webhook.dedupe.lease, 0s",
            "ai-stats.webhook.dedupe.purge-interval, -1m" })
    void outOfRangeValueFailsStartupNamingTheProperty(String property, String value) {
        // the beans that use these values are created on the first delivery; binding rejects them at startup
        this.servlet.withPropertyValues("ai-stats.webhook.secret=whsec_test_secret", property + "=" + value)
            .run((context) -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (failure) -> {
                        assertThat(failure.getName()).isEqualTo(property);
                        assertThat(failure).hasMessage("Property " + property + " with value '" + failure.getValue()
                                + "' is invalid: must be positive");
                    });
            });
    }

    @Test
    void inFlightBudgetSmallerThanOneDeliveryFailsStartupNamingTheProperty() {
        this.servlet.withPropertyValues("ai-stats.webhook.secret=whsec_test_secret",
                "ai-stats.webhook.max-payload-size=64KB", "ai-stats.webhook.max-in-flight-bytes=32KB")
            .run((context) -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (failure) -> {
                        assertThat(failure.getName()).isEqualTo("ai-stats.webhook.max-in-flight-bytes");
                        assertThat(failure).hasMessageContaining("must be at least ai-stats.webhook.max-payload-size");
                    });
            });
    }

    @Test
    void bindsTheReadLimitsWithDefaultsChosenFromTheGatewaysDeliveries() {
        this.plain.withPropertyValues("ai-stats.webhook.secret=whsec_a").run((context) -> {
            AiStatsWebhookProperties properties = context.getBean(AiStatsWebhookProperties.class);
            assertThat(properties.getMaxPayloadSize()).isEqualTo(DataSize.ofKilobytes(64));
            assertThat(context.getBean(WebhookProcessor.class).maxPayloadSize()).isEqualTo(DataSize.ofKilobytes(64));
            assertThat(properties.getMaxInFlightBytes().toBytes()).isEqualTo(8388608);
            assertThat(properties.getReadTimeout()).isEqualTo(Duration.ofSeconds(10));
        });
        this.plain.withPropertyValues("ai-stats.webhook.secret=whsec_a", "ai-stats.webhook.max-in-flight-bytes=1MB",
                "ai-stats.webhook.read-timeout=2s").run((context) -> {
                    AiStatsWebhookProperties properties = context.getBean(AiStatsWebhookProperties.class);
                    assertThat(properties.getMaxInFlightBytes().toBytes()).isEqualTo(1048576);
                    assertThat(properties.getReadTimeout()).isEqualTo(Duration.ofSeconds(2));
                });
    }

    @Test
    void theSpringMvcEndpointCreatesTheProcessingChainForItsFirstDelivery() {
        this.servlet.withPropertyValues("ai-stats.webhook.secret=whsec_test_secret").run((context) -> {
            assertThat(createdSingletons(context)).isEmpty();
            RouterFunction<ServerResponse> router = context.getBean(
                    AiStatsWebhookWebMvcAutoConfiguration.ROUTER_FUNCTION_BEAN_NAME, RouterFunction.class);
            MockHttpServletRequest unsigned = new MockHttpServletRequest("POST", "/ai-stats/webhooks");
            unsigned.setContent("{}".getBytes(StandardCharsets.UTF_8));
            org.springframework.web.servlet.function.ServerRequest request =
                    org.springframework.web.servlet.function.ServerRequest.create(unsigned, List.of());
            ServerResponse response = router.route(request).orElseThrow().handle(request);
            assertThat(response.statusCode().value()).isEqualTo(400);
            assertThat(createdSingletons(context)).containsExactlyInAnyOrder(WebMvcWebhookHandler.class,
                    WebhookProcessor.class, WebhookVerifier.class, WebhookDeliveryParser.class);
        });
    }

    @Test
    void theWebFluxEndpointCreatesTheProcessingChainForItsFirstDelivery() {
        this.reactive.withPropertyValues("ai-stats.webhook.secret=whsec_test_secret").run((context) -> {
            assertThat(createdSingletons(context)).isEmpty();
            org.springframework.web.reactive.function.server.RouterFunction<
                    org.springframework.web.reactive.function.server.ServerResponse> router = context.getBean(
                            AiStatsWebhookWebFluxAutoConfiguration.ROUTER_FUNCTION_BEAN_NAME,
                            org.springframework.web.reactive.function.server.RouterFunction.class);
            MockServerWebExchange exchange = MockServerWebExchange
                .from(MockServerHttpRequest.post("/ai-stats/webhooks").body("{}"));
            org.springframework.web.reactive.function.server.ServerRequest request =
                    org.springframework.web.reactive.function.server.ServerRequest.create(exchange,
                            HandlerStrategies.withDefaults().messageReaders());
            org.springframework.web.reactive.function.server.ServerResponse response = router.route(request)
                .flatMap((handler) -> handler.handle(request))
                .block(Duration.ofSeconds(10));
            assertThat(response).isNotNull();
            assertThat(response.statusCode().value()).isEqualTo(400);
            assertThat(createdSingletons(context)).containsExactlyInAnyOrder(WebFluxWebhookHandler.class,
                    WebhookProcessor.class, WebhookVerifier.class, WebhookDeliveryParser.class);
        });
    }

    @Test
    void defaultsMatchTheGatewaysConventions() {
        AiStatsWebhookProperties properties = new AiStatsWebhookProperties();
        assertThat(properties.getPath()).isEqualTo("/ai-stats/webhooks");
        assertThat(properties.getTolerance()).isEqualTo(WebhookVerifier.DEFAULT_TOLERANCE);
        assertThat(properties.getMaxPayloadSize()).isEqualTo(WebhookProcessor.DEFAULT_MAX_PAYLOAD_SIZE);
        assertThat(properties.isAsync()).isFalse();
        assertThat(properties.getDedupe().getCapacity()).isEqualTo(InMemoryProcessedEventStore.DEFAULT_CAPACITY);
        assertThat(properties.getDedupe().getTtl()).isEqualTo(InMemoryProcessedEventStore.DEFAULT_TIME_TO_LIVE);
        assertThat(properties.getDedupe().getStore()).isEqualTo(AiStatsWebhookProperties.Dedupe.Store.MEMORY);
        assertThat(properties.getDedupe().getLease()).isEqualTo(VideoJobEventDispatcher.DEFAULT_LEASE);
        assertThat(properties.getSecurity().isPermitAll()).isTrue();
        assertThat(properties.resolveSecrets()).isEmpty();
    }

    @Test
    void asyncModeUsesTheApplicationTaskExecutor() {
        this.plain.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
            .withPropertyValues("ai-stats.webhook.secret=whsec_test_secret", "ai-stats.webhook.async=true")
            .run((context) -> assertThat(context.getBean(WebhookProcessor.class).isAsync()).isTrue());
    }

    @Test
    void asyncModeWorksWithoutATaskExecutorBean() {
        this.plain.withPropertyValues("ai-stats.webhook.secret=whsec_test_secret", "ai-stats.webhook.async=true")
            .run((context) -> assertThat(context.getBean(WebhookProcessor.class).isAsync()).isTrue());
    }

    @Test
    void applicationBeansReplaceTheAutoConfiguredOnes() {
        this.servlet.withUserConfiguration(UserBeans.class)
            .withPropertyValues("ai-stats.webhook.secret=whsec_test_secret")
            .run((context) -> {
                assertThat(context).hasSingleBean(ProcessedEventStore.class)
                    .doesNotHaveBean(InMemoryProcessedEventStore.class);
                assertThat(context.getBean(ProcessedEventStore.class)).isSameAs(UserBeans.STORE);
                assertThat(context).getBean(WebhookVerifier.class).isSameAs(UserBeans.VERIFIER);
                WebhookProcessor processor = context.getBean(WebhookProcessor.class);
                byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                String now = Long.toString(Instant.now().getEpochSecond());
                assertThat(processor.process(now, WebhookVerifier.sign("whsec_test_secret", now, body), body))
                    .as("the property's secret no longer applies").isEqualTo(WebhookOutcome.REJECTED_SIGNATURE);
                assertThat(processor.process(now, WebhookVerifier.sign("whsec_from_vault", now, body), body))
                    .as("verified with the application's verifier, then parsed").isEqualTo(WebhookOutcome.MALFORMED);
            });
    }

    @Test
    void applicationRouterFunctionOfTheSameNameReplacesTheEndpoint() {
        this.servlet.withUserConfiguration(UserRouter.class)
            .withPropertyValues("ai-stats.webhook.secret=whsec_test_secret")
            .run((context) -> assertThat(context.getBean(AiStatsWebhookWebMvcAutoConfiguration.ROUTER_FUNCTION_BEAN_NAME))
                .isSameAs(UserRouter.ROUTER));
    }

    @Test
    void withoutSpringSecurityConfiguredNoSecurityChainIsDeclared() {
        this.servlet.withPropertyValues("ai-stats.webhook.secret=whsec_test_secret").run((context) -> assertThat(context)
            .doesNotHaveBean(AiStatsWebhookWebMvcAutoConfiguration.SECURITY_FILTER_CHAIN_BEAN_NAME)
            .doesNotHaveBean(AiStatsWebhookWebMvcAutoConfiguration.DEFAULT_SECURITY_FILTER_CHAIN_BEAN_NAME));
    }

    /** The receiver's lazy beans that exist so far. */
    private static List<Class<?>> createdSingletons(ConfigurableApplicationContext context) {
        List<Class<?>> created = new ArrayList<>();
        for (Class<?> type : List.of(WebhookVerifier.class, WebhookDeliveryParser.class, WebhookProcessor.class,
                WebMvcWebhookHandler.class, WebFluxWebhookHandler.class)) {
            for (String name : context.getBeanNamesForType(type, false, false)) {
                if (context.getBeanFactory().containsSingleton(name)) {
                    created.add(type);
                }
            }
        }
        return created;
    }

    @Configuration(proxyBeanMethods = false)
    static class UserBeans {

        static final ProcessedEventStore STORE = new ProcessedEventStore() {

            @Override
            public Claim claim(String eventId, Duration lease) {
                return Claim.CLAIMED;
            }

            @Override
            public void complete(String eventId) {
            }

            @Override
            public void release(String eventId) {
            }
        };

        static final WebhookVerifier VERIFIER = new WebhookVerifier("whsec_from_vault");

        @Bean
        ProcessedEventStore sharedStore() {
            return STORE;
        }

        @Bean
        WebhookVerifier vaultVerifier() {
            return VERIFIER;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserRouter {

        static final RouterFunction<ServerResponse> ROUTER = RouterFunctions.route()
            .GET("/elsewhere", (request) -> ServerResponse.ok().build())
            .build();

        @Bean(AiStatsWebhookWebMvcAutoConfiguration.ROUTER_FUNCTION_BEAN_NAME)
        RouterFunction<ServerResponse> aiStatsWebhookRouterFunction() {
            return ROUTER;
        }
    }
}
