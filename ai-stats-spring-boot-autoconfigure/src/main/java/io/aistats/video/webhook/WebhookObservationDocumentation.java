package io.aistats.video.webhook;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of job events: webhook deliveries as the {@link WebhookProcessor} answers them, and every event
 * the {@link VideoJobEventDispatcher} is handed, whichever path observed it. Every key has a small, fixed set of
 * values.
 */
public enum WebhookObservationDocumentation implements ObservationDocumentation {

    /**
     * One webhook delivery, from its raw bytes to the answer (listener time included in synchronous mode). The
     * {@link #VIDEO_JOB_EVENT} of a verified delivery is its child.
     */
    WEBHOOK_DELIVERY {

        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultWebhookDeliveryObservationConvention.class;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return DeliveryKeyNames.values();
        }
    },

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
     * The low-cardinality keys of {@link #WEBHOOK_DELIVERY}.
     */
    public enum DeliveryKeyNames implements KeyName {

        /**
         * The answer, a {@link WebhookOutcome} in lower case: {@code accepted}, {@code queued}, {@code duplicate},
         * {@code invalid_headers}, {@code rejected_signature}, {@code rejected_stale}, {@code malformed},
         * {@code too_large}, {@code incomplete_body}, {@code overloaded}, {@code in_flight},
         * {@code listener_failed} or {@code unavailable}; {@code error} when
         * processing failed unexpectedly.
         */
        OUTCOME {
            @Override
            public String asString() {
                return "outcome";
            }
        },

        /**
         * The event type: one of the gateway's {@code video.*} types, {@code other} for a type this client does not
         * know, {@code none} when the delivery was rejected before its event was read.
         */
        EVENT_TYPE {
            @Override
            public String asString() {
                return "event.type";
            }
        }
    }

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
