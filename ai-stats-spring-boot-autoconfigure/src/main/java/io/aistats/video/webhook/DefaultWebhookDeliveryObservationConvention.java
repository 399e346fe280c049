package io.aistats.video.webhook;

import io.aistats.video.event.VideoJobEvent;
import io.aistats.video.webhook.WebhookObservationDocumentation.DeliveryKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import java.util.Locale;

/**
 * The default {@link WebhookDeliveryObservationConvention}: name {@code aistats.webhook.deliveries}, contextual name
 * {@code webhook delivery}, low-cardinality keys {@code outcome} and {@code event.type} (see
 * {@link WebhookObservationDocumentation.DeliveryKeyNames}). No high-cardinality key values: event and video ids stay
 * on the context.
 */
public class DefaultWebhookDeliveryObservationConvention implements WebhookDeliveryObservationConvention {

    /** The observation name. */
    public static final String NAME = "aistats.webhook.deliveries";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(WebhookDeliveryObservationContext context) {
        return "webhook delivery";
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(WebhookDeliveryObservationContext context) {
        return KeyValues.of(outcome(context), eventType(context));
    }

    /**
     * @param context the observed delivery
     * @return the {@code outcome} key value
     */
    protected KeyValue outcome(WebhookDeliveryObservationContext context) {
        WebhookOutcome outcome = context.getOutcome();
        return KeyValue.of(DeliveryKeyNames.OUTCOME,
                (outcome != null) ? outcome.name().toLowerCase(Locale.ROOT) : "error");
    }

    /**
     * @param context the observed delivery
     * @return the {@code event.type} key value
     */
    protected KeyValue eventType(WebhookDeliveryObservationContext context) {
        VideoJobEvent event = context.getEvent();
        return KeyValue.of(DeliveryKeyNames.EVENT_TYPE, (event != null) ? event.phase().observedEventType() : "none");
    }
}
