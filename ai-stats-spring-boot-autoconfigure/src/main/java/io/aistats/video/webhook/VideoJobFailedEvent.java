package io.aistats.video.webhook;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.aistats.video.model.VideoJob;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A video job failed ({@code video.failed}). A {@link VideoJobStatusChangedEvent} into {@code failed} is published as
 * well, in no guaranteed order; fetch the job for its error.
 */
public final class VideoJobFailedEvent extends VideoJobEvent {

    @JsonCreator
    VideoJobFailedEvent(String eventType, String eventId, VideoJob job, String deliveryKey, int attempt, int maxAttempts,
            @Nullable StatusChange statusChange, EventSource source, Instant createdAt) {
        super(eventType, eventId, job, deliveryKey, attempt, maxAttempts, statusChange, source, createdAt);
    }
}
