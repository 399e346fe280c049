package io.aistats.video.webhook;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observation of webhook deliveries as the {@link WebhookProcessor} answers them. Every key has a small, fixed set
 * of values.
 */
public enum WebhookObservationDocumentation implements ObservationDocumentation {

    /**
     * One webhook delivery, from its raw bytes to the answer (listener time included in synchronous mode). The
     * {@code VIDEO_JOB_EVENT} observation of a verified delivery is its child.
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
}
