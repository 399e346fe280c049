package io.aistats.video.webhook;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * An {@link ObservationConvention} for {@link WebhookDeliveryObservationContext webhook deliveries}: implement it (or
 * extend {@link DefaultWebhookDeliveryObservationConvention}) to change the name or key values.
 */
public interface WebhookDeliveryObservationConvention
        extends ObservationConvention<WebhookDeliveryObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof WebhookDeliveryObservationContext;
    }
}
