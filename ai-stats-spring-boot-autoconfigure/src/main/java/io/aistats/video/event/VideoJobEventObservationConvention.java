package io.aistats.video.event;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * An {@link ObservationConvention} for {@link VideoJobEventObservationContext dispatched job events}: implement it
 * (or extend {@link DefaultVideoJobEventObservationConvention}) to change the name or key values.
 */
public interface VideoJobEventObservationConvention extends ObservationConvention<VideoJobEventObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof VideoJobEventObservationContext;
    }
}
