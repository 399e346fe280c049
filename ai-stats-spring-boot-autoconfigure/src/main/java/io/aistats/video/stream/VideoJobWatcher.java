package io.aistats.video.stream;

import io.aistats.video.ReactiveVideoClient;
import io.aistats.video.error.VideoRequestValidationException;
import io.aistats.video.http.Lazy;
import io.aistats.video.model.VideoJob;
import io.aistats.video.model.WebSocketUrlOptions;
import io.aistats.video.webhook.StoredStatuses;
import io.aistats.video.webhook.VideoJobEvent;
import io.aistats.video.webhook.VideoJobEventDispatcher;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Follows video jobs without webhooks and publishes their lifecycle as the same {@link VideoJobEvent}s a webhook
 * delivers, with the same event ids, through the same {@link VideoJobEventDispatcher}: a phase observed both here and
 * by webhook reaches the listeners once. Each job is followed with {@link ReactiveVideoClient#streamVideo} (the
 * lifecycle stream, polling while it is unavailable); events carry the source {@code STREAM} or {@code POLLING}.
 * <p>
 * Which events (see {@link StoredStatuses} for the status mapping and where it can differ from the gateway's):
 * {@code video.created} when the job is first seen queued, {@code video.status_changed} for each change between two
 * observations, the terminal event once the job ends, and {@code video.progress} for new buckets of polled provider
 * progress. Transitions that happen between two observations are seen as one.
 * <p>
 * Bounded: at most {@code maxConcurrentWatches} jobs are followed at once; further watches queue (first come, first
 * served) and start as slots free up. A watch ends when the job reaches a terminal status, after
 * {@code watchTimeout} from its start (the job is left alone), on {@link VideoJobWatch#cancel()}, or when the watcher
 * stops. Listeners run on a worker thread ({@code boundedElastic} by default), one job's events in order. Stops with
 * the application context; thread-safe.
 */
public class VideoJobWatcher implements SmartLifecycle, AutoCloseable {

    /** The default number of jobs followed at once. */
    public static final int DEFAULT_MAX_CONCURRENT_WATCHES = 100;

    /** The default limit of one watch. */
    public static final Duration DEFAULT_WATCH_TIMEOUT = Duration.ofMinutes(30);

    private static final Log logger = LogFactory.getLog(VideoJobWatcher.class);

    private final ReactiveVideoClient client;

    private final VideoJobEventDispatcher dispatcher;

    private final int maxConcurrentWatches;

    private final Duration watchTimeout;

    private final WebSocketUrlOptions options;

    private final Lazy<Scheduler> scheduler;

    private final Object lock = new Object();

    private final Map<String, VideoJobWatch> watches = new LinkedHashMap<>();

    private final ArrayDeque<VideoJobWatch> queue = new ArrayDeque<>();

    private int active;

    private boolean stopped;

    /**
     * Creates a watcher with the default limits (100 jobs at once, 30 minutes per watch).
     * @param client follows the jobs
     * @param dispatcher publishes the events, de-duplicated with every other path
     */
    public VideoJobWatcher(ReactiveVideoClient client, VideoJobEventDispatcher dispatcher) {
        this(client, dispatcher, DEFAULT_MAX_CONCURRENT_WATCHES, DEFAULT_WATCH_TIMEOUT, WebSocketUrlOptions.defaults(),
                Schedulers::boundedElastic);
    }

    /**
     * @param client follows the jobs
     * @param dispatcher publishes the events, de-duplicated with every other path
     * @param maxConcurrentWatches how many jobs are followed at once; at least 1
     * @param watchTimeout how long one job is followed at most; positive
     * @param options the stream options of each watch
     * @param scheduler runs the listeners; not disposed by the watcher
     */
    public VideoJobWatcher(ReactiveVideoClient client, VideoJobEventDispatcher dispatcher, int maxConcurrentWatches,
            Duration watchTimeout, WebSocketUrlOptions options, Scheduler scheduler) {
        this(client, dispatcher, maxConcurrentWatches, watchTimeout, options,
                Lazy.ofValue(Objects.requireNonNull(scheduler, "scheduler must not be null")));
    }

    /**
     * Creates a watcher that asks for its scheduler when it starts its first watch, so that creating the watcher
     * (at application startup, say) does not start one.
     * @param client follows the jobs
     * @param dispatcher publishes the events, de-duplicated with every other path
     * @param maxConcurrentWatches how many jobs are followed at once; at least 1
     * @param watchTimeout how long one job is followed at most; positive
     * @param options the stream options of each watch
     * @param scheduler supplies the scheduler that runs the listeners, asked once; not disposed by the watcher
     */
    public VideoJobWatcher(ReactiveVideoClient client, VideoJobEventDispatcher dispatcher, int maxConcurrentWatches,
            Duration watchTimeout, WebSocketUrlOptions options, Supplier<Scheduler> scheduler) {
        this.client = Objects.requireNonNull(client, "client must not be null");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher must not be null");
        if (maxConcurrentWatches < 1) {
            throw new IllegalArgumentException("maxConcurrentWatches must be at least 1, was " + maxConcurrentWatches);
        }
        Objects.requireNonNull(watchTimeout, "watchTimeout must not be null");
        if (watchTimeout.isNegative() || watchTimeout.isZero()) {
            throw new IllegalArgumentException("watchTimeout must be positive, was " + watchTimeout);
        }
        this.maxConcurrentWatches = maxConcurrentWatches;
        this.watchTimeout = watchTimeout;
        this.options = Objects.requireNonNull(options, "options must not be null");
        this.scheduler = Lazy.of(Objects.requireNonNull(scheduler, "scheduler must not be null"));
    }

    /**
     * Starts following a job, or returns the watch already following it.
     * @param videoId the gateway's video id ({@code G-...})
     * @return the watch, {@link VideoJobWatch.State#ACTIVE active} or {@link VideoJobWatch.State#QUEUED queued}
     * @throws IllegalStateException when the watcher is stopped
     */
    public VideoJobWatch watch(String videoId) {
        if (videoId == null || videoId.isBlank()) {
            throw new VideoRequestValidationException("video_id", "must not be blank");
        }
        return watch(videoId.trim(), null);
    }

    /**
     * Starts following a job known from elsewhere (the answer of its creation, say), or returns the watch already
     * following it. The job's status is the baseline of the first status change, so a job created queued and seen
     * processing at first yields {@code video.created} and {@code video.status_changed:queued:in_progress}.
     * @param job the job; its id must be set
     * @return the watch, {@link VideoJobWatch.State#ACTIVE active} or {@link VideoJobWatch.State#QUEUED queued}
     * @throws IllegalStateException when the watcher is stopped
     */
    public VideoJobWatch watch(VideoJob job) {
        Objects.requireNonNull(job, "job must not be null");
        String videoId = job.id();
        if (videoId == null || videoId.isBlank()) {
            throw new VideoRequestValidationException("id", "the job has no id to watch");
        }
        return watch(videoId.trim(), job);
    }

    /**
     * @param videoId a video id
     * @return the watch following or waiting to follow that job
     */
    public Optional<VideoJobWatch> find(String videoId) {
        synchronized (this.lock) {
            return Optional.ofNullable(this.watches.get(videoId));
        }
    }

    /**
     * @return the number of jobs being followed
     */
    public int activeWatches() {
        synchronized (this.lock) {
            return this.active;
        }
    }

    /**
     * @return the number of watches waiting for a slot
     */
    public int queuedWatches() {
        synchronized (this.lock) {
            return this.queue.size();
        }
    }

    /**
     * @return how many jobs are followed at once at most
     */
    public int maxConcurrentWatches() {
        return this.maxConcurrentWatches;
    }

    /**
     * @return how long one job is followed at most
     */
    public Duration watchTimeout() {
        return this.watchTimeout;
    }

    /**
     * Accepts watches again after {@link #stop()}.
     */
    @Override
    public void start() {
        synchronized (this.lock) {
            this.stopped = false;
        }
    }

    /**
     * Cancels every watch, queued ones included. Further {@link #watch} calls fail until {@link #start()}.
     */
    @Override
    public void stop() {
        List<VideoJobWatch> all;
        synchronized (this.lock) {
            this.stopped = true;
            all = new ArrayList<>(this.watches.values());
        }
        all.forEach((watch) -> end(watch, VideoJobWatch.State.CANCELLED, null));
    }

    @Override
    public boolean isRunning() {
        synchronized (this.lock) {
            return !this.stopped;
        }
    }

    /**
     * Same as {@link #stop()}.
     */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        synchronized (this.lock) {
            return "VideoJobWatcher[active=" + this.active + ", queued=" + this.queue.size() + ", max="
                    + this.maxConcurrentWatches + ", watchTimeout=" + this.watchTimeout + "]";
        }
    }

    void cancel(VideoJobWatch watch) {
        end(watch, VideoJobWatch.State.CANCELLED, null);
    }

    private VideoJobWatch watch(String videoId, @Nullable VideoJob baseline) {
        VideoJobWatch watch;
        boolean startNow;
        synchronized (this.lock) {
            if (this.stopped) {
                throw new IllegalStateException("The video job watcher is stopped; cannot watch job " + videoId);
            }
            VideoJobWatch existing = this.watches.get(videoId);
            if (existing != null) {
                return existing;
            }
            watch = new VideoJobWatch(videoId, baseline, this);
            this.watches.put(videoId, watch);
            startNow = this.active < this.maxConcurrentWatches;
            if (startNow) {
                this.active++;
                watch.state(VideoJobWatch.State.ACTIVE);
            }
            else {
                this.queue.addLast(watch);
            }
        }
        if (startNow) {
            begin(watch);
        }
        else if (logger.isDebugEnabled()) {
            logger.debug("Queued the watch of video job " + videoId + ": " + this.maxConcurrentWatches
                    + " jobs are followed already");
        }
        return watch;
    }

    private void begin(VideoJobWatch watch) {
        JobEventTranslator translator = new JobEventTranslator(watch.baseline());
        Disposable subscription = this.client.streamVideo(watch.videoId(), this.options)
            .take(this.watchTimeout)
            .publishOn(this.scheduler.get())
            .subscribe((update) -> publish(watch, translator, update),
                    (failure) -> end(watch, VideoJobWatch.State.FAILED, failure),
                    () -> end(watch, watch.finalSeen() ? VideoJobWatch.State.FINISHED
                            : VideoJobWatch.State.TIMED_OUT, null));
        watch.subscription(subscription);
    }

    private void publish(VideoJobWatch watch, JobEventTranslator translator, VideoJobUpdate update) {
        watch.observed(update);
        try {
            for (VideoJobEvent event : translator.translate(update)) {
                this.dispatcher.dispatch(event);
            }
        }
        catch (RuntimeException ex) {
            // the dispatcher already contains listener failures; this is a defect, not a reason to stop watching
            logger.error("Could not publish the events of " + update, ex);
        }
    }

    private void end(VideoJobWatch watch, VideoJobWatch.State outcome, @Nullable Throwable failure) {
        VideoJobWatch next = null;
        synchronized (this.lock) {
            if (!this.watches.remove(watch.videoId(), watch)) {
                return;
            }
            if (watch.state() == VideoJobWatch.State.QUEUED) {
                this.queue.remove(watch);
            }
            else {
                this.active--;
                if (!this.stopped) {
                    next = this.queue.pollFirst();
                    if (next != null) {
                        this.active++;
                        next.state(VideoJobWatch.State.ACTIVE);
                    }
                }
            }
            watch.state(outcome);
        }
        log(watch, outcome, failure);
        watch.finish(failure);
        if (next != null) {
            begin(next);
        }
    }

    private void log(VideoJobWatch watch, VideoJobWatch.State outcome, @Nullable Throwable failure) {
        if (outcome == VideoJobWatch.State.FAILED) {
            logger.warn("Stopped watching video job " + watch.videoId() + ": "
                    + ((failure != null) ? failure.getMessage() : "unknown failure"));
        }
        else if (outcome == VideoJobWatch.State.TIMED_OUT) {
            logger.warn("Stopped watching video job " + watch.videoId() + " after the watch timeout ("
                    + this.watchTimeout + "); the job was left running");
        }
        else if (logger.isDebugEnabled()) {
            logger.debug("Stopped watching video job " + watch.videoId() + ": " + outcome);
        }
    }
}
