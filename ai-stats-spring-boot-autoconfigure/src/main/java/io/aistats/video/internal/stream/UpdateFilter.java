package io.aistats.video.internal.stream;

import io.aistats.video.model.VideoJobUpdate;
import io.aistats.video.model.VideoStatus;
import org.jspecify.annotations.Nullable;

/**
 * Lets through only the updates that tell something new about one job: the first, a change of the normalised status,
 * or a progress above the highest seen. Keeps a job's phases from being reported twice when the same state is seen
 * again on a reconnected stream or by a poll, and keeps progress from going backwards when the stream's coarse
 * progress (0 or 100) follows a poll's provider progress. Not thread-safe: one per subscription.
 */
final class UpdateFilter {

    private boolean seen;

    private @Nullable VideoStatus status;

    private int maxProgress;

    /**
     * @param update the next update
     * @return whether to pass it on
     */
    boolean isNew(VideoJobUpdate update) {
        if (update.type() == VideoJobUpdate.Type.DELETED) {
            return true;
        }
        VideoStatus current = (update.status() != null) ? update.status().normalized() : null;
        Integer reported = update.job().progress();
        int progress = (reported != null) ? reported : 0;
        if (!this.seen) {
            this.seen = true;
            this.status = current;
            this.maxProgress = progress;
            return true;
        }
        if (current != null && !current.equals(this.status)) {
            this.status = current;
            this.maxProgress = Math.max(this.maxProgress, progress);
            return true;
        }
        if (progress > this.maxProgress) {
            this.maxProgress = progress;
            return true;
        }
        return false;
    }
}
