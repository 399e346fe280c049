package io.aistats.test;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The simulator's job table and the simulated providers' lifecycle: a job is {@code queued} from creation,
 * {@code in_progress} from {@link JobRecord#startsAt} and reaches its planned outcome at {@link JobRecord#finishesAt}.
 * Lifecycles advance lazily ({@link #refreshAll(Instant)} before every read) and from the real-time scheduler or
 * clock advances; every stored change fires a {@link JobTransition}.
 * <p>
 * One lock (this object's monitor) guards all records; listeners run while it is held.
 */
final class JobStore {

    private static final System.Logger LOGGER = System.getLogger(JobStore.class.getName());

    private final Map<String, JobRecord> records = new LinkedHashMap<>();

    private final List<JobTransitionListener> listeners = new CopyOnWriteArrayList<>();

    private long sequence;

    /**
     * @param listener called for every stored change, see {@link JobTransitionListener}
     */
    void addListener(JobTransitionListener listener) {
        this.listeners.add(listener);
    }

    /**
     * @param listener a listener added before
     */
    void removeListener(JobTransitionListener listener) {
        this.listeners.remove(listener);
    }

    /**
     * Runs an action with the store locked, so that reads and renders see one consistent state.
     * @param action the action
     * @param <T> its result type
     * @return its result
     */
    synchronized <T> T locked(Supplier<T> action) {
        return action.get();
    }

    /**
     * Stores a new job and fires its creation.
     * @param record the job
     * @return its snapshot
     */
    synchronized SimulatedJob add(JobRecord record) {
        record.updateSequence = ++this.sequence;
        this.records.put(record.id, record);
        fire(record, null);
        return record.snapshot();
    }

    /**
     * @param id a video id
     * @return the record, or {@code null}; use only while locked
     */
    synchronized @Nullable JobRecord find(String id) {
        return this.records.get(id);
    }

    /**
     * @return every record in creation order; use only while locked
     */
    synchronized List<JobRecord> records() {
        return new ArrayList<>(this.records.values());
    }

    /**
     * Applies every lifecycle transition due at {@code now}.
     * @param now the simulator time
     */
    synchronized void refreshAll(Instant now) {
        for (JobRecord record : this.records.values()) {
            refresh(record, now);
        }
    }

    /**
     * Changes stored state that is not a status or progress change (webhook telemetry, say) and marks the job as
     * updated, which moves it within the list window (§3.2).
     * @param id the video id
     * @param change the change, run while locked
     * @param now the update time
     * @return the record after the change
     * @throws IllegalArgumentException when the id is unknown
     */
    synchronized JobRecord update(String id, Consumer<JobRecord> change, Instant now) {
        JobRecord record = require(id);
        change.accept(record);
        touch(record, now);
        return record;
    }

    /**
     * Ends a job now with the given outcome, regardless of its schedule.
     * @param id the video id
     * @param outcome the terminal outcome
     * @param errorMessage the failure message (failed jobs)
     * @param now the simulator time
     * @return the job after the change
     * @throws IllegalStateException when the job is already terminal
     */
    synchronized SimulatedJob finishNow(String id, JobRecord.Outcome outcome, @Nullable String errorMessage,
            Instant now) {
        JobRecord record = require(id);
        refresh(record, now);
        requireRunning(record);
        if (StoredStatus.QUEUED.equals(record.storedStatus) && outcome == JobRecord.Outcome.COMPLETED
                && record.model.isOpenAi()) {
            // an OpenAI job reports in_progress before it completes; keep the observable sequence realistic
            start(record, now);
        }
        finish(record, outcome, errorMessage, now, now);
        return record.snapshot();
    }

    /**
     * Stores a provider-reported progress (source {@code provider}); a queued job starts processing. Automatic
     * progress of the job stops.
     * @param id the video id
     * @param percent 0 ... 100
     * @param now the simulator time
     * @return the job after the change
     */
    synchronized SimulatedJob steerProgress(String id, int percent, Instant now) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be between 0 and 100: " + percent);
        }
        JobRecord record = require(id);
        refresh(record, now);
        requireRunning(record);
        record.progressSteered = true;
        if (StoredStatus.QUEUED.equals(record.storedStatus)) {
            start(record, now);
        }
        storeProgress(record, percent, now);
        return record.snapshot();
    }

    /**
     * Tombstones a job (§3.7).
     * @param record the job
     * @param now the simulator time
     */
    synchronized void markDeleted(JobRecord record, Instant now) {
        if (!record.deleted) {
            record.deleted = true;
            record.deletedAt = now;
            touch(record, now);
        }
    }

    private JobRecord require(String id) {
        JobRecord record = this.records.get(id);
        if (record == null) {
            throw new IllegalArgumentException("No simulated job " + id);
        }
        return record;
    }

    private static void requireRunning(JobRecord record) {
        if (record.isTerminal()) {
            throw new IllegalStateException("Job " + record.id + " is already " + record.storedStatus
                    + "; terminal jobs never change again");
        }
    }

    private void refresh(JobRecord record, Instant now) {
        if (record.isTerminal()) {
            return;
        }
        if (StoredStatus.QUEUED.equals(record.storedStatus) && !now.isBefore(record.startsAt)) {
            start(record, now);
        }
        if (!StoredStatus.IN_PROGRESS.equals(record.storedStatus)) {
            return;
        }
        if (!now.isBefore(record.finishesAt)) {
            finish(record, record.plannedOutcome, null, now, record.finishesAt);
        }
        else if (record.model.isOpenAi() && !record.progressSteered) {
            storeProgress(record, providerProgress(record, now), now);
        }
    }

    /** Linear progress over the processing time, as a provider reports it: 0 ... 99 while running. */
    private static int providerProgress(JobRecord record, Instant now) {
        long total = record.finishesAt.toEpochMilli() - record.startsAt.toEpochMilli();
        long done = now.toEpochMilli() - record.startsAt.toEpochMilli();
        if (total <= 0) {
            return 99;
        }
        return (int) Math.max(0, Math.min(99, done * 100 / total));
    }

    private void start(JobRecord record, Instant now) {
        String previous = record.storedStatus;
        record.storedStatus = StoredStatus.IN_PROGRESS;
        record.polledStatus = StoredStatus.IN_PROGRESS;
        record.lastPolledAt = now;
        if (record.model.isOpenAi() && !record.progressSteered) {
            record.storedProgress = 0;
            record.progressSource = "provider";
        }
        touch(record, now);
        fire(record, previous);
    }

    private void storeProgress(JobRecord record, int percent, Instant now) {
        if (record.storedProgress != null && record.storedProgress == percent) {
            return;
        }
        record.storedProgress = percent;
        record.progressSource = "provider";
        record.lastPolledAt = now;
        touch(record, now);
        fire(record, record.storedStatus);
    }

    private void finish(JobRecord record, JobRecord.Outcome outcome, @Nullable String errorMessage, Instant now,
            Instant providerFinishedAt) {
        String previous = record.storedStatus;
        record.storedStatus = switch (outcome) {
            case COMPLETED -> StoredStatus.COMPLETED;
            case FAILED -> StoredStatus.FAILED;
            case EXPIRED -> StoredStatus.EXPIRED;
            case CANCELLED -> StoredStatus.CANCELLED;
        };
        record.finalizedAt = now;
        record.providerFinishedAt = providerFinishedAt.isAfter(now) ? now : providerFinishedAt;
        record.polledStatus = record.storedStatus;
        record.lastPolledAt = now;
        if (outcome == JobRecord.Outcome.COMPLETED) {
            record.settledNanos = record.estimatedNanos;
            record.reservationStatus = "captured";
            record.chargeReason = "captured";
            record.charged = true;
            record.billedAt = now;
            if (record.storedProgress != null || record.model.isOpenAi()) {
                record.storedProgress = 100;
                record.progressSource = record.progressSource != null ? record.progressSource : "provider";
            }
        }
        else {
            record.settledNanos = 0L;
            record.reservationStatus = "released";
            record.chargeReason = "released";
            record.charged = false;
            if (outcome == JobRecord.Outcome.FAILED) {
                record.errorMessage = errorMessage != null ? errorMessage
                        : "The provider failed to generate the video.";
            }
        }
        touch(record, now);
        fire(record, previous);
    }

    private void touch(JobRecord record, Instant now) {
        record.updatedAt = now;
        record.updateSequence = ++this.sequence;
    }

    private void fire(JobRecord record, @Nullable String previous) {
        if (this.listeners.isEmpty()) {
            return;
        }
        JobTransition transition = new JobTransition(record.snapshot(), previous, record.storedStatus);
        for (JobTransitionListener listener : this.listeners) {
            try {
                listener.onTransition(transition);
            }
            catch (RuntimeException ex) {
                LOGGER.log(System.Logger.Level.WARNING, "Job transition listener failed for " + record.id, ex);
            }
        }
    }
}
