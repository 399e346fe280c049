package io.aistats.autoconfigure.stream;

import io.aistats.video.model.JobStreamSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import java.time.Duration;

/**
 * Configuration properties of the lifecycle stream and the job watcher, bound from {@code ai-stats.video.*}.
 */
@ConfigurationProperties("ai-stats.video")
public class AiStatsVideoStreamProperties {

    private static final String PREFIX = "ai-stats.video.";

    /**
     * Which jobs the watcher follows on its own: "off" follows only jobs passed to VideoJobWatcher#watch, "auto" also
     * every job created through the auto-configured client.
     */
    private WatchMode watch = WatchMode.OFF;

    /**
     * Maximum number of jobs watched at the same time. Further watches queue until a watch ends.
     */
    private int maxConcurrentWatches = 100;

    /**
     * Maximum time a job is watched. A job still running then is left alone.
     */
    private Duration watchTimeout = Duration.ofMinutes(30);

    /**
     * Where the watched jobs are recorded: "memory" forgets them when the application stops, "jdbc" keeps them in
     * the application's database, where the instances of the application share them and the next run takes them
     * over. "jdbc" needs a DataSource and the AISTATS_VIDEO_WATCH table.
     */
    private WatchStoreType watchStore = WatchStoreType.MEMORY;

    /**
     * Time a watched job stays with an instance that stopped renewing its lease (it crashed, say) before another
     * takes it over, with "watch-store=jdbc".
     */
    private Duration watchLease = Duration.ofSeconds(30);

    /**
     * Interval at which an instance renews the leases of the jobs it watches and takes over jobs whose lease ended,
     * with "watch-store=jdbc". Must be shorter than the lease.
     */
    private Duration watchRenewInterval = Duration.ofSeconds(10);

    private final Stream stream = new Stream();

    /**
     * @return which jobs are watched on their own
     */
    public WatchMode getWatch() {
        return this.watch;
    }

    /**
     * @param watch which jobs are watched on their own
     */
    public void setWatch(WatchMode watch) {
        this.watch = watch;
    }

    /**
     * @return the number of jobs watched at the same time at most
     */
    public int getMaxConcurrentWatches() {
        return this.maxConcurrentWatches;
    }

    /**
     * @param maxConcurrentWatches the number of jobs watched at the same time at most; at least 1
     */
    public void setMaxConcurrentWatches(int maxConcurrentWatches) {
        this.maxConcurrentWatches = maxConcurrentWatches;
    }

    /**
     * @return how long a job is watched at most
     */
    public Duration getWatchTimeout() {
        return this.watchTimeout;
    }

    /**
     * @param watchTimeout how long a job is watched at most; positive
     */
    public void setWatchTimeout(Duration watchTimeout) {
        this.watchTimeout = watchTimeout;
    }

    /**
     * @return where the watched jobs are recorded
     */
    public WatchStoreType getWatchStore() {
        return this.watchStore;
    }

    /**
     * @param watchStore where the watched jobs are recorded
     */
    public void setWatchStore(WatchStoreType watchStore) {
        this.watchStore = watchStore;
    }

    /**
     * @return how long a job stays with an instance that stopped renewing its lease
     */
    public Duration getWatchLease() {
        return this.watchLease;
    }

    /**
     * @param watchLease how long a job stays with an instance that stopped renewing its lease; positive
     */
    public void setWatchLease(Duration watchLease) {
        this.watchLease = watchLease;
    }

    /**
     * @return how often the leases are renewed and ended ones taken over
     */
    public Duration getWatchRenewInterval() {
        return this.watchRenewInterval;
    }

    /**
     * @param watchRenewInterval how often the leases are renewed and ended ones taken over; shorter than the lease
     */
    public void setWatchRenewInterval(Duration watchRenewInterval) {
        this.watchRenewInterval = watchRenewInterval;
    }

    /**
     * @return the lifecycle stream settings
     */
    public Stream getStream() {
        return this.stream;
    }

    /**
     * Which jobs the watcher follows on its own.
     */
    public enum WatchMode {

        /** Only jobs passed to the watcher explicitly. */
        OFF,

        /** Also every job created through the auto-configured client. */
        AUTO
    }

    /**
     * Where the watched jobs are recorded.
     */
    public enum WatchStoreType {

        /** In memory: the watches end with the application. */
        MEMORY,

        /** In the application's database, shared by its instances and taken over after a restart. */
        JDBC
    }

    /**
     * Checks the leases of the JDBC watch store: both positive, the renewal shorter than the lease.
     * @throws InvalidConfigurationPropertyValueException naming the property that is wrong
     */
    public void validateWatchLease() {
        positive(this.watchLease, "watch-lease");
        positive(this.watchRenewInterval, "watch-renew-interval");
        if (this.watchRenewInterval.compareTo(this.watchLease) >= 0) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + "watch-renew-interval",
                    this.watchRenewInterval, "must be shorter than ai-stats.video.watch-lease (" + this.watchLease + ")");
        }
    }

    /**
     * @param value a duration bound from {@code ai-stats.video.*}
     * @param property its name below {@code ai-stats.video.}
     * @throws InvalidConfigurationPropertyValueException naming the property when the value is not positive
     */
    static void positive(@Nullable Duration value, String property) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + property, value, "must be positive");
        }
    }

    /**
     * The gateway's WebSocket lifecycle stream, and the polling used while it is unavailable.
     */
    public static class Stream {

        // the defaults are JobStreamSettings'; additional-spring-configuration-metadata.json shows them to IDEs
        private static final JobStreamSettings DEFAULTS = JobStreamSettings.defaults();

        /**
         * Interval at which the gateway re-checks a job for changes ("interval_ms"; it clamps to 1 s to 10 s).
         * Unset uses the gateway's default of 2.5 s.
         */
        private @Nullable Duration interval;

        /**
         * Interval between the "ping" frames that keep a stream open through intermediaries.
         */
        private Duration keepAlive = DEFAULTS.keepAliveInterval();

        /**
         * Time a stream may stay silent (not even answering a ping) before it is taken for dead and replaced. Must
         * exceed the keep-alive interval.
         */
        private Duration idleTimeout = DEFAULTS.idleTimeout();

        /**
         * Fixed interval between polls while the stream is unavailable, for tests and development. Unset follows
         * the gateway's "poll_after_seconds" (20 s).
         */
        private @Nullable Duration pollInterval;

        /**
         * Wait before the first reconnection of a stream that could not be opened or dropped; doubles with each
         * failed attempt.
         */
        private Duration reconnectInitialBackoff = DEFAULTS.reconnectInitialBackoff();

        /**
         * Longest wait between reconnection attempts.
         */
        private Duration reconnectMaxBackoff = DEFAULTS.reconnectMaxBackoff();

        /**
         * @return the requested re-check interval, or {@code null} for the gateway's default
         */
        public @Nullable Duration getInterval() {
            return this.interval;
        }

        /**
         * @param interval the requested re-check interval, or {@code null} for the gateway's default
         */
        public void setInterval(@Nullable Duration interval) {
            this.interval = interval;
        }

        /**
         * @return the keep-alive interval
         */
        public Duration getKeepAlive() {
            return this.keepAlive;
        }

        /**
         * @param keepAlive the keep-alive interval
         */
        public void setKeepAlive(Duration keepAlive) {
            this.keepAlive = keepAlive;
        }

        /**
         * @return how long a stream may stay silent
         */
        public Duration getIdleTimeout() {
            return this.idleTimeout;
        }

        /**
         * @param idleTimeout how long a stream may stay silent
         */
        public void setIdleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
        }

        /**
         * @return the fixed poll interval, or {@code null} to follow {@code poll_after_seconds}
         */
        public @Nullable Duration getPollInterval() {
            return this.pollInterval;
        }

        /**
         * @param pollInterval the fixed poll interval, or {@code null} to follow {@code poll_after_seconds}
         */
        public void setPollInterval(@Nullable Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        /**
         * @return the first reconnection wait
         */
        public Duration getReconnectInitialBackoff() {
            return this.reconnectInitialBackoff;
        }

        /**
         * @param reconnectInitialBackoff the first reconnection wait
         */
        public void setReconnectInitialBackoff(Duration reconnectInitialBackoff) {
            this.reconnectInitialBackoff = reconnectInitialBackoff;
        }

        /**
         * @return the longest reconnection wait
         */
        public Duration getReconnectMaxBackoff() {
            return this.reconnectMaxBackoff;
        }

        /**
         * @param reconnectMaxBackoff the longest reconnection wait
         */
        public void setReconnectMaxBackoff(Duration reconnectMaxBackoff) {
            this.reconnectMaxBackoff = reconnectMaxBackoff;
        }
    }
}
