package io.aistats.test;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * The stored state of one simulated job (the gateway's database row). Mutable; guarded by the {@link JobStore}'s
 * lock. Public code sees {@link SimulatedJob} snapshots instead.
 */
final class JobRecord {

    /** What the simulated provider does when the job's processing time is over. */
    enum Outcome {
        COMPLETED, FAILED, EXPIRED, CANCELLED
    }

    final String id;

    final String workspaceId;

    final VideoModel model;

    final String prompt;

    final int seconds;

    /** Stored size or resolution, {@code null} when the request named neither. */
    final @Nullable String size;

    /** What the create response and the OpenAI status object report as {@code size}. */
    final @Nullable String providerSize;

    final int sampleCount;

    final String outputAccess;

    final String nativeId;

    final @Nullable String sessionId;

    final @Nullable String appId;

    final String reservationId;

    final long estimatedNanos;

    final Instant createdAt;

    /** When the simulated provider starts processing. */
    final Instant startsAt;

    /** When the simulated provider finishes. */
    final Instant finishesAt;

    final Outcome plannedOutcome;

    final @Nullable JobWebhookState webhook;

    String storedStatus = StoredStatus.QUEUED;

    @Nullable Integer storedProgress;

    @Nullable String progressSource;

    /** Set once a test steered the progress by hand; automatic provider progress then stops. */
    boolean progressSteered;

    Instant updatedAt;

    long updateSequence;

    @Nullable Instant finalizedAt;

    /** When the simulated provider says it finished (OpenAI's numeric {@code completed_at}). */
    @Nullable Instant providerFinishedAt;

    @Nullable Instant lastPolledAt;

    @Nullable String polledStatus;

    @Nullable String errorMessage;

    boolean deleted;

    @Nullable Instant deletedAt;

    @Nullable Long settledNanos;

    String reservationStatus = "held";

    @Nullable String chargeReason;

    @Nullable Boolean charged;

    @Nullable Instant billedAt;

    @Nullable Instant lastWebhookDispatchedAt;

    JobRecord(String id, String workspaceId, VideoModel model, String prompt, int seconds, @Nullable String size,
            @Nullable String providerSize, int sampleCount, String outputAccess, String nativeId,
            @Nullable String sessionId, @Nullable String appId, String reservationId, Instant createdAt,
            Instant startsAt, Instant finishesAt, Outcome plannedOutcome, @Nullable JobWebhookState webhook) {
        this.id = id;
        this.workspaceId = workspaceId;
        this.model = model;
        this.prompt = prompt;
        this.seconds = seconds;
        this.size = size;
        this.providerSize = providerSize;
        this.sampleCount = sampleCount;
        this.outputAccess = outputAccess;
        this.nativeId = nativeId;
        this.sessionId = sessionId;
        this.appId = appId;
        this.reservationId = reservationId;
        this.estimatedNanos = model.nanosPerSecond() * seconds * sampleCount;
        this.createdAt = createdAt;
        this.startsAt = startsAt;
        this.finishesAt = finishesAt;
        this.plannedOutcome = plannedOutcome;
        this.webhook = webhook;
        this.updatedAt = createdAt;
    }

    /** @return whether the stored status is terminal */
    boolean isTerminal() {
        return StoredStatus.isTerminal(this.storedStatus);
    }

    /** @return the public status of GET and list (with {@code in_progress} for OpenAI) */
    String publicStatus() {
        return StoredStatus.publicStatus(this.storedStatus, this.model.isOpenAi());
    }

    /** @return the public status without the OpenAI exception */
    String neutralStatus() {
        return StoredStatus.neutralPublic(this.storedStatus);
    }

    /** @return an immutable public view */
    SimulatedJob snapshot() {
        return new SimulatedJob(this.id, this.workspaceId, this.model.id(), this.model.publicProvider(),
                this.storedStatus, publicStatus(), this.storedProgress, this.prompt, this.seconds, this.size,
                this.sampleCount, this.outputAccess, this.nativeId, this.createdAt, this.updatedAt, this.finalizedAt,
                this.errorMessage, this.deleted, this.webhook != null ? this.webhook.endpointId() : null);
    }
}
