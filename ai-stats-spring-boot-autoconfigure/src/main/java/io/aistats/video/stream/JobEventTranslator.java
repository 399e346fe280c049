package io.aistats.video.stream;

import io.aistats.video.event.EventSource;
import io.aistats.video.event.StatusChange;
import io.aistats.video.event.VideoJobEvent;
import io.aistats.video.event.VideoJobEvents;
import io.aistats.video.event.VideoJobPhase;
import io.aistats.video.model.VideoJob;
import io.aistats.video.model.VideoJobUpdate;
import io.aistats.video.model.VideoStatus;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Turns the successive observations of one job into the events the gateway's webhooks would deliver for them, with
 * the same delivery keys and event ids:
 * <ul>
 * <li>{@code video.created} when the job is first seen queued (or was known queued from its creation);</li>
 * <li>{@code video.status_changed} for every change of the stored status (see {@link VideoJobEvents#storedStatus})
 * between two observations; not for the first observation, whose previous status is unknown;</li>
 * <li>the terminal event ({@code video.completed}, {@code video.failed}, {@code video.cancelled},
 * {@code video.expired}) when a terminal status is seen;</li>
 * <li>{@code video.progress} for a new 10 % bucket of provider-reported progress in a polled job (the stream carries
 * no provider progress).</li>
 * </ul>
 * Not thread-safe: one per watched job, fed in order.
 */
final class JobEventTranslator {

    private static final String QUEUED = VideoJobEvents.storedStatus(VideoStatus.QUEUED);

    private @Nullable String storedStatus;

    private boolean createdPending;

    private boolean observed;

    private boolean terminalReported;

    private int lastProgressBucket;

    /**
     * @param baseline the job as known before watching (the create response, say), or {@code null}
     */
    JobEventTranslator(@Nullable VideoJob baseline) {
        VideoStatus status = (baseline != null) ? baseline.status() : null;
        if (status != null) {
            this.storedStatus = VideoJobEvents.storedStatus(status);
            this.createdPending = status.normalized() == VideoStatus.QUEUED;
        }
    }

    /**
     * Goes on from where the events of a job were published, by this watcher or by another instance's.
     * @param checkpoint how far the job's events were published
     * @return a translator that reports only what comes after the checkpoint
     */
    static JobEventTranslator resuming(WatchedJob checkpoint) {
        JobEventTranslator translator = new JobEventTranslator(null);
        translator.storedStatus = checkpoint.status();
        translator.observed = checkpoint.observed();
        translator.createdPending = !checkpoint.observed() && QUEUED.equals(checkpoint.status());
        translator.lastProgressBucket = checkpoint.progressBucket();
        return translator;
    }

    /**
     * @param videoId the job's id
     * @return how far the job's events were translated, for another translator to go on from
     */
    WatchedJob checkpoint(String videoId) {
        return new WatchedJob(videoId, this.storedStatus, this.observed, this.lastProgressBucket);
    }

    /**
     * @param update the next observation
     * @return the events it reveals, in the order a listener should see them
     */
    List<VideoJobEvent> translate(VideoJobUpdate update) {
        VideoJob job = update.job();
        VideoStatus status = job.status();
        if (update.type() == VideoJobUpdate.Type.DELETED || status == null || job.id() == null) {
            return List.of();
        }
        EventSource source = update.isFromStream() ? EventSource.STREAM : EventSource.POLLING;
        List<VideoJobEvent> events = new ArrayList<>();
        String stored = VideoJobEvents.storedStatus(status);
        boolean first = !this.observed;
        this.observed = true;
        if (first && (this.createdPending || status.normalized() == VideoStatus.QUEUED)) {
            events.add(event(VideoJobPhase.CREATED, job, null, null, source, update));
        }
        String previous = this.storedStatus;
        if (previous != null && !previous.equals(stored)) {
            events.add(event(VideoJobPhase.STATUS_CHANGED, job, new StatusChange(previous, stored), null, source,
                    update));
        }
        if (status.isTerminal() && !this.terminalReported) {
            this.terminalReported = true;
            events.add(event(terminalPhase(status), job, null, null, source, update));
        }
        this.storedStatus = stored;
        OptionalInt bucket = providerProgressBucket(update);
        if (bucket.isPresent() && bucket.getAsInt() > this.lastProgressBucket) {
            this.lastProgressBucket = bucket.getAsInt();
            events.add(event(VideoJobPhase.PROGRESS, job, null, bucket.getAsInt(), source, update));
        }
        return events;
    }

    private static OptionalInt providerProgressBucket(VideoJobUpdate update) {
        VideoJob job = update.job();
        VideoStatus status = job.status();
        Integer progress = job.progress();
        // the gateway's progress events come from provider-reported progress of running jobs
        if (update.type() != VideoJobUpdate.Type.POLLED || progress == null || status == null || !status.isActive()
                || !"provider".equals(job.progressSource())) {
            return OptionalInt.empty();
        }
        return VideoJobEvents.progressBucket(progress);
    }

    private static VideoJobPhase terminalPhase(VideoStatus status) {
        VideoStatus normalized = status.normalized();
        if (normalized == VideoStatus.COMPLETED) {
            return VideoJobPhase.COMPLETED;
        }
        if (normalized == VideoStatus.FAILED) {
            return VideoJobPhase.FAILED;
        }
        return (normalized == VideoStatus.CANCELLED) ? VideoJobPhase.CANCELLED : VideoJobPhase.EXPIRED;
    }

    private static VideoJobEvent event(VideoJobPhase phase, VideoJob job, @Nullable StatusChange change,
            @Nullable Integer bucket, EventSource source, VideoJobUpdate update) {
        return VideoJobEvents.observed(phase, job, change, bucket, source, update.receivedAt());
    }
}
