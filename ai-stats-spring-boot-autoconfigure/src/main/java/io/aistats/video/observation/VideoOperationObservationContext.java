package io.aistats.video.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * The {@link Observation.Context} of one video client operation. Carries the video id for conventions and handlers
 * that want it (a tracing span, for example); the default convention does not turn it into a key value, since every
 * job has its own.
 */
public class VideoOperationObservationContext extends Observation.Context {

    private final VideoOperation operation;

    private final @Nullable String videoId;

    private volatile boolean cancelled;

    /**
     * @param operation the operation
     * @param videoId the video id the operation addresses, {@code null} for operations on no single job
     */
    public VideoOperationObservationContext(VideoOperation operation, @Nullable String videoId) {
        this.operation = Objects.requireNonNull(operation, "operation");
        this.videoId = videoId;
    }

    /**
     * @return the operation
     */
    public VideoOperation getOperation() {
        return this.operation;
    }

    /**
     * @return the video id as the caller passed it, {@code null} for operations on no single job
     */
    public @Nullable String getVideoId() {
        return this.videoId;
    }

    /**
     * @return whether the subscriber cancelled before the operation ended (a caller that stopped waiting, or a stream
     * consumer that stopped following the job)
     */
    public boolean isCancelled() {
        return this.cancelled;
    }

    /**
     * Marks the operation as cancelled by its subscriber.
     * @param cancelled whether it was
     */
    public void setCancelled(boolean cancelled) {
        this.cancelled = cancelled;
    }
}
