package io.aistats.modulith;

import io.aistats.video.event.VideoJobCompletedEvent;

import org.springframework.modulith.events.ApplicationModuleListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An application module's listener for completed video jobs, as a Spring Modulith application writes it: it runs
 * after the delivery's transaction committed, asynchronously, in a transaction of its own, and its publication stays
 * in the registry until it returns normally. It fails as often as told first, as an unavailable archive would.
 */
public class VideoArchive {

    private final AtomicInteger failuresLeft;

    private final AtomicInteger attempts = new AtomicInteger();

    private final List<String> archived = new CopyOnWriteArrayList<>();

    /**
     * @param failures how many times the listener fails before it succeeds
     */
    public VideoArchive(int failures) {
        this.failuresLeft = new AtomicInteger(failures);
    }

    @ApplicationModuleListener
    void on(VideoJobCompletedEvent event) {
        this.attempts.incrementAndGet();
        if (this.failuresLeft.getAndDecrement() > 0) {
            throw new IllegalStateException("Archive unavailable for " + event.videoId());
        }
        this.archived.add(event.videoId());
    }

    /** @return how often the listener was called */
    public int attempts() {
        return this.attempts.get();
    }

    /** @return the videos archived, once per successful call */
    public List<String> archived() {
        return List.copyOf(this.archived);
    }
}
