package io.aistats.video.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * An {@link ObservationConvention} for {@link VideoOperationObservationContext video client operations}: implement
 * it (or extend {@link DefaultVideoOperationObservationConvention}) to change the name or key values.
 */
public interface VideoOperationObservationConvention extends ObservationConvention<VideoOperationObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof VideoOperationObservationContext;
    }
}
