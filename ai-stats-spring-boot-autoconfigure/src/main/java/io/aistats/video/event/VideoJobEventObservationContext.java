package io.aistats.video.event;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * The {@link Observation.Context} of one {@link VideoJobEvent} handed to the {@link VideoJobEventDispatcher}.
 */
public class VideoJobEventObservationContext extends Observation.Context {

    private final VideoJobEvent event;

    private volatile VideoJobEventDispatcher.@Nullable Result result;

    /**
     * @param event the event being dispatched
     */
    public VideoJobEventObservationContext(VideoJobEvent event) {
        this.event = Objects.requireNonNull(event, "event");
    }

    /**
     * @return the event
     */
    public VideoJobEvent getEvent() {
        return this.event;
    }

    /**
     * @return what became of the event, {@code null} until known (and when dispatching failed unexpectedly)
     */
    public VideoJobEventDispatcher.@Nullable Result getResult() {
        return this.result;
    }

    /**
     * @param result what became of the event
     */
    public void setResult(VideoJobEventDispatcher.@Nullable Result result) {
        this.result = result;
    }
}
