package io.aistats.video.stream;

import io.aistats.video.ReactiveVideoClient;
import io.aistats.video.error.VideoRequestValidationException;
import io.aistats.video.event.VideoJobEvent;
import io.aistats.video.event.VideoJobEventDispatcher;
import io.aistats.video.event.VideoJobEvents;
import io.aistats.video.internal.util.Lazy;
import io.aistats.video.model.VideoJob;
import io.aistats.video.model.VideoJobUpdate;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Follows video jobs without webhooks and publishes their lifecycle as the same {@link VideoJobEvent}s a webhook
 * delivers, with the same event ids, through the same {@link VideoJobEventDispatcher}: a phase observed both here and
 * by webhook reaches the listeners once. Each job is followed with {@link ReactiveVideoClient#streamVideo} (the
 * lifecycle stream, polling while it is unavailable); events carry the source {@code STREAM} or {@code POLLING}.
 * <p>
 * Which events (see {@link VideoJobEvents#storedStatus} for the status mapping and where it can differ from the
 * gateway's): {@code video.created} when the job is first seen queued, {@code video.status_changed} for each change
 * between two observations, the terminal event once the job ends, and {@code video.progress} for new buckets of
 * polled provider progress. Transitions that happen between two observations are seen as one.
 * <p>
 * Bounded ({@link VideoJobWatcherSettings}): at most {@code maxConcurrentWatches} jobs are followed at once; further
 * watches queue (first come, first served) and start as slots free up. A watch ends when the job reaches a terminal
 * status, after {@code watchTimeout} from its start (the job is left alone), on {@link VideoJobWatch#cancel()}, or
 * when the watcher stops. Listeners run on a worker thread ({@code boundedElastic} by default), one job's events in
 * order. Stops with the application context; thread-safe.
 * <p>
 * The watched jobs are recorded in a {@link VideoJobWatchStore}: in memory by default, or in a store the instances
 * of an application share ({@link JdbcVideoJobWatchStore}), which makes watches survive a restart. With a shared
 * store, each instance follows the jobs whose lease it holds, renews those leases and takes over jobs whose lease
 * expired (an instance crashed) or was released (an instance stopped) every {@link VideoJobWatchStore#renewInterval()},
 * from its {@link #start()} (the application context calls it) or its first watch. The instance that takes a job
 * over goes on from the last status whose events were published, so the events keep their ids and listeners see
 * each phase once; a job's record is removed once its terminal event was published, or when its watch timed out,
 * failed or was cancelled. Stopping releases the jobs still followed.
 */
public class VideoJobWatcher implements SmartLifecycle, AutoCloseable {

    private static final Log logger = LogFactory.getLog(VideoJobWatcher.class);

    private final ReactiveVideoClient client;

    private final VideoJobEventDispatcher dispatcher;

    private final VideoJobWatchStore store;

    private final VideoJobWatcherSettings settings;

    private final Lazy<Scheduler> scheduler;

    private final Object lock = new Object();

    private final Map<String, VideoJobWatch> watches = new LinkedHashMap<>();

    private final ArrayDeque<VideoJobWatch> queue = new ArrayDeque<>();

    private int active;

    private boolean stopped;

    private boolean started;

    private boolean maintaining;

    /** Tells the renewal passes of one start from those of an earlier one. */
    private long generation;

    /**
     * Creates a watcher; it asks for its scheduler when it starts its first watch or its lease renewals.
     * @param client follows the jobs
     * @param dispatcher publishes the events, de-duplicated with every other path
     * @param store records the watched jobs ({@link InMemoryVideoJobWatchStore} by default); shared by the instances
     * of an application to survive restarts
     * @param settings how many jobs are followed at once, for how long, and on which scheduler
     * ({@link VideoJobWatcherSettings#defaults()} by default)
     */
    public VideoJobWatcher(ReactiveVideoClient client, VideoJobEventDispatcher dispatcher, VideoJobWatchStore store,
            VideoJobWatcherSettings settings) {
        this.client = Objects.requireNonNull(client, "client must not be null");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher must not be null");
        this.store = Objects.requireNonNull(store, "store must not be null");
        this.settings = Objects.requireNonNull(settings, "settings must not be null");
        this.scheduler = Lazy.of(settings.scheduler());
    }

    /**
     * Starts following a job, or returns the watch already following it.
     * @param videoId the gateway's video id ({@code G-...})
     * @return the watch, {@link VideoJobWatch.State#ACTIVE active} or {@link VideoJobWatch.State#QUEUED queued}, or
     * ended as {@link VideoJobWatch.State#ELSEWHERE} when another instance follows the job
     * @throws IllegalStateException when the watcher is stopped
     * @throws RuntimeException when the watch store cannot record the job
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
     * @return the watch, {@link VideoJobWatch.State#ACTIVE active} or {@link VideoJobWatch.State#QUEUED queued}, or
     * ended as {@link VideoJobWatch.State#ELSEWHERE} when another instance follows the job
     * @throws IllegalStateException when the watcher is stopped
     * @throws RuntimeException when the watch store cannot record the job
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
     * @return how many jobs are followed at once, for how long, and on which scheduler
     */
    public VideoJobWatcherSettings settings() {
        return this.settings;
    }

    /**
     * @return the store the watched jobs are recorded in
     */
    public VideoJobWatchStore store() {
        return this.store;
    }

    /**
     * Accepts watches again after {@link #stop()} and, with a shared store, starts renewing leases and taking over
     * jobs (at once, then every {@link VideoJobWatchStore#renewInterval()}).
     */
    @Override
    public void start() {
        synchronized (this.lock) {
            this.stopped = false;
            this.started = true;
        }
        startMaintenance();
    }

    /**
     * Cancels every watch, queued ones included, and releases their jobs in the store so that another instance takes
     * them over at once. Waits for the events of an observation being published. Further {@link #watch} calls fail
     * until {@link #start()}.
     */
    @Override
    public void stop() {
        List<VideoJobWatch> all;
        synchronized (this.lock) {
            this.stopped = true;
            this.started = false;
            this.maintaining = false;
            this.generation++;
            all = new ArrayList<>(this.watches.values());
        }
        List<String> released = new ArrayList<>();
        for (VideoJobWatch watch : all) {
            if (end(watch, VideoJobWatch.State.CANCELLED, null, false) && watch.claimed()) {
                released.add(watch.videoId());
            }
        }
        if (!released.isEmpty()) {
            try {
                this.store.release(released);
            }
            catch (RuntimeException ex) {
                logger.warn("Could not release " + released.size() + " watched video jobs; another instance takes "
                        + "them over once their lease ends: " + ex.getMessage());
            }
        }
    }

    /**
     * @return whether the watcher was started and not stopped since
     */
    @Override
    public boolean isRunning() {
        synchronized (this.lock) {
            return this.started && !this.stopped;
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
                    + this.settings.maxConcurrentWatches() + ", watchTimeout=" + this.settings.watchTimeout() + "]";
        }
    }

    void cancel(VideoJobWatch watch) {
        end(watch, VideoJobWatch.State.CANCELLED, null, true);
    }

    private VideoJobWatch watch(String videoId, @Nullable VideoJob baseline) {
        VideoJobWatch watch;
        synchronized (this.lock) {
            if (this.stopped) {
                throw new IllegalStateException("The video job watcher is stopped; cannot watch job " + videoId);
            }
            VideoJobWatch existing = this.watches.get(videoId);
            if (existing != null) {
                return existing;
            }
            // in the map while the store records it, so that a second call returns the same watch
            watch = new VideoJobWatch(videoId, baseline, this);
            this.watches.put(videoId, watch);
        }
        Optional<WatchedJob> recorded;
        try {
            recorded = this.store.claim(watch.checkpoint());
        }
        catch (RuntimeException ex) {
            end(watch, VideoJobWatch.State.FAILED, ex, false);
            throw ex;
        }
        if (recorded.isEmpty()) {
            end(watch, VideoJobWatch.State.ELSEWHERE, null, false);
            return watch;
        }
        watch.claimed(recorded.get());
        schedule(watch);
        startMaintenance();
        return watch;
    }

    /** Follows a job taken over from another instance; the store holds it for this one already. */
    private void adopt(WatchedJob job) {
        VideoJobWatch watch = new VideoJobWatch(job.videoId(), null, this);
        watch.claimed(job);
        synchronized (this.lock) {
            if (this.watches.containsKey(job.videoId())) {
                // followed here already: the lease had ended before this instance renewed it
                return;
            }
            if (!this.stopped) {
                this.watches.put(job.videoId(), watch);
            }
        }
        if (logger.isDebugEnabled()) {
            logger.debug("Took over the watch of video job " + job.videoId());
        }
        // when stopped meanwhile, releases the job again
        schedule(watch);
    }

    /** Starts a watch the store holds, or queues it when every slot is taken. */
    private void schedule(VideoJobWatch watch) {
        boolean startNow;
        boolean abandoned = false;
        synchronized (this.lock) {
            if (this.stopped || watch.isClosed()) {
                // stopped or cancelled while the store recorded the job
                abandoned = true;
                startNow = false;
            }
            else {
                startNow = this.active < this.settings.maxConcurrentWatches();
                if (startNow) {
                    this.active++;
                    watch.state(VideoJobWatch.State.ACTIVE);
                }
                else {
                    this.queue.addLast(watch);
                }
            }
        }
        if (abandoned) {
            abandon(watch);
        }
        else if (startNow) {
            begin(watch);
        }
        else if (logger.isDebugEnabled()) {
            logger.debug("Queued the watch of video job " + watch.videoId() + ": "
                    + this.settings.maxConcurrentWatches() + " jobs are followed already");
        }
    }

    /** Gives up a job the store holds for a watch that ended, or never began, while the store recorded it. */
    private void abandon(VideoJobWatch watch) {
        boolean stopping;
        synchronized (this.lock) {
            stopping = this.stopped;
            this.watches.remove(watch.videoId(), watch);
        }
        try {
            if (stopping) {
                this.store.release(List.of(watch.videoId()));
            }
            else {
                this.store.remove(watch.videoId());
            }
        }
        catch (RuntimeException ex) {
            logger.warn("Could not update the record of watched video job " + watch.videoId() + ": "
                    + ex.getMessage());
        }
        boolean ended;
        synchronized (watch.publishing()) {
            ended = watch.isClosed();
            watch.close();
        }
        if (!ended) {
            watch.state(VideoJobWatch.State.CANCELLED);
            watch.finish(null);
        }
    }

    private void startMaintenance() {
        Duration interval = this.store.renewInterval().orElse(null);
        if (interval == null) {
            return;
        }
        long current;
        synchronized (this.lock) {
            if (this.maintaining || this.stopped) {
                return;
            }
            this.maintaining = true;
            current = this.generation;
        }
        scheduleMaintenance(current, Duration.ZERO);
    }

    private void scheduleMaintenance(long generation, Duration delay) {
        try {
            this.scheduler.get().schedule(() -> maintain(generation), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (RejectedExecutionException ex) {
            logger.warn("Could not schedule the renewal of the video job watch leases: " + ex.getMessage());
        }
    }

    /**
     * One renewal pass: renews the leases this instance holds, ends the watches whose job another instance took over,
     * releases jobs held without a watch, and takes over as many expired jobs as there are free slots.
     */
    private void maintain(long generation) {
        List<VideoJobWatch> held;
        synchronized (this.lock) {
            if (generation != this.generation || this.stopped) {
                return;
            }
            held = this.watches.values().stream().filter(VideoJobWatch::claimed).toList();
        }
        try {
            Set<String> leased = this.store.renew();
            for (VideoJobWatch watch : held) {
                if (!leased.contains(watch.videoId())) {
                    logger.warn("Another instance took over video job " + watch.videoId() + " (its lease could not "
                            + "be renewed in time); stopped watching it here");
                    end(watch, VideoJobWatch.State.ELSEWHERE, null, false);
                }
            }
            List<String> orphans;
            int free;
            synchronized (this.lock) {
                orphans = leased.stream().filter((videoId) -> !this.watches.containsKey(videoId)).toList();
                free = this.settings.maxConcurrentWatches() - this.watches.size();
            }
            if (!orphans.isEmpty()) {
                this.store.release(orphans);
            }
            if (free > 0) {
                this.store.takeOver(free).forEach(this::adopt);
            }
        }
        catch (RuntimeException ex) {
            logger.warn("Could not renew the video job watch leases or take over jobs; trying again in "
                    + this.store.renewInterval().orElseThrow() + ": " + ex.getMessage());
        }
        boolean again;
        synchronized (this.lock) {
            again = generation == this.generation && !this.stopped;
        }
        if (again) {
            scheduleMaintenance(generation, this.store.renewInterval().orElseThrow());
        }
    }

    private void begin(VideoJobWatch watch) {
        JobEventTranslator translator = JobEventTranslator.resuming(watch.checkpoint());
        Disposable subscription = this.client.streamVideo(watch.videoId(), this.settings.streamOptions())
            .take(this.settings.watchTimeout())
            .publishOn(this.scheduler.get())
            .subscribe((update) -> publish(watch, translator, update),
                    (failure) -> end(watch, VideoJobWatch.State.FAILED, failure, true),
                    () -> end(watch, watch.finalSeen() ? VideoJobWatch.State.FINISHED
                            : VideoJobWatch.State.TIMED_OUT, null, !watch.finalSeen()));
        watch.subscription(subscription);
    }

    private void publish(VideoJobWatch watch, JobEventTranslator translator, VideoJobUpdate update) {
        synchronized (watch.publishing()) {
            if (watch.isClosed()) {
                // the watch ended meanwhile; another instance may follow the job already
                return;
            }
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
            try {
                record(watch, translator, update);
            }
            catch (RuntimeException ex) {
                logger.warn("Could not record the progress of watched video job " + watch.videoId() + ": "
                        + ex.getMessage());
            }
        }
    }

    /** Records how far the job's events were published, for an instance that takes the job over. */
    private void record(VideoJobWatch watch, JobEventTranslator translator, VideoJobUpdate update) {
        if (update.isFinal()) {
            this.store.remove(watch.videoId());
            return;
        }
        WatchedJob checkpoint = translator.checkpoint(watch.videoId());
        if (!checkpoint.equals(watch.checkpoint())) {
            this.store.update(checkpoint);
            watch.checkpoint(checkpoint);
        }
    }

    /**
     * Ends a watch once.
     * @param forget whether the job's record is removed from the store (it is kept for another instance when the
     * watcher stops, or when another instance took the job over)
     * @return whether this call ended the watch
     */
    private boolean end(VideoJobWatch watch, VideoJobWatch.State outcome, @Nullable Throwable failure,
            boolean forget) {
        synchronized (watch.publishing()) {
            if (watch.isClosed()) {
                return false;
            }
            watch.close();
        }
        if (forget && watch.claimed()) {
            // before the watch leaves the map, so that a renewal pass never releases the record as an orphan
            try {
                this.store.remove(watch.videoId());
            }
            catch (RuntimeException ex) {
                logger.warn("Could not remove the record of watched video job " + watch.videoId() + ": "
                        + ex.getMessage());
            }
        }
        VideoJobWatch next = null;
        synchronized (this.lock) {
            this.watches.remove(watch.videoId(), watch);
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
        return true;
    }

    private void log(VideoJobWatch watch, VideoJobWatch.State outcome, @Nullable Throwable failure) {
        if (outcome == VideoJobWatch.State.FAILED) {
            logger.warn("Stopped watching video job " + watch.videoId() + ": "
                    + ((failure != null) ? failure.getMessage() : "unknown failure"));
        }
        else if (outcome == VideoJobWatch.State.TIMED_OUT) {
            logger.warn("Stopped watching video job " + watch.videoId() + " after the watch timeout ("
                    + this.settings.watchTimeout() + "); the job was left running");
        }
        else if (logger.isDebugEnabled()) {
            logger.debug("Stopped watching video job " + watch.videoId() + ": " + outcome);
        }
    }
}
