package io.aistats.video.webhook;

import io.aistats.video.event.VideoJobEvent;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Observation.Context} of one webhook delivery handled by the {@link WebhookProcessor}: the event once it
 * was verified and read, and the answer once it is known.
 */
public class WebhookDeliveryObservationContext extends Observation.Context {

    private volatile @Nullable VideoJobEvent event;

    private volatile @Nullable WebhookOutcome outcome;

    /**
     * @return the delivered event, {@code null} until it was verified and read (and for rejected deliveries)
     */
    public @Nullable VideoJobEvent getEvent() {
        return this.event;
    }

    /**
     * @param event the delivered event
     */
    public void setEvent(@Nullable VideoJobEvent event) {
        this.event = event;
    }

    /**
     * @return the answer, {@code null} until it is known (and when processing failed unexpectedly)
     */
    public @Nullable WebhookOutcome getOutcome() {
        return this.outcome;
    }

    /**
     * @param outcome the answer
     */
    public void setOutcome(@Nullable WebhookOutcome outcome) {
        this.outcome = outcome;
    }
}
