package io.aistats.video.event;

import io.aistats.video.internal.util.VideoWebhookEvents;
import org.jspecify.annotations.Nullable;

/**
 * The phase of a job's lifecycle an event reports. The gateway's event types are {@code video.<phase>}; a type this
 * client does not know maps to {@link #UNKNOWN} and is still delivered to listeners.
 */
public enum VideoJobPhase {

    /** The job record was created with a webhook configured. */
    CREATED("created"),

    /** The stored status changed (any transition, into a terminal state too). */
    STATUS_CHANGED("status_changed"),

    /** The provider's progress crossed into a new 10 % bucket. */
    PROGRESS("progress"),

    /** The job completed. */
    COMPLETED("completed"),

    /** The job failed. */
    FAILED("failed"),

    /** The job was cancelled (provider-side). */
    CANCELLED("cancelled"),

    /** The job expired. */
    EXPIRED("expired"),

    /** An event type this client does not know. */
    UNKNOWN("unknown");

    private final String wireName;

    VideoJobPhase(String wireName) {
        this.wireName = wireName;
    }

    /**
     * @return the phase as the gateway spells it, for example {@code status_changed}
     */
    public String wireName() {
        return this.wireName;
    }

    /**
     * @return the event type the gateway delivers for this phase, for example {@code video.completed}
     * @throws IllegalStateException for {@link #UNKNOWN}
     */
    public String eventType() {
        if (this == UNKNOWN) {
            throw new IllegalStateException("The unknown phase has no event type");
        }
        return "video." + this.wireName;
    }

    /**
     * @return the {@code event.type} value of observations: the event type, or {@code other} for {@link #UNKNOWN}
     */
    public String observedEventType() {
        return (this != UNKNOWN) ? eventType() : "other";
    }

    /**
     * Maps an event type to its phase, normalised like the gateway's subscriptions: case-insensitive, with
     * {@code job.} or {@code video.} prefix or none, {@code canceled} read as {@code cancelled}.
     * @param eventType for example {@code video.completed}
     * @return the phase, {@link #UNKNOWN} when the type is absent or not a video job event
     */
    public static VideoJobPhase fromEventType(@Nullable String eventType) {
        String normalized = VideoWebhookEvents.normalize(eventType);
        if (normalized != null) {
            String phase = normalized.substring(normalized.indexOf('.') + 1);
            for (VideoJobPhase candidate : values()) {
                if (candidate.wireName.equals(phase)) {
                    return candidate;
                }
            }
        }
        return UNKNOWN;
    }
}
