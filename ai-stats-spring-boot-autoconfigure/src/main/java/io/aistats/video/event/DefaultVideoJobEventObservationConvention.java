package io.aistats.video.event;

import io.aistats.video.event.VideoJobEventObservationDocumentation.EventKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import java.util.Locale;

/**
 * The default {@link VideoJobEventObservationConvention}: name {@code aistats.video.events}, contextual name
 * {@code video event}, low-cardinality keys {@code source}, {@code event.type} and {@code outcome} (see
 * {@link VideoJobEventObservationDocumentation.EventKeyNames}). No high-cardinality key values: event and video ids stay on
 * the context.
 */
public class DefaultVideoJobEventObservationConvention implements VideoJobEventObservationConvention {

    /** The observation name. */
    public static final String NAME = "aistats.video.events";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(VideoJobEventObservationContext context) {
        return "video event";
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(VideoJobEventObservationContext context) {
        return KeyValues.of(source(context), eventType(context), outcome(context));
    }

    /**
     * @param context the observed event
     * @return the {@code source} key value
     */
    protected KeyValue source(VideoJobEventObservationContext context) {
        return KeyValue.of(EventKeyNames.SOURCE, context.getEvent().source().name().toLowerCase(Locale.ROOT));
    }

    /**
     * @param context the observed event
     * @return the {@code event.type} key value
     */
    protected KeyValue eventType(VideoJobEventObservationContext context) {
        return KeyValue.of(EventKeyNames.EVENT_TYPE, context.getEvent().phase().observedEventType());
    }

    /**
     * @param context the observed event
     * @return the {@code outcome} key value
     */
    protected KeyValue outcome(VideoJobEventObservationContext context) {
        VideoJobEventDispatcher.Result result = context.getResult();
        return KeyValue.of(EventKeyNames.OUTCOME, (result != null) ? result.name().toLowerCase(Locale.ROOT) : "error");
    }
}
