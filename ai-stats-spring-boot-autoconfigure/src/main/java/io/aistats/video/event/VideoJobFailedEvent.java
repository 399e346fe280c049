package io.aistats.video.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.aistats.video.model.VideoJob;
import io.aistats.video.model.VideoJobError;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A video job failed ({@code video.failed}). A {@link VideoJobStatusChangedEvent} into {@code failed} is published as
 * well, in no guaranteed order. {@link #failureReason()} tells why, as the delivery carried it.
 */
public final class VideoJobFailedEvent extends VideoJobEvent {

    @JsonCreator
    VideoJobFailedEvent(String eventType, String eventId, VideoJob job, String deliveryKey, int attempt, int maxAttempts,
            @Nullable StatusChange statusChange, EventSource source, Instant createdAt) {
        super(eventType, eventId, job, deliveryKey, attempt, maxAttempts, statusChange, source, createdAt);
    }

    /**
     * Why the job failed: the provider failure the delivery carries ({@code data.upstream_error}, or the job's
     * {@code error} when the event was built from a fetched job), see {@link VideoJob#failureReason()}.
     * @return the reason, or {@code null} when the gateway reported none
     */
    public @Nullable VideoJobError failureReason() {
        return job().failureReason();
    }
}
