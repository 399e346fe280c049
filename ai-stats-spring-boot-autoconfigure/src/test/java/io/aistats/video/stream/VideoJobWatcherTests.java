package io.aistats.video.stream;

import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.test.WebhookSigner;
import io.aistats.video.ReactiveVideoClient;
import io.aistats.video.event.EventSource;
import io.aistats.video.event.InMemoryProcessedEventStore;
import io.aistats.video.event.ProcessedEventStore;
import io.aistats.video.event.VideoJobCompletedEvent;
import io.aistats.video.event.VideoJobCreatedEvent;
import io.aistats.video.event.VideoJobEvent;
import io.aistats.video.event.VideoJobEventDispatcher;
import io.aistats.video.event.VideoJobEvents;
import io.aistats.video.event.VideoJobExpiredEvent;
import io.aistats.video.event.VideoJobFailedEvent;
import io.aistats.video.event.VideoJobPhase;
import io.aistats.video.event.VideoJobStatusChangedEvent;
import io.aistats.video.model.VideoJob;
import io.aistats.video.model.VideoStatus;
import io.aistats.video.model.WebSocketUrlOptions;
import io.aistats.video.webhook.WebhookDeliveryParser;
import io.aistats.video.webhook.WebhookOutcome;
import io.aistats.video.webhook.WebhookProcessor;
import io.aistats.video.webhook.WebhookVerifier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The job watcher against the gateway simulator over real sockets: the events it publishes and their ids, its
 * agreement with the webhook path, its concurrency bound, timeouts and shutdown.
 */
class VideoJobWatcherTests {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static final String SECRET = "whsec_c3RyZWFtLXRlc3Qtc2VjcmV0LWZvci13YXRjaGVyLXRlc3Rz";

    private final BlockingQueue<VideoJobEvent> published = new LinkedBlockingQueue<>();

    /** Completes when the dispatcher records an event id, which happens only after every listener returned. */
    private final Map<String, CompletableFuture<Void>> recorded = new ConcurrentHashMap<>();

    private final VideoJobEventDispatcher dispatcher = new VideoJobEventDispatcher(
            (event) -> this.published.add((VideoJobEvent) event),
            new ProcessedEventStore() {

                private final ProcessedEventStore store = new InMemoryProcessedEventStore(10_000,
                        Duration.ofHours(1), Clock.systemUTC());

                @Override
                public Claim claim(String eventId, Duration lease) {
                    return this.store.claim(eventId, lease);
                }

                @Override
                public void complete(String eventId) {
                    this.store.complete(eventId);
                    recordedFuture(eventId).complete(null);
                }

                @Override
                public void release(String eventId) {
                    this.store.release(eventId);
                }

            }, VideoJobEventDispatcher.DEFAULT_LEASE, null);

    private AiStatsGatewaySimulator simulator;

    private ReactiveVideoClient client;

    private VideoJobWatcher watcher;

    @BeforeEach
    void start() {
        this.simulator = AiStatsGatewaySimulator.builder().manualClock(T0).start();
        this.client = StreamTestSupport.client(this.simulator);
        this.watcher = watcher(10, Duration.ofMinutes(1));
    }

    @AfterEach
    void stop() {
        this.watcher.close();
        this.simulator.close();
    }

    @Test
    void publishesEachPhaseWithTheEventIdOfTheGatewaysWebhook() throws Exception {
        VideoJob job = StreamTestSupport.createJob(this.client);
        String id = job.id();

        VideoJobWatch watch = this.watcher.watch(job);
        VideoJobEvent created = nextEvent();
        this.simulator.clock().advance(Duration.ofSeconds(1));
        VideoJobEvent started = nextEvent();
        this.simulator.clock().advance(Duration.ofSeconds(3));
        VideoJobEvent finished = nextEvent();
        VideoJobEvent completed = nextEvent();

        assertThat(created).isInstanceOf(VideoJobCreatedEvent.class);
        assertThat(created.eventId()).isEqualTo("evt_video_" + id + "_video_created");
        assertThat(started).isInstanceOf(VideoJobStatusChangedEvent.class);
        assertThat(started.eventId()).isEqualTo("evt_video_" + id + "_video_status_changed_queued_in_progress");
        assertThat(started.deliveryKey()).isEqualTo("video.status_changed:queued:in_progress");
        assertThat(started.statusChange()).isNotNull();
        assertThat(started.statusChange().previousStatus()).isEqualTo("queued");
        assertThat(started.statusChange().status()).isEqualTo("in_progress");
        assertThat(finished.eventId()).isEqualTo("evt_video_" + id + "_video_status_changed_in_progress_completed");
        assertThat(completed).isInstanceOf(VideoJobCompletedEvent.class);
        assertThat(completed.eventId()).isEqualTo("evt_video_" + id + "_video_completed");
        assertThat(completed.job().status()).isEqualTo(VideoStatus.COMPLETED);
        for (VideoJobEvent event : List.of(created, started, finished, completed)) {
            assertThat(event.eventId()).isEqualTo(VideoJobEvents.eventId(id, event.deliveryKey()));
            assertThat(event.source()).isEqualTo(EventSource.STREAM);
            assertThat(event.videoId()).isEqualTo(id);
        }
        assertThat(watch.whenDone().get(10, TimeUnit.SECONDS).state()).isEqualTo(VideoJobWatch.State.FINISHED);
        assertThat(watch.lastJob().status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(this.watcher.activeWatches()).isZero();
        assertThat(this.published).isEmpty();
    }

    @Test
    void aJobWatchedByIdThatIsAlreadyRunningReportsNoInventedTransition() throws Exception {
        String id = StreamTestSupport.createJob(this.client).id();
        this.simulator.clock().advance(Duration.ofSeconds(1));

        VideoJobWatch watch = this.watcher.watch(id);
        assertThat(this.simulator.streams().awaitOpened(1, StreamTestSupport.WAIT)).isTrue();
        this.simulator.jobs().fail(id, "The provider failed to generate the video.");

        VideoJobEvent failedChange = nextEvent();
        VideoJobEvent failed = nextEvent();
        assertThat(failedChange.eventId()).isEqualTo("evt_video_" + id + "_video_status_changed_in_progress_failed");
        assertThat(failed).isInstanceOfSatisfying(VideoJobFailedEvent.class, (event) -> assertThat(
                event.failureReason().message()).as("the stream data's upstream_error")
            .isEqualTo("The provider failed to generate the video."));
        assertThat(failed.eventId()).isEqualTo("evt_video_" + id + "_video_failed");
        assertThat(watch.whenDone().get(10, TimeUnit.SECONDS).state()).isEqualTo(VideoJobWatch.State.FINISHED);
        assertThat(this.published).as("no created event for a job first seen running").isEmpty();
    }

    @Test
    void anExpiredJobEndsItsWatch() throws Exception {
        String id = StreamTestSupport.createJob(this.client).id();
        VideoJobWatch watch = this.watcher.watch(id);
        assertThat(nextEvent().phase()).isEqualTo(VideoJobPhase.CREATED);

        this.simulator.jobs().expire(id);

        assertThat(nextEvent().eventId()).isEqualTo("evt_video_" + id + "_video_status_changed_queued_expired");
        assertThat(nextEvent()).isInstanceOf(VideoJobExpiredEvent.class);
        assertThat(watch.whenDone().get(10, TimeUnit.SECONDS).state()).isEqualTo(VideoJobWatch.State.FINISHED);
    }

    @Test
    void phasesSeenByWebhookAndByTheWatcherReachTheListenersOnce() throws Exception {
        WebhookProcessor processor = new WebhookProcessor(new WebhookVerifier(List.of(SECRET), Duration.ofMinutes(5),
                Clock.systemUTC()), new WebhookDeliveryParser(), this.dispatcher,
                WebhookProcessor.DEFAULT_MAX_PAYLOAD_SIZE, null);
        VideoJob job = StreamTestSupport.createJob(this.client);
        String id = job.id();
        List<WebhookOutcome> outcomes = new ArrayList<>();

        // the webhook is first for created, the watcher first for the rest
        outcomes.add(deliver(processor, id, "video.created", "video.created", null, null));
        VideoJobEvent created = nextEvent();
        VideoJobWatch watch = this.watcher.watch(job);
        assertThat(this.simulator.streams().awaitOpened(1, StreamTestSupport.WAIT)).isTrue();
        this.simulator.clock().advance(Duration.ofSeconds(1));
        VideoJobEvent started = nextEvent();
        // the listener saw the event before the dispatcher recorded it: a delivery in between would be IN_FLIGHT
        awaitRecorded(started);
        outcomes.add(deliver(processor, id, "video.status_changed", "video.status_changed:queued:in_progress",
                "queued", "in_progress"));
        this.simulator.clock().advance(Duration.ofSeconds(3));
        VideoJobEvent finished = nextEvent();
        VideoJobEvent completed = nextEvent();
        awaitRecorded(finished);
        awaitRecorded(completed);
        outcomes.add(deliver(processor, id, "video.completed", "video.completed", null, null));
        outcomes.add(deliver(processor, id, "video.status_changed", "video.status_changed:in_progress:completed",
                "in_progress", "completed"));
        assertThat(watch.whenDone().get(10, TimeUnit.SECONDS).state()).isEqualTo(VideoJobWatch.State.FINISHED);

        assertThat(this.published).as("nothing published twice").isEmpty();
        assertThat(created.source()).isEqualTo(EventSource.WEBHOOK);
        assertThat(created.eventId()).isEqualTo("evt_video_" + id + "_video_created");
        assertThat(outcomes).containsExactly(WebhookOutcome.ACCEPTED, WebhookOutcome.DUPLICATE,
                WebhookOutcome.DUPLICATE, WebhookOutcome.DUPLICATE);
        assertThat(List.of(started, finished, completed)).extracting(VideoJobEvent::source)
            .containsOnly(EventSource.STREAM);
        assertThat(List.of(started.eventId(), finished.eventId(), completed.eventId())).containsExactly(
                "evt_video_" + id + "_video_status_changed_queued_in_progress",
                "evt_video_" + id + "_video_status_changed_in_progress_completed",
                "evt_video_" + id + "_video_completed");
    }

    @Test
    void aWatchOfAnAlreadyWatchedJobIsTheSameWatch() {
        String id = StreamTestSupport.createJob(this.client).id();

        VideoJobWatch first = this.watcher.watch(id);
        VideoJobWatch second = this.watcher.watch(id);

        assertThat(second).isSameAs(first);
        assertThat(this.watcher.activeWatches()).isOne();
    }

    @Test
    void manyJobsAreWatchedToTheirEndWithoutExceedingTheConcurrencyBound() throws Exception {
        this.watcher.close();
        this.watcher = watcher(10, Duration.ofMinutes(1));
        List<VideoJobWatch> watches = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            watches.add(this.watcher.watch(StreamTestSupport.createJob(this.client)));
        }
        assertThat(this.watcher.activeWatches()).isEqualTo(10);
        assertThat(this.watcher.queuedWatches()).isEqualTo(40);
        assertThat(watches.subList(10, 50)).extracting(VideoJobWatch::state).containsOnly(VideoJobWatch.State.QUEUED);
        assertThat(this.simulator.streams().awaitOpened(10, StreamTestSupport.WAIT)).isTrue();

        this.simulator.clock().advance(Duration.ofSeconds(4));

        CompletableFuture.allOf(watches.stream().map(VideoJobWatch::whenDone).toArray(CompletableFuture[]::new))
            .get(30, TimeUnit.SECONDS);
        assertThat(watches).extracting(VideoJobWatch::state).containsOnly(VideoJobWatch.State.FINISHED);
        assertThat(this.simulator.streams().peakOpenCount()).isLessThanOrEqualTo(10);
        assertThat(this.simulator.streams().openedCount()).isEqualTo(50);
        Set<String> completedIds = new HashSet<>();
        List<VideoJobEvent> all = new ArrayList<>();
        this.published.drainTo(all);
        for (VideoJobEvent event : all) {
            if (event instanceof VideoJobCompletedEvent) {
                completedIds.add(event.videoId());
            }
        }
        assertThat(completedIds).hasSize(50);
        assertThat(all).extracting(VideoJobEvent::eventId).doesNotHaveDuplicates();
        assertThat(this.watcher.activeWatches()).isZero();
        assertThat(this.watcher.queuedWatches()).isZero();
    }

    @Test
    void aWatchEndsAfterTheWatchTimeoutAndLeavesTheJobAlone() throws Exception {
        this.watcher.close();
        this.watcher = watcher(10, Duration.ofMillis(500));
        String id = StreamTestSupport.createJob(this.client).id();

        VideoJobWatch watch = this.watcher.watch(id);

        assertThat(watch.whenDone().get(10, TimeUnit.SECONDS).state()).isEqualTo(VideoJobWatch.State.TIMED_OUT);
        assertThat(this.simulator.streams().awaitOpen(0, StreamTestSupport.WAIT)).isTrue();
        assertThat(this.simulator.jobs().get(id).status()).isEqualTo("queued");
        assertThat(this.simulator.requestCount("DELETE", "/v1/videos")).isZero();
        assertThat(this.simulator.requestCount("POST", "/v1/videos/" + id + "/cancel")).isZero();
    }

    @Test
    void aWatchOfAnUnknownJobFails() throws Exception {
        VideoJobWatch watch = this.watcher.watch("G-01KDVDGQGGQ7M3R8X2VN5T9HBC");

        assertThat(watch.whenDone().get(10, TimeUnit.SECONDS).state()).isEqualTo(VideoJobWatch.State.FAILED);
        assertThat(watch.failure()).hasMessageContaining("404");
    }

    @Test
    void stoppingCancelsEveryWatchAndRefusesNewOnes() throws Exception {
        this.watcher.close();
        this.watcher = watcher(1, Duration.ofMinutes(1));
        VideoJobWatch active = this.watcher.watch(StreamTestSupport.createJob(this.client));
        VideoJobWatch queued = this.watcher.watch(StreamTestSupport.createJob(this.client));
        assertThat(this.simulator.streams().awaitOpened(1, StreamTestSupport.WAIT)).isTrue();

        this.watcher.stop();

        assertThat(active.whenDone().get(10, TimeUnit.SECONDS).state()).isEqualTo(VideoJobWatch.State.CANCELLED);
        assertThat(queued.whenDone().get(10, TimeUnit.SECONDS).state()).isEqualTo(VideoJobWatch.State.CANCELLED);
        assertThat(this.watcher.isRunning()).isFalse();
        assertThat(this.simulator.streams().awaitOpen(0, StreamTestSupport.WAIT)).isTrue();
        assertThat(this.simulator.streams().openedCount()).as("the queued watch never started").isEqualTo(1);
        assertThatIllegalStateException().isThrownBy(() -> this.watcher.watch("G-1"));
    }

    @Test
    void aCancelledWatchFreesItsSlotForAQueuedOne() throws Exception {
        this.watcher.close();
        this.watcher = watcher(1, Duration.ofMinutes(1));
        VideoJobWatch first = this.watcher.watch(StreamTestSupport.createJob(this.client));
        VideoJobWatch second = this.watcher.watch(StreamTestSupport.createJob(this.client));
        // the first watch must hold its slot (its socket open) before it is cancelled
        assertThat(this.simulator.streams().awaitOpened(1, StreamTestSupport.WAIT)).isTrue();

        first.cancel();

        assertThat(first.whenDone().get(10, TimeUnit.SECONDS).state()).isEqualTo(VideoJobWatch.State.CANCELLED);
        assertThat(second.state()).isEqualTo(VideoJobWatch.State.ACTIVE);
        assertThat(this.simulator.streams().awaitOpened(2, StreamTestSupport.WAIT)).isTrue();
        assertThat(this.watcher.activeWatches()).isOne();
    }

    private VideoJobWatcher watcher(int maxConcurrentWatches, Duration watchTimeout) {
        return new VideoJobWatcher(this.client, this.dispatcher, new InMemoryVideoJobWatchStore(),
                new VideoJobWatcherSettings(maxConcurrentWatches, watchTimeout, WebSocketUrlOptions.defaults(),
                        Schedulers::boundedElastic));
    }

    private VideoJobEvent nextEvent() throws InterruptedException {
        VideoJobEvent event = this.published.poll(StreamTestSupport.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(event).as("an event within %s", StreamTestSupport.WAIT).isNotNull();
        return event;
    }

    /** Delivers a signed webhook for the job's current data, built as the gateway builds it (§6.6, §6.7). */
    private CompletableFuture<Void> recordedFuture(String eventId) {
        return this.recorded.computeIfAbsent(eventId, (key) -> new CompletableFuture<>());
    }

    private void awaitRecorded(VideoJobEvent event) throws Exception {
        recordedFuture(event.eventId()).get(StreamTestSupport.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private WebhookOutcome deliver(WebhookProcessor processor, String id, String type, String deliveryKey,
            @Nullable String previousStatus, @Nullable String status) {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode body = json.createObjectNode();
        body.put("id", "evt_video_" + id + "_" + deliveryKey.replaceAll("[^A-Za-z0-9_-]+", "_"));
        body.put("type", type);
        body.put("created_at", Instant.now().getEpochSecond());
        ObjectNode delivery = body.putObject("delivery");
        delivery.put("key", deliveryKey);
        delivery.put("attempt", 1);
        delivery.put("max_attempts", 4);
        body.set("data", this.simulator.jobs().jobData(id));
        if (status != null) {
            ObjectNode change = body.putObject("status_change");
            change.put("previous_status", previousStatus);
            change.put("status", status);
        }
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new WebhookSigner(SECRET).headers(bytes, Instant.now());
        return processor.process(headers.get("x-phaseo-timestamp"), headers.get("x-phaseo-signature"), bytes);
    }
}
