package io.aistats.sample;

import io.aistats.video.event.VideoJobCancelledEvent;
import io.aistats.video.event.VideoJobCompletedEvent;
import io.aistats.video.event.VideoJobEvent;
import io.aistats.video.event.VideoJobExpiredEvent;
import io.aistats.video.event.VideoJobFailedEvent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for the event that ends a job ({@link VideoJobCompletedEvent}, {@link VideoJobFailedEvent},
 * {@link VideoJobCancelledEvent} or {@link VideoJobExpiredEvent}), whichever path delivers it. An event that arrives
 * before anyone waits is kept, so the order of "create, then wait" never loses it; only the most recent jobs are
 * remembered.
 */
@Component
class JobCompletion {

    /** Number of jobs whose end is remembered; the oldest are forgotten first. */
    private static final int CAPACITY = 256;

    private final Map<String, CompletableFuture<VideoJobEvent>> outcomes = new LinkedHashMap<>() {

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<VideoJobEvent>> eldest) {
            return size() > CAPACITY;
        }
    };

    @EventListener({ VideoJobCompletedEvent.class, VideoJobFailedEvent.class, VideoJobCancelledEvent.class,
            VideoJobExpiredEvent.class })
    void on(VideoJobEvent event) {
        outcome(event.videoId()).complete(event);
    }

    /**
     * Waits for the event that ends a job.
     * @param videoId the job to wait for
     * @param timeout how long to wait at most
     * @return the terminal event
     * @throws IllegalStateException when no such event arrives within the timeout, or the wait is interrupted
     */
    VideoJobEvent await(String videoId, Duration timeout) {
        CompletableFuture<VideoJobEvent> outcome = outcome(videoId);
        try {
            return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException ex) {
            throw new IllegalStateException("job " + videoId + " did not finish within " + timeout);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for job " + videoId);
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException("could not wait for job " + videoId, ex.getCause());
        }
        finally {
            synchronized (this.outcomes) {
                this.outcomes.remove(videoId, outcome);
            }
        }
    }

    private CompletableFuture<VideoJobEvent> outcome(String videoId) {
        synchronized (this.outcomes) {
            return this.outcomes.computeIfAbsent(videoId, (id) -> new CompletableFuture<>());
        }
    }
}
