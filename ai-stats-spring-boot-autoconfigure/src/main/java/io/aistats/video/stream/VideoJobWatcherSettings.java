package io.aistats.video.stream;

import io.aistats.video.internal.util.Durations;
import io.aistats.video.model.WebSocketUrlOptions;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How a {@link VideoJobWatcher} follows jobs: how many at once, for how long, with which stream options, and on which
 * scheduler.
 *
 * @param maxConcurrentWatches how many jobs are followed at once; further watches queue; at least 1
 * @param watchTimeout how long one job is followed at most; positive
 * @param streamOptions the stream options of each watch
 * @param scheduler supplies the scheduler that runs the listeners and the watch store's lease renewals; asked once,
 * for the first watch or renewal, so that creating a watcher starts no thread; not disposed by the watcher
 */
public record VideoJobWatcherSettings(int maxConcurrentWatches, Duration watchTimeout,
        WebSocketUrlOptions streamOptions, Supplier<Scheduler> scheduler) {

    /** The default number of jobs followed at once. */
    public static final int DEFAULT_MAX_CONCURRENT_WATCHES = 100;

    /** The default limit of one watch. */
    public static final Duration DEFAULT_WATCH_TIMEOUT = Duration.ofMinutes(30);

    /**
     * @param maxConcurrentWatches how many jobs are followed at once; at least 1
     * @param watchTimeout how long one job is followed at most; positive
     * @param streamOptions the stream options of each watch
     * @param scheduler supplies the scheduler that runs the listeners and the lease renewals, asked once
     */
    public VideoJobWatcherSettings {
        if (maxConcurrentWatches < 1) {
            throw new IllegalArgumentException("maxConcurrentWatches must be at least 1, was " + maxConcurrentWatches);
        }
        Durations.requirePositive(watchTimeout, "watchTimeout");
        Objects.requireNonNull(streamOptions, "streamOptions must not be null");
        Objects.requireNonNull(scheduler, "scheduler must not be null");
    }

    /**
     * @return {@value #DEFAULT_MAX_CONCURRENT_WATCHES} jobs at once, 30 minutes each, the gateway's stream options,
     * listeners on the {@link Schedulers#boundedElastic() bounded-elastic} scheduler
     */
    public static VideoJobWatcherSettings defaults() {
        return new VideoJobWatcherSettings(DEFAULT_MAX_CONCURRENT_WATCHES, DEFAULT_WATCH_TIMEOUT,
                WebSocketUrlOptions.defaults(), Schedulers::boundedElastic);
    }
}
