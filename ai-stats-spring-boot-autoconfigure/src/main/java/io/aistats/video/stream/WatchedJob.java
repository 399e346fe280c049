package io.aistats.video.stream;

import io.aistats.video.event.VideoJobEvents;
import io.aistats.video.model.VideoJob;
import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * A watched job as a {@link VideoJobWatchStore} records it: how far its events were published, so that an instance
 * taking the job over goes on from there instead of publishing its earlier phases again.
 *
 * @param videoId the gateway's video id
 * @param status the last status whose events were published, in the gateway's stored vocabulary (see
 * {@link VideoJobEvents#storedStatus}), or {@code null} when not known
 * @param observed whether the job was observed and its events published at least once; until then a
 * {@code queued} status still owes its {@code video.created} event
 * @param progressBucket the last provider-progress bucket published, {@code 0} for none
 */
public record WatchedJob(String videoId, @Nullable String status, boolean observed, int progressBucket) {

    /**
     * @param videoId the gateway's video id
     * @param status the last status whose events were published, or {@code null}
     * @param observed whether the job was observed at least once
     * @param progressBucket the last provider-progress bucket published, {@code 0} for none
     */
    public WatchedJob {
        Objects.requireNonNull(videoId, "videoId must not be null");
    }

    /**
     * A job about to be watched, of which nothing was published yet.
     * @param videoId the gateway's video id
     * @param known the job as known before watching (the create answer, say), or {@code null}
     * @return the record of a new watch
     */
    static WatchedJob newWatch(String videoId, @Nullable VideoJob known) {
        String status = (known != null && known.status() != null) ? VideoJobEvents.storedStatus(known.status())
                : null;
        return new WatchedJob(videoId, status, false, 0);
    }
}
