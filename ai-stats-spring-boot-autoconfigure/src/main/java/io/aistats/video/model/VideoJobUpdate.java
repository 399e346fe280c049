package io.aistats.video.model;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Objects;

/**
 * One observation of a video job: a frame of the gateway's lifecycle stream ({@code job.snapshot},
 * {@code job.updated}, {@code job.deleted}) or, while the stream is unavailable, the answer to a poll of
 * {@code GET /videos/{id}}.
 * <p>
 * Stream frames carry the job data of webhook deliveries (status never {@code in_progress}, progress only 0 or 100);
 * polled jobs carry the public job object. Compare {@link VideoStatus#normalized()} statuses across both.
 * @param type what kind of observation this is
 * @param job the job as observed; for {@link Type#DELETED} only its id is set
 * @param receivedAt when the observation arrived
 */
public record VideoJobUpdate(Type type, VideoJob job, Instant receivedAt) {

    public VideoJobUpdate {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /**
     * @return the job's id ({@code G-...}), {@code null} only if the gateway sent none
     */
    public @Nullable String videoId() {
        return this.job.id();
    }

    /**
     * @return the job's status as sent, {@code null} for {@link Type#DELETED}
     */
    public @Nullable VideoStatus status() {
        return this.job.status();
    }

    /**
     * @return whether the job reached a status it never leaves (completed, failed, cancelled or expired)
     */
    public boolean isTerminal() {
        return this.job.isTerminal();
    }

    /**
     * @return whether this observation ends the stream: a terminal status, or the job record no longer exists
     */
    public boolean isFinal() {
        return isTerminal() || this.type == Type.DELETED;
    }

    /**
     * @return whether the observation came over the lifecycle stream rather than by polling
     */
    public boolean isFromStream() {
        return this.type != Type.POLLED;
    }

    /** Shows the identifying members only: the job may carry signed download links. */
    @Override
    public String toString() {
        return "VideoJobUpdate[type=" + this.type + ", videoId=" + this.job.id() + ", status=" + this.job.status()
                + ", progress=" + this.job.progress() + ", receivedAt=" + this.receivedAt + "]";
    }

    /**
     * The kind of observation.
     */
    public enum Type {

        /** {@code job.snapshot}: the job's state right after the stream opened (again, after a reconnect). */
        SNAPSHOT,

        /** {@code job.updated}: the job's stored state changed. */
        UPDATED,

        /** {@code job.deleted}: the job record no longer exists; nothing follows. */
        DELETED,

        /** The answer to {@code GET /videos/{id}} while the stream was unavailable. */
        POLLED
    }
}
