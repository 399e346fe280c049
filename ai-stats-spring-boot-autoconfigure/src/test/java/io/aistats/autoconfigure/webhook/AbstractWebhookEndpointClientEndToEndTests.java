package io.aistats.autoconfigure.webhook;

import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.test.SimulatedDelivery;
import io.aistats.video.VideoClient;
import io.aistats.video.VideoClientSettings;
import io.aistats.video.event.EventSource;
import io.aistats.video.event.StatusChange;
import io.aistats.video.event.VideoJobCompletedEvent;
import io.aistats.video.event.VideoJobCreatedEvent;
import io.aistats.video.event.VideoJobEvent;
import io.aistats.video.event.VideoJobFailedEvent;
import io.aistats.video.event.VideoJobStatusChangedEvent;
import io.aistats.video.model.VideoGenerationRequest;
import io.aistats.video.model.VideoJob;
import io.aistats.video.model.VideoJobError;
import io.aistats.video.model.VideoStatus;
import io.aistats.video.model.VideoWebhookState;
import io.aistats.video.webhook.endpoint.ReactiveWebhookEndpointClient;
import io.aistats.video.webhook.endpoint.WebhookEndpoint;
import io.aistats.video.webhook.endpoint.WebhookEndpointClient;
import io.aistats.video.webhook.endpoint.WebhookEndpointCreateRequest;
import io.aistats.video.webhook.endpoint.WebhookEndpointUpdate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole webhook path over real sockets: an endpoint created through the {@link WebhookEndpointClient} on a gateway
 * simulator, the application's receiver (auto-configured with that endpoint's signing secret), a job created through
 * the application's {@link VideoClient} and driven by the simulator's manual clock, and the application's
 * {@code @EventListener}s receiving the gateway's signed deliveries as typed events. Each test class starts a gateway
 * of its own. Subclasses choose the web stack.
 */
@SpringBootTest(classes = AbstractWebhookEndpointClientEndToEndTests.EndpointEventsApplication.class,
        webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class AbstractWebhookEndpointClientEndToEndTests {

    static final String[] ALL_EVENTS = { "video.created", "video.status_changed", "video.progress",
            "video.completed", "video.failed", "video.cancelled", "video.expired" };

    private static final Duration IDLE = Duration.ofSeconds(10);

    private static Gateway started;

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @Autowired
    private WebhookEndpointClient endpoints;

    @Autowired
    private VideoClient videos;

    @Autowired
    private EventRecorder recorder;

    /** @return the web stack of the concrete test class */
    abstract WebStack stack();

    @BeforeAll
    static void startGateway() {
        started = Gateway.start();
    }

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        // called when the application starts, after the test class started its gateway
        started.register(registry);
    }

    @AfterAll
    static void stopGateway() {
        started.close();
    }

    /** @return the gateway of the running test class */
    static Gateway gateway() {
        return started;
    }

    @BeforeEach
    void pointTheEndpointAtThisApplication() {
        String url = "http://127.0.0.1:" + this.port + "/ai-stats/webhooks";
        WebhookEndpoint endpoint = this.endpoints.update(gateway().endpoint().id(),
                WebhookEndpointUpdate.empty().withUrl(url));
        assertThat(endpoint.url()).isEqualTo(url);
        assertThat(endpoint.isActive()).isTrue();
    }

    @Test
    void receivesWithThisStacksHandler() {
        assertThat(this.context.getBeansOfType(stack().handlerType())).hasSize(1);
    }

    @Test
    void listenersReceiveTheGatewaysDeliveriesAsTypedEvents() {
        AiStatsGatewaySimulator simulator = gateway().simulator();
        VideoJob job = this.videos.generateVideo(VideoGenerationRequest.builder()
            .prompt("A paper boat drifting down a rain-soaked street at dusk")
            .webhook(gateway().endpoint().id(), ALL_EVENTS)
            .build());
        String id = job.id();
        idle();
        assertThat(this.recorder.of(id)).singleElement().isInstanceOfSatisfying(VideoJobCreatedEvent.class,
                (created) -> {
                    assertThat(created.eventId()).isEqualTo("evt_video_" + id + "_video_created");
                    assertThat(created.videoId()).isEqualTo(id);
                    assertThat(created.source()).isEqualTo(EventSource.WEBHOOK);
                    assertThat(created.attempt()).isEqualTo(1);
                    assertThat(created.job().status()).isEqualTo(VideoStatus.QUEUED);
                });

        simulator.clock().advance(Duration.ofSeconds(1));
        idle();
        simulator.clock().advance(Duration.ofSeconds(3));
        idle();

        List<VideoJobEvent> events = this.recorder.of(id);
        assertThat(events).extracting(VideoJobEvent::eventId).doesNotHaveDuplicates().containsExactlyInAnyOrder(
                "evt_video_" + id + "_video_created",
                "evt_video_" + id + "_video_status_changed_queued_in_progress",
                "evt_video_" + id + "_video_status_changed_in_progress_completed",
                "evt_video_" + id + "_video_completed");
        assertThat(events).allSatisfy((event) -> {
            assertThat(event.videoId()).isEqualTo(id);
            assertThat(event.source()).isEqualTo(EventSource.WEBHOOK);
        });
        assertThat(events).filteredOn(VideoJobStatusChangedEvent.class::isInstance)
            .extracting(VideoJobEvent::statusChange)
            .containsExactlyInAnyOrder(new StatusChange("queued", "in_progress"),
                    new StatusChange("in_progress", "completed"));
        assertThat(events).filteredOn(VideoJobCompletedEvent.class::isInstance).singleElement()
            .satisfies((completed) -> {
                assertThat(completed.eventType()).isEqualTo("video.completed");
                assertThat(completed.deliveryKey()).isEqualTo("video.completed");
                assertThat(completed.job().status()).isEqualTo(VideoStatus.COMPLETED);
                assertThat(completed.job().downloadUrl()).contains("/v1/videos/" + id + "/content?");
            });

        assertThat(simulator.webhooks().deliveries(id)).hasSize(4).allSatisfy((delivery) -> {
            assertThat(delivery.outcome()).isEqualTo(SimulatedDelivery.DELIVERED);
            assertThat(delivery.responseStatus()).isEqualTo(200);
        });
        VideoWebhookState.Delivery delivery = this.videos.getVideo(id).webhook().delivery();
        assertThat(delivery.deliveredEvents()).isEqualTo(4);
        assertThat(delivery.lastAttemptStatus()).isEqualTo("delivered");
    }

    @Test
    void aFailingListenerGetsTheEventAgainWhenTheGatewayRetries() {
        AiStatsGatewaySimulator simulator = gateway().simulator();
        VideoJob job = this.videos.generateVideo(VideoGenerationRequest.builder()
            .prompt("A lighthouse in a storm")
            .webhook(gateway().endpoint().id(), "video.completed")
            .build());
        String id = job.id();
        this.recorder.failOnce(VideoJobCompletedEvent.class);
        simulator.clock().advance(Duration.ofSeconds(4));
        idle();
        assertThat(this.recorder.of(id)).isEmpty();
        assertThat(simulator.webhooks().deliveries(id)).singleElement().satisfies((delivery) -> {
            assertThat(delivery.eventType()).isEqualTo("video.completed");
            assertThat(delivery.outcome()).isEqualTo(SimulatedDelivery.SCHEDULED_RETRY);
            assertThat(delivery.responseStatus()).isEqualTo(500);
        });

        simulator.clock().advance(Duration.ofSeconds(59));
        idle();
        assertThat(simulator.webhooks().deliveries(id)).hasSize(1);
        simulator.clock().advance(Duration.ofSeconds(1));
        idle();
        assertThat(this.recorder.of(id)).singleElement().isInstanceOfSatisfying(VideoJobCompletedEvent.class,
                (completed) -> {
                    assertThat(completed.eventId()).isEqualTo("evt_video_" + id + "_video_completed");
                    assertThat(completed.attempt()).isEqualTo(2);
                });
        assertThat(simulator.webhooks().deliveries(id)).extracting(SimulatedDelivery::outcome)
            .containsExactly(SimulatedDelivery.SCHEDULED_RETRY, SimulatedDelivery.DELIVERED);

        assertThat(this.videos.getVideo(id).webhook().delivery().pendingRetries()).as("nothing more to send")
            .isZero();
        assertThat(this.recorder.of(id)).as("published once").hasSize(1);
    }

    @Test
    void aFailedJobsDeliveryCarriesTheProvidersReason() {
        AiStatsGatewaySimulator simulator = gateway().simulator();
        VideoJob job = this.videos.generateVideo(VideoGenerationRequest.builder()
            .prompt("A storm over the harbour")
            .webhook(gateway().endpoint().id(), "video.failed")
            .build());
        String id = job.id();

        simulator.jobs().fail(id, "The provider refused the prompt.");
        idle();

        assertThat(this.recorder.of(id)).singleElement().isInstanceOfSatisfying(VideoJobFailedEvent.class,
                (failed) -> {
                    assertThat(failed.job().status()).isEqualTo(VideoStatus.FAILED);
                    assertThat(failed.job().error()).as("deliveries carry no error member").isNull();
                    VideoJobError reason = failed.failureReason();
                    assertThat(reason).isNotNull().isEqualTo(failed.job().upstreamError());
                    assertThat(reason.code()).isEqualTo("video_generation_failed");
                    assertThat(reason.message()).isEqualTo("The provider refused the prompt.");
                });
        assertThat(this.videos.getVideo(id).failureReason().message()).isEqualTo("The provider refused the prompt.");
    }

    private void idle() {
        gateway().simulator().webhooks().awaitIdle(IDLE);
    }

    /**
     * A simulator with manual clock and local webhook URLs, and an endpoint created on it through the client before
     * the application starts (its secret configures the application's receiver).
     * @param simulator the simulator
     * @param endpoint the endpoint, with its signing secret
     */
    record Gateway(AiStatsGatewaySimulator simulator, WebhookEndpoint endpoint) implements AutoCloseable {

        static Gateway start() {
            AiStatsGatewaySimulator simulator = AiStatsGatewaySimulator.builder().manualClock()
                .allowLocalWebhookUrls(true).start();
            VideoClientSettings settings = VideoClientSettings.builder().baseUrl(simulator.baseUrl()).build();
            WebhookEndpointClient client = new WebhookEndpointClient(new ReactiveWebhookEndpointClient(
                    WebClient::builder, settings, simulator.managementKey()));
            // the application's port is not known yet: the endpoint is pointed at it before each test
            WebhookEndpoint endpoint = client.create(WebhookEndpointCreateRequest
                .of("http://127.0.0.1:9/ai-stats/webhooks")
                .withName("End-to-end receiver")
                .withEvents(ALL_EVENTS));
            return new Gateway(simulator, endpoint);
        }

        void register(DynamicPropertyRegistry registry) {
            registry.add("ai-stats.base-url", () -> this.simulator.baseUrl().toString());
            registry.add("ai-stats.api-key", this.simulator::apiKey);
            registry.add("ai-stats.management-key", this.simulator::managementKey);
            registry.add("ai-stats.webhook.secret", this.endpoint::signingSecret);
        }

        @Override
        public void close() {
            this.simulator.close();
        }
    }

    /**
     * The application: the starter's auto-configuration and a listener.
     */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class EndpointEventsApplication {

        @Bean
        EventRecorder eventRecorder() {
            return new EventRecorder();
        }
    }

    /**
     * Records every {@link VideoJobEvent}, and can fail once on an event type, as a listener whose database is down.
     */
    static class EventRecorder {

        private final List<VideoJobEvent> events = new CopyOnWriteArrayList<>();

        private final AtomicReference<Class<? extends VideoJobEvent>> failOnce = new AtomicReference<>();

        @EventListener
        void on(VideoJobEvent event) {
            Class<? extends VideoJobEvent> failing = this.failOnce.get();
            if (failing != null && failing.isInstance(event) && this.failOnce.compareAndSet(failing, null)) {
                throw new IllegalStateException("Listener down for " + event.eventId());
            }
            this.events.add(event);
        }

        void failOnce(Class<? extends VideoJobEvent> type) {
            this.failOnce.set(type);
        }

        List<VideoJobEvent> of(String videoId) {
            return this.events.stream().filter((event) -> event.videoId().equals(videoId)).toList();
        }
    }
}
