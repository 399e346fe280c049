package io.aistats.test;

/**
 * Observes every stored change of the simulator's jobs (see {@link JobTransition}). Listeners run synchronously, in
 * order of the changes, on the thread that caused them, while the job store is locked: they may read the store but
 * must not block (hand slow work such as HTTP deliveries to another thread).
 */
@FunctionalInterface
public interface JobTransitionListener {

    /**
     * @param transition what changed
     */
    void onTransition(JobTransition transition);
}
