package io.aistats.video.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.aistats.video.model.VideoJob;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A video job's provider progress crossed into a new bucket ({@code video.progress}). Progress is not monotonic by
 * contract: show the maximum seen if that matters.
 */
public final class VideoJobProgressEvent extends VideoJobEvent {

    private final int progress;

    @JsonCreator
    VideoJobProgressEvent(String eventType, String eventId, VideoJob job, String deliveryKey, int attempt,
            int maxAttempts, @Nullable StatusChange statusChange, EventSource source, Instant createdAt,
            int progress) {
        super(eventType, eventId, job, deliveryKey, attempt, maxAttempts, statusChange, source, createdAt);
        this.progress = progress;
    }

    /**
     * @return the progress bucket in percent: 5, 10, 20, ..., 90 or 95
     */
    @JsonProperty("progress")
    public int progress() {
        return this.progress;
    }
}
