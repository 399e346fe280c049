package io.aistats.video.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.aistats.video.model.VideoJob;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A video job expired at its provider ({@code video.expired}).
 */
public final class VideoJobExpiredEvent extends VideoJobEvent {

    @JsonCreator
    VideoJobExpiredEvent(String eventType, String eventId, VideoJob job, String deliveryKey, int attempt, int maxAttempts,
            @Nullable StatusChange statusChange, EventSource source, Instant createdAt) {
        super(eventType, eventId, job, deliveryKey, attempt, maxAttempts, statusChange, source, createdAt);
    }
}
