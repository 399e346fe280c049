package io.aistats.test;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Optional;

/**
 * An immutable snapshot of one simulated job, for assertions and for {@link JobTransitionListener}s.
 * Statuses use the gateway's vocabularies: {@link #status()} is the stored status ({@code queued},
 * {@code in_progress}, {@code completed}, {@code failed}, {@code cancelled}, {@code expired}) and
 * {@link #publicStatus()} what {@code GET /v1/videos/{id}} shows.
 */
public final class SimulatedJob {

    private final String id;

    private final String workspaceId;

    private final String model;

    private final String provider;

    private final String status;

    private final String publicStatus;

    private final @Nullable Integer progress;

    private final String prompt;

    private final int seconds;

    private final @Nullable String size;

    private final int sampleCount;

    private final String outputAccess;

    private final String nativeId;

    private final Instant createdAt;

    private final Instant updatedAt;

    private final @Nullable Instant finalizedAt;

    private final @Nullable String errorMessage;

    private final boolean deleted;

    private final @Nullable String webhookEndpointId;

    SimulatedJob(String id, String workspaceId, String model, String provider, String status, String publicStatus,
            @Nullable Integer progress, String prompt, int seconds, @Nullable String size, int sampleCount,
            String outputAccess, String nativeId, Instant createdAt, Instant updatedAt, @Nullable Instant finalizedAt,
            @Nullable String errorMessage, boolean deleted, @Nullable String webhookEndpointId) {
        this.id = id;
        this.workspaceId = workspaceId;
        this.model = model;
        this.provider = provider;
        this.status = status;
        this.publicStatus = publicStatus;
        this.progress = progress;
        this.prompt = prompt;
        this.seconds = seconds;
        this.size = size;
        this.sampleCount = sampleCount;
        this.outputAccess = outputAccess;
        this.nativeId = nativeId;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.finalizedAt = finalizedAt;
        this.errorMessage = errorMessage;
        this.deleted = deleted;
        this.webhookEndpointId = webhookEndpointId;
    }

    /** @return the video id ({@code G-...}) */
    public String id() {
        return this.id;
    }

    /** @return the owning workspace id */
    public String workspaceId() {
        return this.workspaceId;
    }

    /** @return the gateway model id, e.g. {@code openai/sora-2} */
    public String model() {
        return this.model;
    }

    /** @return the public provider id, e.g. {@code openai} or {@code google-ai-studio} */
    public String provider() {
        return this.provider;
    }

    /** @return the stored status ({@code queued}, {@code in_progress}, or a terminal status) */
    public String status() {
        return this.status;
    }

    /** @return the public status shown by GET ({@code in_progress} for OpenAI, {@code processing} otherwise) */
    public String publicStatus() {
        return this.publicStatus;
    }

    /** @return the stored progress, if a provider reported one */
    public Optional<Integer> progress() {
        return Optional.ofNullable(this.progress);
    }

    /** @return the prompt ({@code ""} when the request had none) */
    public String prompt() {
        return this.prompt;
    }

    /** @return the output duration in seconds */
    public int seconds() {
        return this.seconds;
    }

    /** @return the stored size or resolution, if the request named one */
    public Optional<String> size() {
        return Optional.ofNullable(this.size);
    }

    /** @return the number of outputs */
    public int sampleCount() {
        return this.sampleCount;
    }

    /** @return {@code bytes}, {@code signed_url} or {@code both} */
    public String outputAccess() {
        return this.outputAccess;
    }

    /** @return the simulated provider-native id */
    public String nativeId() {
        return this.nativeId;
    }

    /** @return when the job was created (simulator clock) */
    public Instant createdAt() {
        return this.createdAt;
    }

    /** @return when the stored state last changed */
    public Instant updatedAt() {
        return this.updatedAt;
    }

    /** @return when the job became terminal, if it did */
    public Optional<Instant> finalizedAt() {
        return Optional.ofNullable(this.finalizedAt);
    }

    /** @return the failure message of a failed job */
    public Optional<String> errorMessage() {
        return Optional.ofNullable(this.errorMessage);
    }

    /** @return whether the job was deleted (tombstoned) */
    public boolean deleted() {
        return this.deleted;
    }

    /** @return the webhook endpoint the job notifies, if any */
    public Optional<String> webhookEndpointId() {
        return Optional.ofNullable(this.webhookEndpointId);
    }

    /** @return whether the status is terminal */
    public boolean isTerminal() {
        return StoredStatus.isTerminal(this.status);
    }

    @Override
    public String toString() {
        return "SimulatedJob[" + this.id + ", " + this.model + ", " + this.status
                + (this.progress != null ? " " + this.progress + "%" : "") + (this.deleted ? ", deleted" : "") + "]";
    }
}
