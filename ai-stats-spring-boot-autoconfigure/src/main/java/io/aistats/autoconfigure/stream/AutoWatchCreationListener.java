package io.aistats.autoconfigure.stream;

import io.aistats.video.VideoJobCreationListener;
import io.aistats.video.model.VideoJob;
import io.aistats.video.stream.VideoJobWatcher;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Watches every job the auto-configured client creates ({@code ai-stats.video.watch=auto}). Looks the watcher up
 * when a job is created rather than when the client is built, because the watcher itself needs the client.
 */
final class AutoWatchCreationListener implements VideoJobCreationListener {

    private static final Log logger = LogFactory.getLog(AutoWatchCreationListener.class);

    private final ObjectProvider<VideoJobWatcher> watcher;

    AutoWatchCreationListener(ObjectProvider<VideoJobWatcher> watcher) {
        this.watcher = watcher;
    }

    @Override
    public void onCreated(VideoJob job) {
        VideoJobWatcher available = this.watcher.getIfAvailable();
        if (available == null) {
            return;
        }
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
