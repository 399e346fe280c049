package io.aistats.test;

import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Inspects and steers the simulator's jobs. Every read first applies the lifecycle transitions due at the current
 * simulator time. Steering methods change a job at once (firing {@link JobTransition}s); they throw
 * {@link IllegalArgumentException} for an unknown id and {@link IllegalStateException} for a job that is already
 * terminal.
 * <p>
 * Jobs can also be steered from the request itself: a prompt containing {@code [simulate:fail]},
 * {@code [simulate:expire]} or {@code [simulate:cancel]} makes the job fail, expire or be cancelled by the provider
 * when it would otherwise complete.
 */
public final class SimulatedJobs {

    private final SimulatorRuntime runtime;

    SimulatedJobs(SimulatorRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * @param id a video id
     * @return the job
     * @throws NoSuchElementException when no such job exists
     */
    public SimulatedJob get(String id) {
        return find(id).orElseThrow(() -> new NoSuchElementException("No simulated job " + id));
    }

    /**
     * @param id a video id
     * @return the job, if it exists
     */
    public Optional<SimulatedJob> find(String id) {
        this.runtime.refreshJobs();
        return this.runtime.jobs().locked(() -> {
            JobRecord record = this.runtime.jobs().find(id);
            return Optional.ofNullable(record != null ? record.snapshot() : null);
        });
    }

    /**
     * @return every job, in creation order (all workspaces, deleted jobs included)
     */
    public List<SimulatedJob> all() {
        this.runtime.refreshJobs();
        return this.runtime.jobs().locked(
                () -> this.runtime.jobs().records().stream().map(JobRecord::snapshot).toList());
    }

    /**
     * Completes a job now (a queued OpenAI job passes through {@code in_progress} first).
     * @param id the video id
     * @return the job after the change
     */
    public SimulatedJob complete(String id) {
        return this.runtime.jobs().finishNow(id, JobRecord.Outcome.COMPLETED, null, this.runtime.now());
    }

    /**
     * Fails a job now.
     * @param id the video id
     * @param message the provider's failure message (shown in the job's {@code error})
     * @return the job after the change
     */
    public SimulatedJob fail(String id, String message) {
        return this.runtime.jobs().finishNow(id, JobRecord.Outcome.FAILED, message, this.runtime.now());
    }

    /**
     * Expires a job now (as when the provider reports expiry).
     * @param id the video id
     * @return the job after the change
     */
    public SimulatedJob expire(String id) {
        return this.runtime.jobs().finishNow(id, JobRecord.Outcome.EXPIRED, null, this.runtime.now());
    }

    /**
     * Cancels a job now, as a provider-side cancellation does (the gateway's own cancel route always answers 501).
     * @param id the video id
     * @return the job after the change
     */
    public SimulatedJob cancelByProvider(String id) {
        return this.runtime.jobs().finishNow(id, JobRecord.Outcome.CANCELLED, null, this.runtime.now());
    }

    /**
     * Stores a provider-reported progress; a queued job starts processing. The job's automatic progress stops; it
     * still completes on schedule.
     * @param id the video id
     * @param percent 0 ... 100
     * @return the job after the change
     */
    public SimulatedJob progress(String id, int percent) {
        return this.runtime.jobs().steerProgress(id, percent, this.runtime.now());
    }

    /**
     * The job data object of webhook deliveries and WebSocket frames (§6.6), with URLs on the public origin.
     * @param id the video id
     * @return a fresh copy of the data object
     * @throws NoSuchElementException when no such job exists
     */
    public ObjectNode jobData(String id) {
        this.runtime.refreshJobs();
        return this.runtime.jobs().locked(() -> {
            JobRecord record = this.runtime.jobs().find(id);
            if (record == null) {
                throw new NoSuchElementException("No simulated job " + id);
            }
            return this.runtime.views().jobData(record, this.runtime.publicOrigin(),
                    this.runtime.publicOrigin(), this.runtime.now(), null);
        });
    }

    /**
     * Registers a listener for every job creation, stored-status change and stored-progress change.
     * @param listener the listener (see {@link JobTransitionListener} for its constraints)
     */
    public void addTransitionListener(JobTransitionListener listener) {
        this.runtime.jobs().addListener(listener);
    }

    /**
     * @param listener a listener registered before
     */
    public void removeTransitionListener(JobTransitionListener listener) {
        this.runtime.jobs().removeListener(listener);
    }
}
