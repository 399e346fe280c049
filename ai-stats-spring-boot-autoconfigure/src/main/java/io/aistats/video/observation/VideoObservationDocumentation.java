package io.aistats.video.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of the video client.
 */
public enum VideoObservationDocumentation implements ObservationDocumentation {

    /**
     * One video client operation, from subscription to its end: a request and its answer, a download until the
     * file is written, a stream until the job ends. The HTTP exchanges it makes, retries included, are its children.
     */
    VIDEO_OPERATION {

        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultVideoOperationObservationConvention.class;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return OperationKeyNames.values();
        }
    };

    /**
     * The low-cardinality keys of {@link #VIDEO_OPERATION}.
     */
    public enum OperationKeyNames implements KeyName {

        /** The operation, see {@link VideoOperation#value()}: {@code generate}, {@code get}, {@code stream}, ... */
        OPERATION {
            @Override
            public String asString() {
                return "operation";
            }
        },

        /** {@code success}, {@code error}, or {@code cancelled} when the subscriber cancelled before the end. */
        OUTCOME {
            @Override
            public String asString() {
                return "outcome";
            }
        },

        /** The simple class name of the failure, for example {@code NotFoundException}; {@code none} on success. */
        ERROR_TYPE {
            @Override
            public String asString() {
                return "error.type";
            }
        }
    }
}
