package io.aistats.video.internal.stream;

import io.aistats.video.model.JobStreamSettings;
import io.aistats.video.model.VideoJob;
import io.aistats.video.model.VideoJobUpdate;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Follows one job to its end over the lifecycle stream, falling back to polling while the stream is unavailable: when
 * the socket cannot be opened or drops before the job ends, the job is polled (as often as
 * {@code poll_after_seconds} or the configured poll interval allow) while reconnection is retried with growing
 * back-off; a refused upgrade (426, an intermediary strips WebSocket) leaves polling only. Failures that another
 * attempt cannot fix (bad key, unknown job) end the updates. Updates pass an {@link UpdateFilter}, so that no phase
 * is reported twice across the switches. One instance per subscription.
 */
public final class ResilientJobStream {

    /** The gateway's polling guidance when a job does not carry {@code poll_after_seconds}. */
    static final Duration DEFAULT_POLL_AFTER = Duration.ofSeconds(20);

    private static final Log logger = LogFactory.getLog(ResilientJobStream.class);

    private final String videoId;

    private final Supplier<Flux<VideoJobUpdate>> connect;

    private final Function<String, Mono<VideoJob>> getVideo;

    private final JobStreamSettings settings;

    private final UpdateFilter filter = new UpdateFilter();

    private volatile int failedAttempts;

    private volatile boolean pollingOnly;

    private volatile @Nullable Instant lastPollAt;

    private volatile @Nullable Duration pollAfter;

    /**
     * @param videoId the job
     * @param connect opens one stream connection
     * @param getVideo reads the job
     * @param settings back-off and polling settings
     */
    public ResilientJobStream(String videoId, Supplier<Flux<VideoJobUpdate>> connect,
            Function<String, Mono<VideoJob>> getVideo, JobStreamSettings settings) {
        this.videoId = videoId;
        this.connect = connect;
        this.getVideo = getVideo;
        this.settings = settings;
    }

    /**
     * @return the new updates, completing after the first final one
     */
    public Flux<VideoJobUpdate> updates() {
        // each round is one connection, or one polling window between two connection attempts
        return Flux.defer(this::round)
            .repeat()
            .filter(this.filter::isNew)
            .takeUntil(VideoJobUpdate::isFinal);
    }

    private Flux<VideoJobUpdate> round() {
        if (this.pollingOnly) {
            return polls();
        }
        return this.connect.get()
            .doOnNext((update) -> this.failedAttempts = 0)
            .onErrorResume(StreamFailures::isUpgradeRefused, (failure) -> {
                logger.warn("The lifecycle stream of video job " + this.videoId + " was refused with HTTP 426 (an "
                        + "intermediary does not pass WebSocket upgrades); following the job by polling");
                this.pollingOnly = true;
                return polls();
            })
            .onErrorResume(StreamFailures::isTransient, (failure) -> {
                this.failedAttempts++;
                Duration backoff = this.settings.reconnectBackoff(this.failedAttempts);
                logger.info("The lifecycle stream of video job " + this.videoId + " is unavailable ("
                        + failure.getMessage() + "); polling and reconnecting in " + backoff);
                return polls().take(backoff);
            });
    }

    /** Polls forever at the polling cadence; the first poll waits only as long as the cadence requires. */
    private Flux<VideoJobUpdate> polls() {
        return Flux.defer(() -> Mono.delay(untilNextPoll()).then(poll())).repeat();
    }

    private Mono<VideoJobUpdate> poll() {
        return this.getVideo.apply(this.videoId)
            .map((job) -> {
                Instant now = Instant.now();
                this.lastPollAt = now;
                this.pollAfter = (job.pollAfterSeconds() != null && job.pollAfterSeconds() > 0)
                        ? Duration.ofSeconds(job.pollAfterSeconds()) : null;
                return new VideoJobUpdate(VideoJobUpdate.Type.POLLED, job, now);
            })
            .onErrorResume(StreamFailures::isTransient, (failure) -> {
                this.lastPollAt = Instant.now();
                logger.info("Polling video job " + this.videoId + " failed (" + failure.getMessage()
                        + "); trying again later");
                return Mono.empty();
            });
    }

    private Duration untilNextPoll() {
        Instant last = this.lastPollAt;
        if (last == null) {
            return Duration.ZERO;
        }
        Duration interval = this.settings.pollInterval();
        if (interval == null) {
            interval = (this.pollAfter != null) ? this.pollAfter : DEFAULT_POLL_AFTER;
        }
        Duration wait = Duration.between(Instant.now(), last.plus(interval));
        return wait.isNegative() ? Duration.ZERO : wait;
    }
}
