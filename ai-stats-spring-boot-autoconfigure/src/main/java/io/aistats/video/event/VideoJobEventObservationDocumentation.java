package io.aistats.video.event;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observation of every event the {@link VideoJobEventDispatcher} is handed, whichever path observed it. Every key
 * has a small, fixed set of values.
 */
public enum VideoJobEventObservationDocumentation implements ObservationDocumentation {

    /**
     * One job event handed to the dispatcher by the webhook, the lifecycle stream or polling: de-duplication and, for
     * a new event, the application's listeners. Its duration is the listeners' time (in asynchronous mode, the wait
     * for the executor too).
     */
    VIDEO_JOB_EVENT {

        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultVideoJobEventObservationConvention.class;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return EventKeyNames.values();
        }
    };

    /**
     * The low-cardinality keys of {@link #VIDEO_JOB_EVENT}.
     */
    public enum EventKeyNames implements KeyName {

        /** How the event reached the application: {@code webhook}, {@code stream} or {@code polling}. */
        SOURCE {
            @Override
            public String asString() {
                return "source";
            }
        },

        /** The event type: one of the gateway's {@code video.*} types, {@code other} for any other. */
        EVENT_TYPE {
            @Override
            public String asString() {
                return "event.type";
            }
        },

        /**
         * What became of the event, a {@link VideoJobEventDispatcher.Result} in lower case: {@code published},
         * {@code duplicate}, {@code in_flight}, {@code listener_failed} or {@code rejected} (the executor refused it);
         * {@code error} when dispatching failed unexpectedly.
         */
        OUTCOME {
            @Override
            public String asString() {
                return "outcome";
            }
        }
    }
}
