package io.aistats.autoconfigure.stream;

import io.aistats.video.VideoJobCreationListener;
import io.aistats.video.model.VideoJob;
import io.aistats.video.stream.InMemoryVideoJobWatchStore;
import io.aistats.video.stream.VideoJobWatcher;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Watches every job the auto-configured client creates ({@code ai-stats.video.watch=auto}), before the create call
 * completes. Looks the watcher up when a job is created rather than when the client is built, because the watcher
 * itself needs the client. With a shared watch store, which writes the job's row to the database, the watch starts on
 * a worker thread rather than on the event loop that received the gateway's answer.
 */
final class AutoWatchCreationListener implements VideoJobCreationListener {

    private static final Log logger = LogFactory.getLog(AutoWatchCreationListener.class);

    private final ObjectProvider<VideoJobWatcher> watcher;

    AutoWatchCreationListener(ObjectProvider<VideoJobWatcher> watcher) {
        this.watcher = watcher;
    }

    @Override
    public Mono<Void> created(VideoJob job) {
        VideoJobWatcher available = this.watcher.getIfAvailable();
        if (available == null) {
            return Mono.empty();
        }
        if (available.store() instanceof InMemoryVideoJobWatchStore) {
            return Mono.fromRunnable(() -> watch(available, job));
        }
        return Mono.<Void>fromRunnable(() -> watch(available, job)).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public void onCreated(VideoJob job) {
        VideoJobWatcher available = this.watcher.getIfAvailable();
        if (available != null) {
            watch(available, job);
        }
    }

    private static void watch(VideoJobWatcher available, VideoJob job) {
        try {
            available.watch(job);
        }
        catch (IllegalStateException ex) {
            // the application is shutting down
            logger.debug("Not watching video job " + job.id() + ": " + ex.getMessage());
        }
    }

    @Override
    public String toString() {
        return "AutoWatchCreationListener";
    }
}
