package io.aistats.autoconfigure;

import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.test.RecordedRequest;
import io.aistats.video.ReactiveVideoClient;
import io.aistats.video.VideoClient;
import io.aistats.video.VideoClientSettings;
import io.aistats.video.error.AiStatsConfigurationException;
import io.aistats.video.model.OutputAccess;
import io.aistats.video.model.VideoModelList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.http.HttpStatusCode;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link AiStatsVideoAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class AiStatsVideoAutoConfigurationTests {

    private static final String CUSTOM_HEADER = "X-Ai-Stats-Test";

    private static AiStatsGatewaySimulator simulator;

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(WebClientAutoConfiguration.class, AiStatsVideoAutoConfiguration.class));

    @BeforeAll
    static void startSimulator() {
        simulator = AiStatsGatewaySimulator.start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void forgetRequests() {
        simulator.clearRequests();
    }

    @Test
    void defaultClientBeansAreCreated() {
        this.contextRunner.run((context) -> {
            assertThat(context).hasSingleBean(AiStatsProperties.class)
                .hasSingleBean(VideoClientSettings.class)
                .hasSingleBean(ReactiveVideoClient.class)
                .hasSingleBean(VideoClient.class);
            VideoClientSettings settings = context.getBean(VideoClientSettings.class);
            assertThat(settings.baseUrl()).isEqualTo(URI.create("https://api.phaseo.app/v1"));
            assertThat(settings.hasApiKey()).isFalse();
            assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(settings.responseTimeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(settings.callTimeout()).isEqualTo(Duration.ofMinutes(5));
            assertThat(settings.maxRetries()).isEqualTo(2);
            assertThat(settings.initialBackoff()).isEqualTo(Duration.ofMillis(500));
            assertThat(settings.maxBackoff()).isEqualTo(Duration.ofSeconds(10));
            assertThat(settings.defaultModel()).isNull();
            assertThat(settings.defaultOutputAccess()).isNull();
            assertThat(settings.defaultWebhookEndpointId()).isNull();
            assertThat(context.getBean(ReactiveVideoClient.class).settings()).isSameAs(settings);
            assertThat(context.getBean(VideoClient.class).reactive())
                .isSameAs(context.getBean(ReactiveVideoClient.class));
        });
    }

    @Test
    void propertyDefaultsMatchSettingsDefaults() {
        AiStatsProperties properties = new AiStatsProperties();
        VideoClientSettings defaults = VideoClientSettings.builder().build();
        assertThat(properties.isEnabled()).isTrue();
        assertThat(URI.create(properties.getBaseUrl())).isEqualTo(defaults.baseUrl());
        assertThat(properties.getConnectTimeout()).isEqualTo(defaults.connectTimeout());
        assertThat(properties.getResponseTimeout()).isEqualTo(defaults.responseTimeout());
        assertThat(properties.getCallTimeout()).isEqualTo(defaults.callTimeout());
        assertThat(properties.getRetry().getMaxRetries()).isEqualTo(defaults.maxRetries());
        assertThat(properties.getRetry().getInitialBackoff()).isEqualTo(defaults.initialBackoff());
        assertThat(properties.getRetry().getMaxBackoff()).isEqualTo(defaults.maxBackoff());
    }

    @Test
    void disabledByProperty() {
        this.contextRunner.withPropertyValues("ai-stats.enabled=false").run((context) -> {
            assertThat(context).hasNotFailed()
                .doesNotHaveBean(AiStatsProperties.class)
                .doesNotHaveBean(VideoClientSettings.class)
                .doesNotHaveBean(ReactiveVideoClient.class)
                .doesNotHaveBean(VideoClient.class);
            assertThat(context).hasSingleBean(WebClient.Builder.class);
        });
    }

    @Test
    void enabledExplicitly() {
        this.contextRunner.withPropertyValues("ai-stats.enabled=true")
            .run((context) -> assertThat(context).hasSingleBean(VideoClient.class));
    }

    @Test
    void backsOffWithoutWebClientOnTheClasspath() {
        this.contextRunner.withClassLoader(new FilteredClassLoader(WebClient.class))
            .run((context) -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(VideoClientSettings.class)
                .doesNotHaveBean(ReactiveVideoClient.class)
                .doesNotHaveBean(VideoClient.class));
    }

    @Test
    void userVideoClientSettingsWin() {
        VideoClientSettings mine = VideoClientSettings.builder().baseUrl("https://gateway.example.com/v1").build();
        this.contextRunner.withPropertyValues("ai-stats.base-url=https://ignored.example.com/v1")
            .withBean("mySettings", VideoClientSettings.class, () -> mine)
            .run((context) -> {
                assertThat(context).hasSingleBean(VideoClientSettings.class)
                    .doesNotHaveBean("aiStatsVideoClientSettings");
                assertThat(context.getBean(ReactiveVideoClient.class).settings()).isSameAs(mine);
            });
    }

    @Test
    void userReactiveVideoClientWins() {
        ReactiveVideoClient mine = ReactiveVideoClient.create(WebClient.builder(),
                VideoClientSettings.builder().build());
        this.contextRunner.withBean("myReactiveClient", ReactiveVideoClient.class, () -> mine).run((context) -> {
            assertThat(context).hasSingleBean(ReactiveVideoClient.class)
                .doesNotHaveBean("aiStatsReactiveVideoClient");
            assertThat(context.getBean(ReactiveVideoClient.class)).isSameAs(mine);
            assertThat(context.getBean(VideoClient.class).reactive()).isSameAs(mine);
        });
    }

    @Test
    void userVideoClientWins() {
        VideoClient mine = VideoClient.create(
                ReactiveVideoClient.create(WebClient.builder(), VideoClientSettings.builder().build()));
        this.contextRunner.withBean("myClient", VideoClient.class, () -> mine).run((context) -> {
            assertThat(context).hasSingleBean(VideoClient.class).doesNotHaveBean("aiStatsVideoClient");
            assertThat(context.getBean(VideoClient.class)).isSameAs(mine);
            assertThat(context).hasSingleBean(ReactiveVideoClient.class);
        });
    }

    @Test
    void everyPropertyIsBound() {
        this.contextRunner
            .withPropertyValues("ai-stats.base-url=https://gateway.example.com/v2/",
                    "ai-stats.api-key=phaseo_v1_sk_abc123_s3cret",
                    "ai-stats.management-key=phaseo_v1_mk_def456_s3cret", "ai-stats.connect-timeout=3s",
                    "ai-stats.response-timeout=45s", "ai-stats.call-timeout=2m", "ai-stats.retry.max-retries=5",
                    "ai-stats.retry.initial-backoff=250ms", "ai-stats.retry.max-backoff=30s",
                    "ai-stats.default-model=openai/sora-2", "ai-stats.default-output-access=signed_url",
                    "ai-stats.default-webhook-endpoint-id=8f14e45f-ceea-467f-a0e6-5d3c2a1b0c9e")
            .run((context) -> {
                AiStatsProperties properties = context.getBean(AiStatsProperties.class);
                assertThat(properties.getManagementKey()).isEqualTo("phaseo_v1_mk_def456_s3cret");
                VideoClientSettings settings = context.getBean(VideoClientSettings.class);
                assertThat(settings.baseUrl()).isEqualTo(URI.create("https://gateway.example.com/v2"));
                assertThat(settings.apiKey()).isEqualTo("phaseo_v1_sk_abc123_s3cret");
                assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
                assertThat(settings.responseTimeout()).isEqualTo(Duration.ofSeconds(45));
                assertThat(settings.callTimeout()).isEqualTo(Duration.ofMinutes(2));
                assertThat(settings.maxRetries()).isEqualTo(5);
                assertThat(settings.initialBackoff()).isEqualTo(Duration.ofMillis(250));
                assertThat(settings.maxBackoff()).isEqualTo(Duration.ofSeconds(30));
                assertThat(settings.defaultModel()).isEqualTo("openai/sora-2");
                assertThat(settings.defaultOutputAccess()).isEqualTo(OutputAccess.SIGNED_URL);
                assertThat(settings.defaultWebhookEndpointId()).isEqualTo("8f14e45f-ceea-467f-a0e6-5d3c2a1b0c9e");
            });
    }

    @Test
    void maxDownloadSizeIsBoundWithAFiniteDefaultAndAZeroOneFailsStartupNamingIt() {
        this.contextRunner.run((context) -> assertThat(context.getBean(VideoClientSettings.class).maxDownloadSize())
            .isEqualTo(DataSize.ofGigabytes(2)));
        this.contextRunner.withPropertyValues("ai-stats.max-download-size=600MB")
            .run((context) -> assertThat(context.getBean(VideoClientSettings.class).maxDownloadSize())
                .isEqualTo(DataSize.ofMegabytes(600)));
        this.contextRunner.withPropertyValues("ai-stats.max-download-size=0B").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
                        (failure) -> assertThat(failure.getName()).isEqualTo("ai-stats.max-download-size"));
        });
    }

    @Test
    void durationsBindFromPlainMillisecondsAndIsoFormat() {
        this.contextRunner
            .withPropertyValues("ai-stats.connect-timeout=1500", "ai-stats.call-timeout=PT90S")
            .run((context) -> {
                VideoClientSettings settings = context.getBean(VideoClientSettings.class);
                assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
                assertThat(settings.callTimeout()).isEqualTo(Duration.ofSeconds(90));
            });
    }

    @ParameterizedTest
    @CsvSource({ "signed_url, SIGNED_URL", "signed-url, SIGNED_URL", "SIGNED_URL, SIGNED_URL", "bytes, BYTES",
            "both, BOTH", "Both, BOTH" })
    void outputAccessBindsFromAnySpelling(String value, OutputAccess expected) {
        this.contextRunner.withPropertyValues("ai-stats.default-output-access=" + value)
            .run((context) -> assertThat(context.getBean(VideoClientSettings.class).defaultOutputAccess())
                .isEqualTo(expected));
    }

    @Test
    void unknownOutputAccessFailsStartupNamingTheProperty() {
        this.contextRunner.withPropertyValues("ai-stats.default-output-access=public").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("ai-stats.default-output-access");
        });
    }

    @Test
    void apiKeyFallsBackToEnvironmentVariable() {
        this.contextRunner.withInitializer((context) -> context.getEnvironment()
            .getPropertySources()
            .addFirst(new SystemEnvironmentPropertySource("test-environment",
                    Map.of("AI_STATS_API_KEY", "phaseo_v1_sk_env123_fromenv"))))
            .run((context) -> assertThat(context.getBean(VideoClientSettings.class).apiKey())
                .isEqualTo("phaseo_v1_sk_env123_fromenv"));
    }

    @Test
    void apiKeyFallsBackToEnvironmentPropertyOfTheSameName() {
        this.contextRunner.withPropertyValues("AI_STATS_API_KEY=phaseo_v1_sk_env123_fromenv")
            .run((context) -> assertThat(context.getBean(VideoClientSettings.class).apiKey())
                .isEqualTo("phaseo_v1_sk_env123_fromenv"));
    }

    @Test
    void explicitApiKeyWinsOverEnvironmentVariable() {
        this.contextRunner
            .withPropertyValues("AI_STATS_API_KEY=phaseo_v1_sk_env123_fromenv",
                    "ai-stats.api-key=phaseo_v1_sk_prop123_fromproperty")
            .run((context) -> assertThat(context.getBean(VideoClientSettings.class).apiKey())
                .isEqualTo("phaseo_v1_sk_prop123_fromproperty"));
    }

    @Test
    void blankApiKeyFallsBackToEnvironmentVariable() {
        this.contextRunner.withPropertyValues("ai-stats.api-key= ", "AI_STATS_API_KEY=phaseo_v1_sk_env123_fromenv")
            .run((context) -> assertThat(context.getBean(VideoClientSettings.class).apiKey())
                .isEqualTo("phaseo_v1_sk_env123_fromenv"));
    }

    @Test
    void settingsCustomizersAreAppliedInOrderAfterProperties() {
        this.contextRunner.withPropertyValues("ai-stats.default-model=from/property", "ai-stats.retry.max-retries=4")
            .withUserConfiguration(SettingsCustomizersConfiguration.class)
            .run((context) -> {
                VideoClientSettings settings = context.getBean(VideoClientSettings.class);
                assertThat(settings.defaultModel()).isEqualTo("from/second-customizer");
                assertThat(settings.apiKey()).isEqualTo("phaseo_v1_sk_vault1_fromcustomizer");
                assertThat(settings.maxRetries()).isEqualTo(4);
            });
    }

    @Test
    void webClientCustomizerAppliesToThisClientOnly() {
        this.contextRunner.withPropertyValues(simulatorProperties())
            .withBean(AiStatsWebClientCustomizer.class,
                    () -> (builder) -> builder.defaultHeader(CUSTOM_HEADER, "video-client"))
            .run((context) -> {
                context.getBean(VideoClient.class).listVideoModels();
                assertThat(lastRequest().header(CUSTOM_HEADER)).contains("video-client");
                // the application's builder, as any other client of the application gets it
                assertThat(callWith(context.getBean(WebClient.Builder.class))).isNotNull();
                assertThat(lastRequest().header(CUSTOM_HEADER)).isEmpty();
            });
    }

    @Test
    void webClientCustomizerLeavesASharedBuilderBeanUntouched() {
        WebClient.Builder shared = WebClient.builder();
        this.contextRunner.withPropertyValues(simulatorProperties())
            .withBean("sharedWebClientBuilder", WebClient.Builder.class, () -> shared,
                    (definition) -> definition.setScope(ConfigurableBeanFactory.SCOPE_SINGLETON))
            .withBean(AiStatsWebClientCustomizer.class,
                    () -> (builder) -> builder.defaultHeader(CUSTOM_HEADER, "video-client"))
            .run((context) -> {
                assertThat(context.getBean(WebClient.Builder.class)).isSameAs(shared);
                context.getBean(VideoClient.class).listVideoModels();
                assertThat(lastRequest().header(CUSTOM_HEADER)).contains("video-client");
                callWith(shared);
                assertThat(lastRequest().header(CUSTOM_HEADER)).isEmpty();
            });
    }

    @Test
    void webClientBuilderIsResolvedOnTheFirstCallOnly() {
        AtomicInteger customizations = new AtomicInteger();
        this.contextRunner.withPropertyValues(simulatorProperties())
            .withBean(AiStatsWebClientCustomizer.class, () -> (builder) -> customizations.incrementAndGet())
            .run((context) -> {
                assertThat(customizations).as("at startup").hasValue(0);
                VideoClient client = context.getBean(VideoClient.class);
                client.listVideoModels();
                client.listVideoModels();
                client.withSettings((settings) -> settings.maxRetries(0)).listVideoModels();
                assertThat(customizations).as("after calls, derived client included").hasValue(1);
            });
    }

    @Test
    void webClientCustomizersAreAppliedInOrder() {
        this.contextRunner.withPropertyValues(simulatorProperties())
            .withUserConfiguration(WebClientCustomizersConfiguration.class)
            .run((context) -> {
                context.getBean(VideoClient.class).listVideoModels();
                assertThat(lastRequest().headers().get(CUSTOM_HEADER.toLowerCase(Locale.ROOT)))
                    .containsExactly("first", "second");
            });
    }

    @Test
    void bootWebClientCustomizersReachThisClient() {
        this.contextRunner.withPropertyValues(simulatorProperties())
            .withBean(WebClientCustomizer.class,
                    () -> (builder) -> builder.defaultHeader(CUSTOM_HEADER, "application-wide"))
            .run((context) -> {
                context.getBean(VideoClient.class).listVideoModels();
                assertThat(lastRequest().header(CUSTOM_HEADER)).contains("application-wide");
            });
    }

    @Test
    void callThroughAutoConfiguredClientReachesTheGateway() {
        this.contextRunner.withPropertyValues(simulatorProperties()).run((context) -> {
            VideoModelList models = context.getBean(VideoClient.class).listVideoModels();
            assertThat(models.data()).isNotEmpty();
            RecordedRequest request = lastRequest();
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/v1/videos/models");
            assertThat(request.header("Authorization")).hasValueSatisfying(
                    (authorization) -> assertThat(authorization).startsWith("Bearer "));
        });
    }

    @Test
    void worksWithoutWebClientAutoConfiguration() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AiStatsVideoAutoConfiguration.class))
            .withPropertyValues(simulatorProperties())
            .withBean(AiStatsWebClientCustomizer.class,
                    () -> (builder) -> builder.defaultHeader(CUSTOM_HEADER, "plain-builder"))
            .run((context) -> {
                assertThat(context).doesNotHaveBean(WebClient.Builder.class).hasSingleBean(VideoClient.class);
                VideoModelList models = context.getBean(VideoClient.class).listVideoModels();
                assertThat(models.data()).isNotEmpty();
                assertThat(lastRequest().header(CUSTOM_HEADER)).contains("plain-builder");
            });
    }

    @Test
    void missingApiKeyStartsAndFirstCallFailsNamingTheProperty() {
        this.contextRunner.withPropertyValues("ai-stats.base-url=" + simulator.baseUrl()).run((context) -> {
            assertThat(context).hasNotFailed().hasSingleBean(VideoClient.class);
            VideoClient client = context.getBean(VideoClient.class);
            assertThatExceptionOfType(AiStatsConfigurationException.class).isThrownBy(client::listVideoModels)
                .withMessageContaining("ai-stats.api-key");
            assertThat(simulator.requests()).isEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "not a url", "ftp://x", "/v1", "api.phaseo.app/v1", "https:///v1",
            "https://api.phaseo.app/v1?debug=1", "" })
    void malformedBaseUrlFailsStartupNamingTheProperty(String baseUrl) {
        this.contextRunner.withPropertyValues("ai-stats.base-url=" + baseUrl).run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageContaining("ai-stats.base-url");
        });
    }

    @Test
    void unsupportedSchemeFailureExplainsWhatIsExpected() {
        this.contextRunner.withPropertyValues("ai-stats.base-url=ftp://gateway.example.com/v1").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(rootCause(context.getStartupFailure()))
                .hasMessage("Property ai-stats.base-url with value 'ftp://gateway.example.com/v1' is invalid: "
                        + "baseUrl must be an absolute http or https URL with a host, was "
                        + "'ftp://gateway.example.com/v1'");
        });
    }

    @ParameterizedTest
    @CsvSource({ "ai-stats.connect-timeout, 0s", "ai-stats.response-timeout, -1s", "ai-stats.call-timeout, 0ms",
            "ai-stats.retry.initial-backoff, 0s", "ai-stats.retry.max-backoff, -5s", "ai-stats.retry.max-retries, -1" })
    void outOfRangeValueFailsStartupNamingTheProperty(String property, String value) {
        this.contextRunner.withPropertyValues(property + "=" + value).run((context) -> {
            assertThat(context).hasFailed();
            InvalidConfigurationPropertyValueException failure = rootCause(context.getStartupFailure());
            assertThat(failure.getName()).isEqualTo(property);
            assertThat(failure).hasMessageContaining(property);
        });
    }

    @Test
    void maxBackoffShorterThanDefaultInitialBackoffFailsStartupNamingMaxBackoff() {
        this.contextRunner.withPropertyValues("ai-stats.retry.max-backoff=100ms").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(rootCause(context.getStartupFailure()).getName()).isEqualTo("ai-stats.retry.max-backoff");
        });
    }

    @Test
    void initialBackoffLongerThanMaxBackoffFailsStartupNamingInitialBackoff() {
        this.contextRunner.withPropertyValues("ai-stats.retry.initial-backoff=20s", "ai-stats.retry.max-backoff=15s")
            .run((context) -> {
                assertThat(context).hasFailed();
                assertThat(rootCause(context.getStartupFailure()))
                    .hasMessageContaining("ai-stats.retry.initial-backoff")
                    .hasMessageContaining("maxBackoff must not be shorter than initialBackoff");
            });
    }

    @Test
    void initialBackoffBeyondTheDefaultMaxBackoffIsAcceptedWithALongerMaxBackoff() {
        this.contextRunner.withPropertyValues("ai-stats.retry.initial-backoff=20s", "ai-stats.retry.max-backoff=30s")
            .run((context) -> {
                VideoClientSettings settings = context.getBean(VideoClientSettings.class);
                assertThat(settings.initialBackoff()).isEqualTo(Duration.ofSeconds(20));
                assertThat(settings.maxBackoff()).isEqualTo(Duration.ofSeconds(30));
            });
    }

    @Test
    void logsBaseUrlAndKeyPresenceButNeverTheKey(CapturedOutput output) {
        this.contextRunner
            .withPropertyValues("ai-stats.base-url=https://gateway.example.com/v1",
                    "ai-stats.api-key=phaseo_v1_sk_abc123_topsecretvalue")
            .run((context) -> assertThat(context).hasNotFailed());
        assertThat(output).contains("AI Stats video client uses https://gateway.example.com/v1 with an API key")
            .doesNotContain("topsecretvalue");
    }

    @Test
    void logsBaseUrlWithoutEmbeddedCredentials(CapturedOutput output) {
        this.contextRunner.withPropertyValues("ai-stats.base-url=https://proxyuser:proxysecret@gateway.example.com/v1")
            .run((context) -> assertThat(context).hasNotFailed());
        assertThat(output).contains("AI Stats video client uses https://gateway.example.com/v1 without an API key")
            .doesNotContain("proxysecret");
    }

    @Test
    void logsThatNoKeyIsConfigured(CapturedOutput output) {
        this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
        assertThat(output).contains("AI Stats video client uses https://api.phaseo.app/v1 without an API key")
            .contains("ai-stats.api-key");
    }

    @Test
    void propertiesToStringHidesKeys() {
        this.contextRunner
            .withPropertyValues("ai-stats.api-key=phaseo_v1_sk_abc123_topsecretvalue",
                    "ai-stats.management-key=phaseo_v1_mk_abc123_othersecret")
            .run((context) -> assertThat(context.getBean(AiStatsProperties.class).toString())
                .doesNotContain("topsecretvalue")
                .doesNotContain("othersecret")
                .contains("apiKey=******", "managementKey=******"));
    }

    private static String[] simulatorProperties() {
        return new String[] { "ai-stats.base-url=" + simulator.baseUrl(), "ai-stats.api-key=" + simulator.apiKey() };
    }

    private static RecordedRequest lastRequest() {
        List<RecordedRequest> requests = simulator.requests();
        assertThat(requests).isNotEmpty();
        return requests.get(requests.size() - 1);
    }

    private static HttpStatusCode callWith(WebClient.Builder builder) {
        return builder.build()
            .get()
            .uri(simulator.baseUrl() + "/videos/models")
            .exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode()))
            .block(Duration.ofSeconds(10));
    }

    private static InvalidConfigurationPropertyValueException rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertThat(cause).isInstanceOf(InvalidConfigurationPropertyValueException.class);
        return (InvalidConfigurationPropertyValueException) cause;
    }

    @Configuration(proxyBeanMethods = false)
    static class SettingsCustomizersConfiguration {

        @Bean
        @Order(2)
        VideoClientSettingsCustomizer secondCustomizer() {
            return (builder) -> builder.defaultModel("from/second-customizer");
        }

        @Bean
        @Order(1)
        VideoClientSettingsCustomizer firstCustomizer() {
            return (builder) -> builder.defaultModel("from/first-customizer")
                .apiKey("phaseo_v1_sk_vault1_fromcustomizer");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class WebClientCustomizersConfiguration {

        @Bean
        @Order(2)
        AiStatsWebClientCustomizer secondWebClientCustomizer() {
            return (builder) -> builder.defaultHeaders((headers) -> headers.add(CUSTOM_HEADER, "second"));
        }

        @Bean
        @Order(1)
        AiStatsWebClientCustomizer firstWebClientCustomizer() {
            return (builder) -> builder.defaultHeaders((headers) -> headers.add(CUSTOM_HEADER, "first"));
        }
    }
}
