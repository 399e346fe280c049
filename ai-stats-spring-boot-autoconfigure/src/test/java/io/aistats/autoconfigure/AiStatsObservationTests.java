package io.aistats.autoconfigure;

import io.aistats.autoconfigure.webhook.AiStatsWebhookAutoConfiguration;
import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.test.AiStatsSimulatorExtension;
import io.aistats.test.WebhookSigner;
import io.aistats.video.VideoClient;
import io.aistats.video.error.NotFoundException;
import io.aistats.video.error.VideoCancellationUnsupportedException;
import io.aistats.video.event.DefaultVideoJobEventObservationConvention;
import io.aistats.video.event.VideoJobEventObservationConvention;
import io.aistats.video.model.VideoGenerationRequest;
import io.aistats.video.observation.DefaultVideoOperationObservationConvention;
import io.aistats.video.observation.VideoOperationObservationConvention;
import io.aistats.video.webhook.DefaultWebhookDeliveryObservationConvention;
import io.aistats.video.webhook.WebhookDeliveryObservationConvention;
import io.aistats.video.webhook.WebhookOutcome;
import io.aistats.video.webhook.WebhookProcessor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The starter's observations in a Spring Boot application: wired from Boot's {@code ObservationRegistry}, turned into
 * timers by Boot's metrics, and absent without either.
 */
class AiStatsObservationTests {

    private static final String SECRET = "whsec_observation_secret";

    @RegisterExtension
    static final AiStatsSimulatorExtension gateway =
            AiStatsSimulatorExtension.of(AiStatsGatewaySimulator.Builder::manualClock);

    private static AiStatsGatewaySimulator simulator;

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, AiStatsVideoAutoConfiguration.class,
                AiStatsWebhookAutoConfiguration.class))
        .withPropertyValues("ai-stats.base-url=" + simulator.baseUrl(), "ai-stats.api-key=" + simulator.apiKey(),
                "ai-stats.webhook.secret=" + SECRET);

    private final ApplicationContextRunner observedRunner = this.contextRunner.withConfiguration(AutoConfigurations
        .of(ObservationAutoConfiguration.class, WebClientObservationAutoConfiguration.class));

    @BeforeAll
    static void startSimulator() {
        simulator = gateway.simulator();
    }

    @Test
    void bootsMetricsRecordTimersWithLowCardinalityTags() {
        this.observedRunner
            .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                    CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
            .run((context) -> {
                MeterRegistry meters = context.getBean(MeterRegistry.class);
                assertThat(meters).isInstanceOf(SimpleMeterRegistry.class);
                VideoClient client = context.getBean(VideoClient.class);
                String videoId = client.generateVideo(VideoGenerationRequest.of("A harbour at dawn")).id();
                client.getVideo(videoId);
                assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> client.getVideo("G-missing"));
                deliverTwice(context);

                assertThat(timer(meters, "http.client.requests", "method", "GET", "uri", "/v1/videos/{id}", "status",
                        "200", "outcome", "SUCCESS").count()).isOne();
                assertThat(timer(meters, "http.client.requests", "method", "POST", "uri", "/v1/videos").count())
                    .isOne();
                assertThat(meters.find("http.client.requests").timers()).allSatisfy((timer) -> assertThat(
                        timer.getId().getTag("uri")).doesNotContain(videoId).doesNotContain("G-missing"));
                assertThat(timer(meters, "aistats.video.operation", "operation", "generate", "outcome", "success",
                        "error.type", "none").count()).isOne();
                assertThat(timer(meters, "aistats.video.operation", "operation", "get", "outcome", "success",
                        "error.type", "none").count()).isOne();
                assertThat(timer(meters, "aistats.video.operation", "operation", "get", "outcome", "error",
                        "error.type", "NotFoundException").count()).isOne();
                assertThat(timer(meters, "aistats.webhook.deliveries", "outcome", "accepted", "event.type",
                        "video.completed").count()).isOne();
                assertThat(timer(meters, "aistats.webhook.deliveries", "outcome", "duplicate", "event.type",
                        "video.completed").count()).isOne();
                assertThat(timer(meters, "aistats.video.events", "source", "webhook", "event.type",
                        "video.completed", "outcome", "published").count()).isOne();
                assertThat(timer(meters, "aistats.video.events", "source", "webhook", "outcome", "duplicate")
                    .count()).isOne();
            });
    }

    @Test
    void theApplicationsRegistrySeesTheClientAndItsHttpExchanges() {
        this.observedRunner.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
            .run((context) -> {
                TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
                VideoClient client = context.getBean(VideoClient.class);
                String videoId = client.generateVideo(VideoGenerationRequest.of("A tram in the fog")).id();
                registry.clear();

                assertThatExceptionOfType(VideoCancellationUnsupportedException.class)
                    .isThrownBy(() -> client.cancelVideo(videoId));

                assertThat(registry).hasNumberOfObservationsEqualTo(2)
                    .hasObservationWithNameEqualTo("aistats.video.operation")
                    .that()
                    .hasLowCardinalityKeyValue("operation", "cancel")
                    .hasLowCardinalityKeyValue("outcome", "error")
                    .hasLowCardinalityKeyValue("error.type", "VideoCancellationUnsupportedException");
                assertThat(registry).hasObservationWithNameEqualTo("http.client.requests")
                    .that()
                    .hasLowCardinalityKeyValue("method", "POST")
                    .hasLowCardinalityKeyValue("uri", "/v1/videos/{id}/cancel")
                    .hasLowCardinalityKeyValue("status", "501");
            });
    }

    @Test
    void conventionBeansNameTheObservations() {
        this.observedRunner.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
            .withBean(VideoOperationObservationConvention.class, () -> named("app.video"))
            .withBean(WebhookDeliveryObservationConvention.class, AppWebhookConvention::new)
            .withBean(VideoJobEventObservationConvention.class, AppEventConvention::new)
            .run((context) -> {
                TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
                context.getBean(VideoClient.class).listVideoModels();
                deliverTwice(context);

                assertThat(registry).hasNumberOfObservationsWithNameEqualTo("app.video", 1)
                    .hasNumberOfObservationsWithNameEqualTo("app.webhook", 2)
                    .hasNumberOfObservationsWithNameEqualTo("app.events", 2)
                    .hasNumberOfObservationsWithNameEqualTo("aistats.video.operation", 0);
            });
    }

    @Test
    void everythingWorksWithoutAnObservationRegistry() {
        this.contextRunner.run((context) -> {
            assertThat(context).doesNotHaveBean(ObservationRegistry.class);
            VideoClient client = context.getBean(VideoClient.class);
            assertThat(client.listVideoModels().data()).isNotEmpty();
            deliverTwice(context);
        });
    }

    /** Delivers one signed event twice: accepted, then a duplicate. */
    private static void deliverTwice(AssertableApplicationContext context) {
        WebhookProcessor processor = context.getBean(WebhookProcessor.class);
        String body = "{\"id\":\"evt_video_G-9_video_completed\",\"type\":\"video.completed\",\"created_at\":"
                + Instant.now().getEpochSecond() + ",\"delivery\":{\"key\":\"video.completed\",\"attempt\":1,"
                + "\"max_attempts\":4},\"data\":{\"id\":\"G-9\",\"object\":\"video\",\"status\":\"completed\"}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new WebhookSigner(SECRET).headers(bytes, Instant.now().getEpochSecond());
        String timestamp = headers.get("x-phaseo-timestamp");
        String signature = headers.get("x-phaseo-signature");
        assertThat(processor.process(timestamp, signature, bytes)).isEqualTo(WebhookOutcome.ACCEPTED);
        assertThat(processor.process(timestamp, signature, bytes)).isEqualTo(WebhookOutcome.DUPLICATE);
    }

    private static VideoOperationObservationConvention named(String name) {
        return new DefaultVideoOperationObservationConvention() {
            @Override
            public String getName() {
                return name;
            }
        };
    }

    private static Timer timer(MeterRegistry meters, String name, String... tags) {
        return meters.get(name).tags(tags).timer();
    }

    static class AppWebhookConvention extends DefaultWebhookDeliveryObservationConvention {

        @Override
        public String getName() {
            return "app.webhook";
        }
    }

    static class AppEventConvention extends DefaultVideoJobEventObservationConvention {

        @Override
        public String getName() {
            return "app.events";
        }
    }
}
