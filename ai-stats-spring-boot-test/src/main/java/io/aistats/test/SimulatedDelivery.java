package io.aistats.test;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * One webhook delivery attempt of the simulator, or a delivery it dropped, as logged for tests (see
 * {@link SimulatedWebhooks#deliveries()}).
 *
 * @param videoId the job
 * @param endpointId the endpoint
 * @param eventId the event id, e.g. {@code evt_video_G-..._video_completed} (stable across attempts)
 * @param eventType the delivered type, e.g. {@code video.completed}
 * @param deliveryKey the delivery key, e.g. {@code video.status_changed:queued:in_progress}
 * @param attempt the attempt number, 1 ... 4 (for a dropped delivery: the attempt it would have been)
 * @param outcome {@link #DELIVERED}, {@link #SCHEDULED_RETRY}, {@link #FAILED_PERMANENTLY} or {@link #DROPPED}
 * @param responseStatus the receiver's HTTP status, {@code null} when there was no answer
 * @param errorMessage why the attempt failed or the delivery was dropped, else {@code null}
 * @param at the simulator time of the attempt (its {@code x-phaseo-timestamp})
 */
public record SimulatedDelivery(String videoId, String endpointId, String eventId, String eventType,
        String deliveryKey, int attempt, String outcome, @Nullable Integer responseStatus,
        @Nullable String errorMessage, Instant at) {

    /** The receiver answered 2xx. */
    public static final String DELIVERED = "delivered";

    /** The attempt failed and another is scheduled. */
    public static final String SCHEDULED_RETRY = "scheduled_retry";

    /** The last attempt failed, or the URL was rejected; no further attempt is made. */
    public static final String FAILED_PERMANENTLY = "failed_permanently";

    /** Nothing was sent: the endpoint is no longer active or the event is no longer subscribed. */
    public static final String DROPPED = "dropped";

    /** @return whether the receiver answered 2xx */
    public boolean isDelivered() {
        return DELIVERED.equals(this.outcome);
    }
}
