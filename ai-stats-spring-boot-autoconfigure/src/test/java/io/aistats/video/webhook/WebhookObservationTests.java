package io.aistats.video.webhook;

import io.aistats.test.WebhookSigner;
import io.aistats.video.event.DefaultVideoJobEventObservationConvention;
import io.aistats.video.event.EventSource;
import io.aistats.video.event.InMemoryProcessedEventStore;
import io.aistats.video.event.MutableClock;
import io.aistats.video.event.VideoJobEventDispatcher;
import io.aistats.video.event.VideoJobEventObservationContext;
import io.aistats.video.event.VideoJobEvents;
import io.aistats.video.event.VideoJobPhase;
import io.aistats.video.model.VideoJob;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.unit.DataSize;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code aistats.webhook.deliveries} and {@code aistats.video.events} observations of {@link WebhookProcessor}
 * and {@link VideoJobEventDispatcher}, driven with deliveries signed like the gateway's.
 */
class WebhookObservationTests {

    private static final String SECRET = "whsec_observation_secret";

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static final String DELIVERIES = DefaultWebhookDeliveryObservationConvention.NAME;

    private static final String EVENTS = DefaultVideoJobEventObservationConvention.NAME;

    private final TestObservationRegistry registry = TestObservationRegistry.create();

    private final MutableClock clock = new MutableClock(NOW);

    private final WebhookSigner signer = new WebhookSigner(SECRET);

    private final List<Object> published = new ArrayList<>();

    @Test
    void recordsAnAcceptedDeliveryAndItsEventWithTheListenersInScope() {
        List<Observation.Context> seenByListener = new ArrayList<>();
        WebhookProcessor processor = processor(dispatcher((event) -> {
            seenByListener.add(this.registry.getCurrentObservation().getContext());
            this.published.add(event);
        }));

        assertThat(deliver(processor, body("evt_video_G-1_video_completed", "video.completed")))
            .isEqualTo(WebhookOutcome.ACCEPTED);

        assertThat(this.registry).hasNumberOfObservationsEqualTo(2)
            .hasObservationWithNameEqualTo(DELIVERIES)
            .that()
            .hasContextualNameEqualTo("webhook delivery")
            .hasLowCardinalityKeyValue("outcome", "accepted")
            .hasLowCardinalityKeyValue("event.type", "video.completed")
            .doesNotHaveHighCardinalityKeyValueWithKey("event.id")
            .hasBeenStopped();
        assertThat(this.registry).hasObservationWithNameEqualTo(EVENTS)
            .that()
            .hasLowCardinalityKeyValue("source", "webhook")
            .hasLowCardinalityKeyValue("event.type", "video.completed")
            .hasLowCardinalityKeyValue("outcome", "published")
            .hasParentObservationContextMatching(WebhookDeliveryObservationContext.class::isInstance)
            .hasBeenStopped();
        assertThat(seenByListener).singleElement().isInstanceOf(VideoJobEventObservationContext.class);
    }

    @Test
    void recordsADuplicate() {
        WebhookProcessor processor = processor(dispatcher(this.published::add));
        byte[] body = body("evt_video_G-1_video_progress_50", "video.progress");
        deliver(processor, body);
        this.registry.clear();

        assertThat(deliver(processor, body)).isEqualTo(WebhookOutcome.DUPLICATE);

        assertThat(this.registry).hasObservationWithNameEqualTo(DELIVERIES)
            .that()
            .hasLowCardinalityKeyValue("outcome", "duplicate")
            .hasLowCardinalityKeyValue("event.type", "video.progress");
        assertThat(this.registry).hasObservationWithNameEqualTo(EVENTS)
            .that()
            .hasLowCardinalityKeyValue("outcome", "duplicate");
        assertThat(this.published).hasSize(1);
    }

    @Test
    void recordsEachRejectionByItsReasonWithoutAnEvent() {
        WebhookProcessor processor = new WebhookProcessor(verifier(), new WebhookDeliveryParser(),
                dispatcher(this.published::add), DataSize.ofKilobytes(1), null);
        processor.setObservationRegistry(this.registry);
        byte[] body = body("evt_video_G-1_video_completed", "video.completed");
        String timestamp = String.valueOf(NOW.getEpochSecond());
        String stale = String.valueOf(NOW.minus(Duration.ofHours(1)).getEpochSecond());
        byte[] notJson = "{not json".getBytes(StandardCharsets.UTF_8);
        byte[] tooLarge = new byte[1025];

        processor.process(null, this.signer.signature(timestamp, body), body);
        processor.process(timestamp, "0".repeat(64), body);
        processor.process(stale, this.signer.signature(stale, body), body);
        processor.process(timestamp, this.signer.signature(timestamp, notJson), notJson);
        processor.process(timestamp, this.signer.signature(timestamp, tooLarge), tooLarge);
        processor.tooLarge("Content-Length 2000000");

        assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo(DELIVERIES, 6)
            .hasNumberOfObservationsWithNameEqualTo(EVENTS, 0)
            .forAllObservationsWithNameEqualTo(DELIVERIES,
                    (observation) -> observation.hasLowCardinalityKeyValue("event.type", "none"));
        assertThat(outcomes(DELIVERIES)).containsExactlyInAnyOrder("invalid_headers", "rejected_signature",
                "rejected_stale", "malformed", "too_large", "too_large");
        assertThat(this.published).isEmpty();
    }

    @Test
    void recordsAListenerFailureOnTheDeliveryAndTheEvent() {
        WebhookProcessor processor = processor(dispatcher((event) -> {
            throw new IllegalStateException("database down");
        }));

        assertThat(deliver(processor, body("evt_video_G-1_video_failed", "video.failed")))
            .isEqualTo(WebhookOutcome.LISTENER_FAILED);

        assertThat(this.registry).hasObservationWithNameEqualTo(DELIVERIES)
            .that()
            .hasLowCardinalityKeyValue("outcome", "listener_failed")
            .hasLowCardinalityKeyValue("event.type", "video.failed");
        assertThat(this.registry).hasObservationWithNameEqualTo(EVENTS)
            .that()
            .hasLowCardinalityKeyValue("outcome", "listener_failed")
            .hasLowCardinalityKeyValue("event.type", "video.failed");
    }

    @Test
    void boundsUnknownEventTypesAsOther() {
        WebhookProcessor processor = processor(dispatcher(this.published::add));

        assertThat(deliver(processor, body("evt_video_G-1_video_archived", "video.archived_for_audit_42")))
            .isEqualTo(WebhookOutcome.ACCEPTED);

        assertThat(this.registry).forAllObservationsWithNameEqualTo(DELIVERIES,
                (observation) -> observation.hasLowCardinalityKeyValue("event.type", "other"))
            .forAllObservationsWithNameEqualTo(EVENTS,
                    (observation) -> observation.hasLowCardinalityKeyValue("event.type", "other"));
    }

    @Test
    void timesAQueuedEventUntilItsListenersRan() {
        Queue<Runnable> tasks = new ArrayDeque<>();
        WebhookProcessor processor = new WebhookProcessor(verifier(), new WebhookDeliveryParser(),
                dispatcher(this.published::add), DataSize.ofKilobytes(4), tasks::add);
        processor.setObservationRegistry(this.registry);

        assertThat(deliver(processor, body("evt_video_G-1_video_created", "video.created")))
            .isEqualTo(WebhookOutcome.QUEUED);

        assertThat(this.registry).hasObservationWithNameEqualTo(DELIVERIES)
            .that()
            .hasLowCardinalityKeyValue("outcome", "queued")
            .hasBeenStopped();
        assertThat(this.registry).hasObservationWithNameEqualTo(EVENTS).that().isNotStopped();
        tasks.remove().run();
        assertThat(this.registry).hasObservationWithNameEqualTo(EVENTS)
            .that()
            .hasLowCardinalityKeyValue("outcome", "published")
            .hasBeenStopped();
        assertThat(this.published).hasSize(1);
    }

    @Test
    void recordsUnavailableWhenTheExecutorRefuses() {
        WebhookProcessor processor = new WebhookProcessor(verifier(), new WebhookDeliveryParser(),
                dispatcher(this.published::add), DataSize.ofKilobytes(4), (task) -> {
                    throw new RejectedExecutionException("full");
                });
        processor.setObservationRegistry(this.registry);

        assertThat(deliver(processor, body("evt_video_G-1_video_created", "video.created")))
            .isEqualTo(WebhookOutcome.UNAVAILABLE);

        assertThat(outcomes(DELIVERIES)).containsExactly("unavailable");
        assertThat(outcomes(EVENTS)).containsExactly("rejected");
    }

    @Test
    void tagsEventsFromTheStreamAndPollingWithTheirSource() {
        VideoJobEventDispatcher dispatcher = dispatcher(this.published::add);
        VideoJob job = VideoJob.fromJson(Map.of("id", "G-7", "status", "completed"));

        dispatcher.dispatch(VideoJobEvents.observed(VideoJobPhase.COMPLETED, job, null, null, EventSource.STREAM,
                NOW));
        dispatcher.dispatch(VideoJobEvents.observed(VideoJobPhase.COMPLETED, job, null, null, EventSource.POLLING,
                NOW));

        assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo(EVENTS, 2)
            .hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("source", "stream")
                .hasLowCardinalityKeyValue("event.type", "video.completed")
                .hasLowCardinalityKeyValue("outcome", "published"))
            .hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("source", "polling")
                .hasLowCardinalityKeyValue("outcome", "duplicate"));
    }

    @Test
    void usesCustomConventions() {
        VideoJobEventDispatcher dispatcher = dispatcher(this.published::add);
        dispatcher.setObservationConvention(new DefaultVideoJobEventObservationConvention() {
            @Override
            public String getName() {
                return "custom.events";
            }
        });
        WebhookProcessor processor = processor(dispatcher);
        processor.setObservationConvention(new DefaultWebhookDeliveryObservationConvention() {
            @Override
            public String getName() {
                return "custom.deliveries";
            }
        });

        deliver(processor, body("evt_video_G-1_video_completed", "video.completed"));

        assertThat(this.registry).hasObservationWithNameEqualTo("custom.deliveries")
            .that()
            .hasLowCardinalityKeyValue("outcome", "accepted");
        assertThat(this.registry).hasObservationWithNameEqualTo("custom.events")
            .that()
            .hasLowCardinalityKeyValue("outcome", "published");
    }

    @Test
    void recordsNothingWithoutARegistry() {
        VideoJobEventDispatcher dispatcher = new VideoJobEventDispatcher(this.published::add,
                new InMemoryProcessedEventStore(), VideoJobEventDispatcher.DEFAULT_LEASE, null);
        WebhookProcessor processor = new WebhookProcessor(verifier(), new WebhookDeliveryParser(), dispatcher,
                WebhookProcessor.DEFAULT_MAX_PAYLOAD_SIZE, null);
        byte[] body = body("evt_video_G-1_video_completed", "video.completed");

        assertThat(deliver(processor, body)).isEqualTo(WebhookOutcome.ACCEPTED);
        assertThat(deliver(processor, body)).isEqualTo(WebhookOutcome.DUPLICATE);
        assertThat(this.published).hasSize(1);
        assertThat(this.registry).doesNotHaveAnyObservation();
    }

    private VideoJobEventDispatcher dispatcher(ApplicationEventPublisher publisher) {
        VideoJobEventDispatcher dispatcher = new VideoJobEventDispatcher(publisher,
                new InMemoryProcessedEventStore(100, Duration.ofHours(1), this.clock),
                VideoJobEventDispatcher.DEFAULT_LEASE, null);
        dispatcher.setObservationRegistry(this.registry);
        return dispatcher;
    }

    private WebhookProcessor processor(VideoJobEventDispatcher dispatcher) {
        WebhookProcessor processor = new WebhookProcessor(verifier(), new WebhookDeliveryParser(), dispatcher,
                WebhookProcessor.DEFAULT_MAX_PAYLOAD_SIZE, null);
        processor.setObservationRegistry(this.registry);
        return processor;
    }

    private WebhookVerifier verifier() {
        return new WebhookVerifier(List.of(SECRET), Duration.ofMinutes(5), this.clock);
    }

    private WebhookOutcome deliver(WebhookProcessor processor, byte[] body) {
        Map<String, String> headers = this.signer.headers(body, NOW.getEpochSecond());
        return processor.process(headers.get("x-phaseo-timestamp"), headers.get("x-phaseo-signature"), body);
    }

    private List<String> outcomes(String name) {
        List<String> outcomes = new ArrayList<>();
        assertThat(this.registry).hasHandledContextsThatSatisfy((contexts) -> contexts.stream()
            .filter((context) -> name.equals(context.getName()))
            .forEach((context) -> outcomes.add(context.getLowCardinalityKeyValue("outcome").getValue())));
        return outcomes;
    }

    private static byte[] body(String eventId, String type) {
        String json = "{\"id\":\"" + eventId + "\",\"type\":\"" + type + "\",\"created_at\":" + NOW.getEpochSecond()
                + ",\"delivery\":{\"key\":\"" + type + "\",\"attempt\":1,\"max_attempts\":4},"
                + "\"data\":{\"id\":\"G-1\",\"object\":\"video\",\"kind\":\"video\",\"status\":\"completed\"}}";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
