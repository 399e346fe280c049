package io.aistats.video.observation;

import io.aistats.video.observation.VideoObservationDocumentation.OperationKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default {@link VideoOperationObservationConvention}: name {@code aistats.video.operation}, contextual name
 * {@code video <operation>}, and the low-cardinality keys {@code operation}, {@code outcome} ({@code success},
 * {@code error} or {@code cancelled}) and {@code error.type} (the simple class name of the failure, {@code none} when
 * there was none). No high-cardinality key values: the video id stays on the context.
 */
public class DefaultVideoOperationObservationConvention implements VideoOperationObservationConvention {

    /** The observation name. */
    public static final String NAME = "aistats.video.operation";

    private static final KeyValue ERROR_TYPE_NONE = KeyValue.of(OperationKeyNames.ERROR_TYPE, "none");

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(VideoOperationObservationContext context) {
        return "video " + context.getOperation().value();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(VideoOperationObservationContext context) {
        return KeyValues.of(operation(context), outcome(context), errorType(context));
    }

    /**
     * @param context the observed operation
     * @return the {@code operation} key value
     */
    protected KeyValue operation(VideoOperationObservationContext context) {
        return KeyValue.of(OperationKeyNames.OPERATION, context.getOperation().value());
    }

    /**
     * @param context the observed operation
     * @return the {@code outcome} key value: {@code error} when it failed, {@code cancelled} when its subscriber
     * cancelled, {@code success} otherwise
     */
    protected KeyValue outcome(VideoOperationObservationContext context) {
        String outcome = (context.getError() != null) ? "error" : context.isCancelled() ? "cancelled" : "success";
        return KeyValue.of(OperationKeyNames.OUTCOME, outcome);
    }

    /**
     * @param context the observed operation
     * @return the {@code error.type} key value: the failure's simple class name, or {@code none}
     */
    protected KeyValue errorType(VideoOperationObservationContext context) {
        Throwable error = context.getError();
        if (error == null) {
            return ERROR_TYPE_NONE;
        }
        String simpleName = error.getClass().getSimpleName();
        // anonymous and local classes have no simple name
        return KeyValue.of(OperationKeyNames.ERROR_TYPE,
                simpleName.isEmpty() ? error.getClass().getName() : simpleName);
    }
}
