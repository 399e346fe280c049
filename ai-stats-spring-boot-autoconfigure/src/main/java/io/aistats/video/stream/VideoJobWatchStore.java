package io.aistats.video.stream;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a {@link VideoJobWatcher} records the jobs it follows. In memory ({@link InMemoryVideoJobWatchStore}) the
 * records live and die with the watcher. A shared store ({@link JdbcVideoJobWatchStore}) lets several instances of an
 * application, and the next run of one, share the watches: each record is leased to the instance that follows the job,
 * which {@link #renew() renews} its leases every {@link #renewInterval()}, and {@link #takeOver(int) takes over}
 * records whose lease expired (an instance that crashed) or was {@link #release(Collection) released} (an instance
 * that stopped). A record is {@link #remove(String) removed} once its job needs no more watching.
 * <p>
 * Implementations must be thread-safe.
 */
public interface VideoJobWatchStore {

    /**
     * Records that this instance follows a job, or takes over its record when no other instance holds it (its lease
     * expired, or this instance holds it already).
     * @param job the job, as recorded for a new watch
     * @return the record this instance now holds (an existing record keeps its progress), or empty when another
     * instance holds the job
     */
    Optional<WatchedJob> claim(WatchedJob job);

    /**
     * Records how far the events of a job this instance holds were published; ignored when it holds it no more.
     * @param job the job's progress
     */
    void update(WatchedJob job);

    /**
     * Forgets a job this instance holds: it ended, or its watch timed out or was cancelled.
     * @param videoId the video id
     */
    void remove(String videoId);

    /**
     * Gives up jobs this instance holds, so that another instance takes them over at once.
     * @param videoIds the video ids
     */
    void release(Collection<String> videoIds);

    /**
     * Extends the lease of every job this instance holds.
     * @return the ids of the jobs this instance holds
     */
    Set<String> renew();

    /**
     * Takes over jobs whose lease expired or was released; two instances never take over the same job.
     * @param max the number of jobs taken over at most
     * @return the jobs this instance now holds
     */
    List<WatchedJob> takeOver(int max);

    /**
     * @return how often the watcher calls {@link #renew()} and {@link #takeOver(int)}; empty when the records are
     * not shared and need neither
     */
    Optional<Duration> renewInterval();
}
