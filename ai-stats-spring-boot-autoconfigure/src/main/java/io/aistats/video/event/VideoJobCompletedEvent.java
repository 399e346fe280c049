package io.aistats.video.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.aistats.video.model.VideoJob;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A video job completed ({@code video.completed}); its content can be downloaded. A {@link VideoJobStatusChangedEvent}
 * into {@code completed} is published as well, in no guaranteed order.
 */
public final class VideoJobCompletedEvent extends VideoJobEvent {

    @JsonCreator
    VideoJobCompletedEvent(String eventType, String eventId, VideoJob job, String deliveryKey, int attempt, int maxAttempts,
            @Nullable StatusChange statusChange, EventSource source, Instant createdAt) {
        super(eventType, eventId, job, deliveryKey, attempt, maxAttempts, statusChange, source, createdAt);
    }
}
