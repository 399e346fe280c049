package io.aistats.autoconfigure.webhook;

import io.aistats.video.event.VideoJobCompletedEvent;
import io.aistats.video.event.VideoJobEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Listens like an application would, with {@code @EventListener} methods for the base type and one subtype, and
 * records what it received per video id. Tests arrange failures and blocking per video id.
 */
class RecordingListener {

    private final Map<String, BlockingQueue<VideoJobEvent>> received = new ConcurrentHashMap<>();

    private final List<VideoJobCompletedEvent> completed = new CopyOnWriteArrayList<>();

    private final Map<String, String> threads = new ConcurrentHashMap<>();

    private final Set<String> failOnce = ConcurrentHashMap.newKeySet();

    private final Map<String, CountDownLatch> blockUntil = new ConcurrentHashMap<>();

    private final Map<String, CountDownLatch> entered = new ConcurrentHashMap<>();

    @EventListener
    void on(VideoJobEvent event) throws InterruptedException {
        this.threads.put(event.eventId(), Thread.currentThread().getName());
        CountDownLatch enteredLatch = this.entered.get(event.videoId());
        if (enteredLatch != null) {
            enteredLatch.countDown();
        }
        CountDownLatch release = this.blockUntil.get(event.videoId());
        if (release != null && !release.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Test never released the listener");
        }
        if (this.failOnce.remove(event.videoId())) {
            throw new IllegalStateException("Listener down for " + event.videoId());
        }
        queue(event.videoId()).add(event);
    }

    @EventListener
    void onCompleted(VideoJobCompletedEvent event) {
        this.completed.add(event);
    }

    /** Makes the next event of the video fail in the listener. */
    void failOnce(String videoId) {
        this.failOnce.add(videoId);
    }

    /**
     * Makes events of the video wait in the listener until the returned latch is counted down.
     * @return the latch that releases the listener
     */
    CountDownLatch block(String videoId) {
        CountDownLatch release = new CountDownLatch(1);
        this.blockUntil.put(videoId, release);
        return release;
    }

    /**
     * @return a latch counted down when the listener receives an event of the video
     */
    CountDownLatch entered(String videoId) {
        return this.entered.computeIfAbsent(videoId, (id) -> new CountDownLatch(1));
    }

    /** The events the base listener accepted for a video, in order. */
    List<VideoJobEvent> received(String videoId) {
        return new ArrayList<>(queue(videoId));
    }

    /** Waits for the next event the base listener accepted for a video. */
    @Nullable VideoJobEvent next(String videoId) throws InterruptedException {
        return queue(videoId).poll(10, TimeUnit.SECONDS);
    }

    /** The completed events the typed listener received for a video. */
    List<VideoJobCompletedEvent> completed(String videoId) {
        return this.completed.stream().filter((event) -> event.videoId().equals(videoId)).toList();
    }

    /** The thread the base listener ran on for an event. */
    @Nullable String thread(String eventId) {
        return this.threads.get(eventId);
    }

    private BlockingQueue<VideoJobEvent> queue(String videoId) {
        return this.received.computeIfAbsent(videoId, (id) -> new LinkedBlockingQueue<>());
    }
}
