package io.aistats.video.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A job's provider-independent {@code lifecycle_status}. The vocabulary is open: unknown values are carried as sent.
 */
public final class LifecycleStatus {

    /** Not yet running (public status {@code queued}). */
    public static final LifecycleStatus PENDING = new LifecycleStatus("pending");

    /** Running (public status {@code processing} or {@code in_progress}). */
    public static final LifecycleStatus RUNNING = new LifecycleStatus("running");

    /** Finished successfully. Terminal. */
    public static final LifecycleStatus COMPLETED = new LifecycleStatus("completed");

    /** Failed. Terminal. */
    public static final LifecycleStatus FAILED = new LifecycleStatus("failed");

    /** Cancelled by the provider. Terminal. */
    public static final LifecycleStatus CANCELLED = new LifecycleStatus("cancelled");

    /** Expired at the provider. Terminal. */
    public static final LifecycleStatus EXPIRED = new LifecycleStatus("expired");

    private static final Map<String, LifecycleStatus> CONSTANTS = Map.of("pending", PENDING, "running", RUNNING,
            "completed", COMPLETED, "failed", FAILED, "cancelled", CANCELLED, "expired", EXPIRED);

    private static final Set<String> TERMINAL = Set.of("completed", "failed", "cancelled", "canceled", "expired");

    private final String value;

    private final String key;

    private LifecycleStatus(String value) {
        this.value = value;
        this.key = value.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the status for a value as the gateway sends it; unknown values are kept.
     * @param value the status, for example {@code running}
     * @return the status
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static LifecycleStatus of(String value) {
        Objects.requireNonNull(value, "value");
        LifecycleStatus constant = CONSTANTS.get(value.trim().toLowerCase(Locale.ROOT));
        return (constant != null) ? constant : new LifecycleStatus(value.trim());
    }

    /**
     * @return the status as sent (lower case for the known values)
     */
    @JsonValue
    public String value() {
        return this.value;
    }

    /**
     * @return whether this is one of the six documented values
     */
    public boolean isKnown() {
        return CONSTANTS.containsKey(this.key);
    }

    /**
     * @return whether the job will not change any more: completed, failed, cancelled (or canceled) or expired
     */
    public boolean isTerminal() {
        return TERMINAL.contains(this.key);
    }

    /** Compares the values, ignoring case and surrounding blanks. */
    @Override
    public boolean equals(@Nullable Object other) {
        return (this == other) || (other instanceof LifecycleStatus status && this.key.equals(status.key));
    }

    @Override
    public int hashCode() {
        return this.key.hashCode();
    }

    @Override
    public String toString() {
        return this.value;
    }
}
