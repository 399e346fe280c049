package io.aistats.video.event;

import io.aistats.video.event.VideoJobEventDispatcher.Result;
import io.aistats.video.model.VideoJob;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationEventPublisher;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link VideoJobEventDispatcher}: once per id, recorded only after listeners succeeded, and safe under
 * concurrency.
 */
class VideoJobEventDispatcherTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private final InMemoryProcessedEventStore store = new InMemoryProcessedEventStore(100, Duration.ofHours(1),
            this.clock);

    private final List<Object> published = new ArrayList<>();

    @Test
    void publishesOnceAndRecordsTheId() {
        VideoJobEventDispatcher dispatcher = new VideoJobEventDispatcher(this.published::add, this.store,
                VideoJobEventDispatcher.DEFAULT_LEASE, null);
        VideoJobEvent event = event("evt_1");
        assertThat(dispatcher.dispatch(event)).isEqualTo(Result.PUBLISHED);
        assertThat(ProcessedEventStoreContractTests.handled(this.store, "evt_1")).isTrue();
        assertThat(dispatcher.dispatch(event("evt_1"))).isEqualTo(Result.DUPLICATE);
        assertThat(this.published).containsExactly(event);
    }

    @Test
    void leavesTheIdUnrecordedWhenAListenerFails() {
        AtomicInteger calls = new AtomicInteger();
        ApplicationEventPublisher flaky = (published) -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("listener down");
            }
            this.published.add(published);
        };
        VideoJobEventDispatcher dispatcher = new VideoJobEventDispatcher(flaky, this.store,
                VideoJobEventDispatcher.DEFAULT_LEASE, null);
        assertThat(dispatcher.dispatch(event("evt_1"))).isEqualTo(Result.LISTENER_FAILED);
        assertThat(ProcessedEventStoreContractTests.handled(this.store, "evt_1")).isFalse();
        assertThat(dispatcher.dispatch(event("evt_1"))).isEqualTo(Result.PUBLISHED);
        assertThat(dispatcher.dispatch(event("evt_1"))).isEqualTo(Result.DUPLICATE);
        assertThat(calls).hasValue(2);
        assertThat(this.published).hasSize(1);
    }

    @Test
    void refusesTheSameIdWhileItIsBeingPublished() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger publishes = new AtomicInteger();
        VideoJobEventDispatcher dispatcher = new VideoJobEventDispatcher((event) -> {
            publishes.incrementAndGet();
            if (((VideoJobEvent) event).eventId().equals("evt_1")) {
                entered.countDown();
                await(release);
            }
        }, this.store, VideoJobEventDispatcher.DEFAULT_LEASE, null);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<Result> first = executor.submit(() -> dispatcher.dispatch(event("evt_1")));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(dispatcher.dispatch(event("evt_1"))).isEqualTo(Result.IN_FLIGHT);
            assertThat(dispatcher.dispatch(event("evt_2"))).as("other ids are not held up").isEqualTo(Result.PUBLISHED);
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(Result.PUBLISHED);
            assertThat(dispatcher.dispatch(event("evt_1"))).isEqualTo(Result.DUPLICATE);
            assertThat(publishes).hasValue(2);
        }
        finally {
            release.countDown();
            executor.shutdownNow();
        }
    }

    @Test
    void publishesOnceWhenManyThreadsDispatchTheSameIdAtOnce() throws Exception {
        int threads = 8;
        AtomicInteger publishes = new AtomicInteger();
        VideoJobEventDispatcher dispatcher = new VideoJobEventDispatcher((event) -> publishes.incrementAndGet(),
                this.store, VideoJobEventDispatcher.DEFAULT_LEASE, null);
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 50; round++) {
                String id = "evt_" + round;
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<Result>> results = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    results.add(executor.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return dispatcher.dispatch(event(id));
                    }));
                }
                int published = 0;
                for (Future<Result> result : results) {
                    Result value = result.get(10, TimeUnit.SECONDS);
                    assertThat(value).isIn(Result.PUBLISHED, Result.IN_FLIGHT, Result.DUPLICATE);
                    published += (value == Result.PUBLISHED) ? 1 : 0;
                }
                assertThat(published).as("round %d", round).isEqualTo(1);
            }
            assertThat(publishes).hasValue(50);
        }
        finally {
            executor.shutdownNow();
        }
    }

    @Test
    void publishesOnTheExecutorAndRecordsTheIdAfterwards() {
        Queue<Runnable> tasks = new ArrayDeque<>();
        VideoJobEventDispatcher dispatcher = new VideoJobEventDispatcher(this.published::add, this.store,
                VideoJobEventDispatcher.DEFAULT_LEASE, null);
        assertThat(dispatcher.dispatch(event("evt_1"), tasks::add)).isEqualTo(Result.QUEUED);
        assertThat(this.published).isEmpty();
        assertThat(dispatcher.dispatch(event("evt_1"), tasks::add)).isEqualTo(Result.IN_FLIGHT);
        assertThat(ProcessedEventStoreContractTests.handled(this.store, "evt_1")).isFalse();
        tasks.remove().run();
        assertThat(this.published).hasSize(1);
        assertThat(ProcessedEventStoreContractTests.handled(this.store, "evt_1")).isTrue();
        assertThat(dispatcher.dispatch(event("evt_1"), tasks::add)).isEqualTo(Result.DUPLICATE);
        assertThat(tasks).isEmpty();
    }

    @Test
    void releasesTheIdWhenTheExecutorRefuses() {
        VideoJobEventDispatcher dispatcher = new VideoJobEventDispatcher(this.published::add, this.store,
                VideoJobEventDispatcher.DEFAULT_LEASE, null);
        assertThat(dispatcher.dispatch(event("evt_1"), (task) -> {
            throw new RejectedExecutionException("full");
        })).isEqualTo(Result.REJECTED);
        assertThat(dispatcher.dispatch(event("evt_1"))).isEqualTo(Result.PUBLISHED);
    }

    @Test
    void leavesTheIdUnrecordedWhenAnAsynchronousListenerFails() {
        Queue<Runnable> tasks = new ArrayDeque<>();
        VideoJobEventDispatcher dispatcher = new VideoJobEventDispatcher((event) -> {
            throw new IllegalStateException("listener down");
        }, this.store, VideoJobEventDispatcher.DEFAULT_LEASE, null);
        assertThat(dispatcher.dispatch(event("evt_1"), tasks::add)).isEqualTo(Result.QUEUED);
        tasks.remove().run();
        assertThat(ProcessedEventStoreContractTests.handled(this.store, "evt_1")).isFalse();
        assertThat(dispatcher.dispatch(event("evt_1"), tasks::add)).as("released after the failure")
            .isEqualTo(Result.QUEUED);
    }

    @Test
    void anEventWhoseClaimHolderDiedIsPublishedOnceTheLeaseEnds() {
        VideoJobEventDispatcher dispatcher = new VideoJobEventDispatcher(this.published::add, this.store,
                Duration.ofMinutes(1), null);
        assertThat(this.store.claim("evt_1", Duration.ofMinutes(1))).as("the holder that dies")
            .isEqualTo(ProcessedEventStore.Claim.CLAIMED);
        this.clock.advance(Duration.ofSeconds(59));
        assertThat(dispatcher.dispatch(event("evt_1"))).isEqualTo(Result.IN_FLIGHT);
        this.clock.advance(Duration.ofSeconds(1));
        assertThat(dispatcher.dispatch(event("evt_1"))).isEqualTo(Result.PUBLISHED);
        assertThat(dispatcher.dispatch(event("evt_1"))).isEqualTo(Result.DUPLICATE);
        assertThat(this.published).hasSize(1);
    }

    @Test
    void aFailingStoreIsRejectedSoThatTheEventIsDeliveredAgain() {
        ProcessedEventStore unreachable = new ProcessedEventStore() {

            @Override
            public Claim claim(String eventId, Duration lease) {
                throw new IllegalStateException("database down");
            }

            @Override
            public void complete(String eventId) {
            }

            @Override
            public void release(String eventId) {
            }
        };
        VideoJobEventDispatcher dispatcher = new VideoJobEventDispatcher(this.published::add, unreachable,
                VideoJobEventDispatcher.DEFAULT_LEASE, null);
        assertThat(dispatcher.dispatch(event("evt_1"))).isEqualTo(Result.REJECTED);
        assertThat(dispatcher.dispatch(event("evt_1"), Runnable::run)).isEqualTo(Result.REJECTED);
        assertThat(this.published).isEmpty();
    }

    @Test
    void refusesANonPositiveLease() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new VideoJobEventDispatcher(this.published::add, this.store, Duration.ZERO, null))
            .withMessageContaining("lease");
    }

    @Test
    void aTransitionTheWebhookCallsPendingAndTheStreamQueuedIsPublishedOnce() {
        VideoJobEventDispatcher dispatcher = new VideoJobEventDispatcher(this.published::add, this.store,
                VideoJobEventDispatcher.DEFAULT_LEASE, null);
        VideoJobEvent streamed = statusChange("queued", "in_progress", EventSource.STREAM);
        VideoJobEvent delivered = statusChange("pending", "in_progress", EventSource.WEBHOOK);
        VideoJobEvent finished = statusChange("in_progress", "completed", EventSource.WEBHOOK);

        assertThat(dispatcher.dispatch(streamed)).isEqualTo(Result.PUBLISHED);
        assertThat(dispatcher.dispatch(delivered)).isEqualTo(Result.DUPLICATE);
        assertThat(dispatcher.dispatch(finished)).isEqualTo(Result.PUBLISHED);
        assertThat(this.published).containsExactly(streamed, finished);
    }

    @Test
    void aTransitionDeliveredAsPendingFirstMakesTheStreamsCopyADuplicate() {
        VideoJobEventDispatcher dispatcher = new VideoJobEventDispatcher(this.published::add, this.store,
                VideoJobEventDispatcher.DEFAULT_LEASE, null);
        VideoJobEvent delivered = statusChange("pending", "in_progress", EventSource.WEBHOOK);

        assertThat(dispatcher.dispatch(delivered)).isEqualTo(Result.PUBLISHED);
        assertThat(dispatcher.dispatch(statusChange("queued", "in_progress", EventSource.STREAM)))
            .isEqualTo(Result.DUPLICATE);
        assertThat(this.published).containsExactly(delivered);
        assertThat(delivered.eventId()).as("the gateway's id reaches the listener unchanged")
            .endsWith("_video_status_changed_pending_in_progress");
    }

    private static VideoJobEvent statusChange(String previous, String status, EventSource source) {
        String key = VideoJobEvents.deliveryKey(VideoJobPhase.STATUS_CHANGED, previous, status, null);
        return VideoJobEvents.create("video.status_changed", VideoJobEvents.eventId("G-1", key),
                VideoJob.fromJson(Map.of("id", "G-1")), key, 1, 4, new StatusChange(previous, status), source,
                Instant.EPOCH);
    }

    static VideoJobEvent event(String eventId) {
        return VideoJobEvents.create("video.completed", eventId, VideoJob.fromJson(Map.of("id", "G-1")),
                "video.completed", 1, 4, null, EventSource.WEBHOOK, Instant.EPOCH);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
