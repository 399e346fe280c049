package io.aistats.video.model;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Set;

/**
 * A job's provider-independent {@code lifecycle_status}, an {@link OpenEnum open vocabulary}.
 */
public final class LifecycleStatus extends OpenEnum {

    private static final Constants<LifecycleStatus> CONSTANTS = new Constants<>(LifecycleStatus::new);

    /** Not yet running (public status {@code queued}). */
    public static final LifecycleStatus PENDING = CONSTANTS.add("pending");

    /** Running (public status {@code processing} or {@code in_progress}). */
    public static final LifecycleStatus RUNNING = CONSTANTS.add("running");

    /** Finished successfully. Terminal. */
    public static final LifecycleStatus COMPLETED = CONSTANTS.add("completed");

    /** Failed. Terminal. */
    public static final LifecycleStatus FAILED = CONSTANTS.add("failed");

    /** Cancelled by the provider. Terminal. */
    public static final LifecycleStatus CANCELLED = CONSTANTS.add("cancelled");

    /** Expired at the provider. Terminal. */
    public static final LifecycleStatus EXPIRED = CONSTANTS.add("expired");

    private static final Set<String> TERMINAL = Set.of("completed", "failed", "cancelled", "canceled", "expired");

    private LifecycleStatus(String value) {
        super(value);
    }

    /**
     * Returns the status for a value as the gateway sends it; unknown values are kept.
     * @param value the status, for example {@code running}
     * @return the status
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static LifecycleStatus of(String value) {
        return CONSTANTS.of(value);
    }

    /**
     * @return whether this is one of the six documented values
     */
    @Override
    public boolean isKnown() {
        return CONSTANTS.contains(this);
    }

    /**
     * @return whether the job will not change any more: completed, failed, cancelled (or canceled) or expired
     */
    public boolean isTerminal() {
        return TERMINAL.contains(key());
    }
}
