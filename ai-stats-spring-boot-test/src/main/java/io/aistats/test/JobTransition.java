package io.aistats.test;

import org.jspecify.annotations.Nullable;

/**
 * A change of a job's stored state, as seen by {@link JobTransitionListener}s: its creation, a stored-status change
 * (any transition, including into a terminal state) or a stored-progress change.
 *
 * @param job the job after the change
 * @param previousStoredStatus the stored status before the change; {@code null} when the job was just created
 * @param newStoredStatus the stored status after the change (equal to {@code previousStoredStatus} for progress
 * changes)
 */
public record JobTransition(SimulatedJob job, @Nullable String previousStoredStatus, String newStoredStatus) {

    /** @return whether this reports the job's creation */
    public boolean isCreation() {
        return this.previousStoredStatus == null;
    }

    /** @return whether the stored status changed (creation excluded) */
    public boolean isStatusChange() {
        return this.previousStoredStatus != null && !this.previousStoredStatus.equals(this.newStoredStatus);
    }

    /** @return whether only the stored progress changed */
    public boolean isProgressChange() {
        return this.previousStoredStatus != null && this.previousStoredStatus.equals(this.newStoredStatus);
    }
}
