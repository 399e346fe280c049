package io.aistats.video.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.aistats.video.model.VideoJob;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A video job's stored status changed ({@code video.status_changed}), into a terminal status too. The transition
 * uses the stored vocabulary ({@code in_progress}), while {@link #job()} carries the public one ({@code processing}),
 * and on a redelivery the job may already be further along than {@link #statusChange()} says.
 */
public final class VideoJobStatusChangedEvent extends VideoJobEvent {

    @JsonCreator
    VideoJobStatusChangedEvent(String eventType, String eventId, VideoJob job, String deliveryKey, int attempt,
            int maxAttempts, @Nullable StatusChange statusChange, EventSource source, Instant createdAt) {
        super(eventType, eventId, job, deliveryKey, attempt, maxAttempts, statusChange, source, createdAt);
    }

    /**
     * @return the stored status before the change, or {@code null} when unknown
     */
    public @Nullable String previousStatus() {
        StatusChange change = statusChange();
        return (change != null) ? change.previousStatus() : null;
    }

    /**
     * @return the stored status after the change, or {@code null} when the delivery did not say
     */
    public @Nullable String status() {
        StatusChange change = statusChange();
        return (change != null) ? change.status() : null;
    }
}
