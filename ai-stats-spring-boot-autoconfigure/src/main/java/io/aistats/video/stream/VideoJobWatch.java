package io.aistats.video.stream;

import io.aistats.video.model.VideoJob;
import io.aistats.video.model.VideoJobUpdate;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

import java.util.concurrent.CompletableFuture;

/**
 * One job followed by a {@link VideoJobWatcher}: queued until a watch slot is free, then active until the job ends,
 * the watch times out, is cancelled, or fails. Thread-safe.
 */
public final class VideoJobWatch {

    private final String videoId;

    private final @Nullable VideoJob baseline;

    private final VideoJobWatcher watcher;

    private final CompletableFuture<VideoJobWatch> done = new CompletableFuture<>();

    /** Held while the events of one observation are published, and while the watch ends. */
    private final Object publishing = new Object();

    private volatile WatchedJob checkpoint;

    private volatile boolean claimed;

    private volatile boolean closed;

    private volatile State state = State.QUEUED;

    private volatile @Nullable VideoJob lastJob;

    private volatile @Nullable Throwable failure;

    private volatile boolean finalSeen;

    private @Nullable Disposable subscription;

    private boolean ended;

    VideoJobWatch(String videoId, @Nullable VideoJob baseline, VideoJobWatcher watcher) {
        this.videoId = videoId;
        this.baseline = baseline;
        this.watcher = watcher;
        this.lastJob = baseline;
        this.checkpoint = WatchedJob.newWatch(videoId, baseline);
    }

    /**
     * @return the id of the watched job
     */
    public String videoId() {
        return this.videoId;
    }

    /**
     * @return where the watch stands
     */
    public State state() {
        return this.state;
    }

    /**
     * @return the job as last observed (initially as known when the watch was requested), or {@code null}
     */
    public @Nullable VideoJob lastJob() {
        return this.lastJob;
    }

    /**
     * @return why the watch failed, for {@link State#FAILED}
     */
    public @Nullable Throwable failure() {
        return this.failure;
    }

    /**
     * @return completes with this watch once it ended, whatever the reason (see {@link #state()}); never
     * exceptionally
     */
    public CompletableFuture<VideoJobWatch> whenDone() {
        return this.done.copy();
    }

    /**
     * Stops watching the job (nothing is sent to the gateway about the job itself). Idempotent.
     */
    public void cancel() {
        this.watcher.cancel(this);
    }

    @Override
    public String toString() {
        return "VideoJobWatch[videoId=" + this.videoId + ", state=" + this.state + "]";
    }

    @Nullable VideoJob baseline() {
        return this.baseline;
    }

    /** How far the job's events were published, as the watch store records it. */
    WatchedJob checkpoint() {
        return this.checkpoint;
    }

    void checkpoint(WatchedJob checkpoint) {
        this.checkpoint = checkpoint;
    }

    /** Whether the watch store holds the job for this watch. */
    boolean claimed() {
        return this.claimed;
    }

    void claimed(WatchedJob recorded) {
        this.checkpoint = recorded;
        this.claimed = true;
    }

    /** The lock that orders the publication of events with the end of the watch. */
    Object publishing() {
        return this.publishing;
    }

    /** Called with {@link #publishing()} held: no event is published for the watch any more. */
    void close() {
        this.closed = true;
    }

    /** Whether the watch ended or is ending; final once read true. */
    boolean isClosed() {
        return this.closed;
    }

    void observed(VideoJobUpdate update) {
        this.lastJob = update.job();
        if (update.isFinal()) {
            this.finalSeen = true;
        }
    }

    boolean finalSeen() {
        return this.finalSeen;
    }

    /** Called with the watcher's lock held. */
    void state(State state) {
        this.state = state;
    }

    /**
     * @param subscription the running stream; disposed at once when the watch already ended
     */
    void subscription(Disposable subscription) {
        boolean ended;
        synchronized (this) {
            ended = this.ended;
            this.subscription = ended ? null : subscription;
        }
        if (ended) {
            subscription.dispose();
        }
    }

    /** Ends the watch: stops its stream and completes {@link #whenDone()}. */
    void finish(@Nullable Throwable failure) {
        Disposable running;
        synchronized (this) {
            this.ended = true;
            this.failure = failure;
            running = this.subscription;
            this.subscription = null;
        }
        if (running != null) {
            running.dispose();
        }
        this.done.complete(this);
    }

    /**
     * Where a watch stands.
     */
    public enum State {

        /** Waiting for a free watch slot ({@code max-concurrent-watches}). */
        QUEUED,

        /** Following the job. */
        ACTIVE,

        /** The job reached a terminal status or its record disappeared. */
        FINISHED,

        /** The job was still running when the watch timeout elapsed; the job was left alone. */
        TIMED_OUT,

        /** The watch was cancelled, or the watcher stopped. */
        CANCELLED,

        /** Following the job failed in a way another attempt cannot fix (bad key, unknown job). */
        FAILED,

        /**
         * Another instance of the application follows the job: it holds the job's lease in the shared
         * {@link VideoJobWatchStore}, or took the job over when this one could not renew its lease in time.
         */
        ELSEWHERE
    }
}
