package io.aistats.video.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.aistats.video.model.VideoJob;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Objects;

/**
 * An update of a video job's lifecycle, published as a Spring application event. Listen for the base type to see
 * every update, or for one subtype:
 * <pre class="code">
 * &#64;EventListener
 * void on(VideoJobCompletedEvent event) {
 *     download(event.videoId());
 * }
 * </pre>
 * An event type this client does not know is published as a plain {@code VideoJobEvent} with phase
 * {@link VideoJobPhase#UNKNOWN}, never dropped.
 * <p>
 * Events are immutable. The gateway does not guarantee order between different events (a {@code completed} event
 * may arrive before the {@code status_changed} event into {@code completed}), and each event is published once per
 * {@link #eventId()}, whichever {@link #source()} observed it first. When the event and the local state disagree,
 * fetch the job. Create events with {@link VideoJobEvents}.
 * <p>
 * Events are read and written by Jackson as JSON objects of their accessors (the derived {@code phase} and
 * {@code videoId} are written but not read), so that Spring Modulith's event publication registry can store and
 * republish them and its externalization can send them to a broker.
 */
@JsonPropertyOrder({ "eventId", "eventType", "phase", "videoId", "deliveryKey", "attempt", "maxAttempts",
        "statusChange", "source", "createdAt", "job" })
@JsonIgnoreProperties(value = { "phase", "videoId" }, allowGetters = true)
public class VideoJobEvent {

    private final String eventId;

    private final String eventType;

    private final VideoJobPhase phase;

    private final VideoJob job;

    private final String videoId;

    private final String deliveryKey;

    private final int attempt;

    private final int maxAttempts;

    private final @Nullable StatusChange statusChange;

    private final EventSource source;

    private final Instant createdAt;

    @JsonCreator
    VideoJobEvent(String eventType, String eventId, VideoJob job, String deliveryKey, int attempt, int maxAttempts,
            @Nullable StatusChange statusChange, EventSource source, Instant createdAt) {
        this.eventType = Objects.requireNonNull(eventType, "eventType");
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.job = Objects.requireNonNull(job, "job");
        this.videoId = Objects.requireNonNull(job.id(), "job.id");
        this.deliveryKey = Objects.requireNonNull(deliveryKey, "deliveryKey");
        this.attempt = attempt;
        this.maxAttempts = maxAttempts;
        this.statusChange = statusChange;
        this.source = Objects.requireNonNull(source, "source");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.phase = VideoJobPhase.fromEventType(eventType);
    }

    /**
     * @return the event id, stable across redeliveries, for example
     * {@code evt_video_G-01KDVDGQGGQ7M3R8X2VN5T9HBC_video_completed}; the key for de-duplication
     */
    @JsonProperty("eventId")
    public String eventId() {
        return this.eventId;
    }

    /**
     * @return the event type as delivered, for example {@code video.completed}
     */
    @JsonProperty("eventType")
    public String eventType() {
        return this.eventType;
    }

    /**
     * @return the lifecycle phase, {@link VideoJobPhase#UNKNOWN} for a type this client does not know
     */
    @JsonProperty("phase")
    public VideoJobPhase phase() {
        return this.phase;
    }

    /**
     * @return the job as it was when the event was sent; for a redelivery this may be newer than the event itself
     */
    @JsonProperty("job")
    public VideoJob job() {
        return this.job;
    }

    /**
     * @return the id of the video job ({@code G-...})
     */
    @JsonProperty("videoId")
    public String videoId() {
        return this.videoId;
    }

    /**
     * @return the delivery key, stable across redeliveries, for example
     * {@code video.status_changed:queued:in_progress}
     */
    @JsonProperty("deliveryKey")
    public String deliveryKey() {
        return this.deliveryKey;
    }

    /**
     * @return the delivery attempt, 1-based; always 1 for events not received by webhook
     */
    @JsonProperty("attempt")
    public int attempt() {
        return this.attempt;
    }

    /**
     * @return the number of attempts the gateway makes at most ({@code 4}); 1 for events not received by webhook
     */
    @JsonProperty("maxAttempts")
    public int maxAttempts() {
        return this.maxAttempts;
    }

    /**
     * @return the stored-status transition for {@code status_changed} events, otherwise {@code null}
     */
    @JsonProperty("statusChange")
    public @Nullable StatusChange statusChange() {
        return this.statusChange;
    }

    /**
     * @return how the event reached the application
     */
    @JsonProperty("source")
    public EventSource source() {
        return this.source;
    }

    /**
     * @return when the event was sent (a webhook's {@code created_at}, which changes with every attempt) or observed
     */
    @JsonProperty("createdAt")
    public Instant createdAt() {
        return this.createdAt;
    }

    /** Shows the identifying members only: the job may carry signed download links. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[eventId=" + this.eventId + ", eventType=" + this.eventType + ", videoId="
                + this.videoId + ", source=" + this.source + ", attempt=" + this.attempt + "/" + this.maxAttempts
                + "]";
    }
}
