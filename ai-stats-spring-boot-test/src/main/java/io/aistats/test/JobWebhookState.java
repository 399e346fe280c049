package io.aistats.test;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Webhook configuration and delivery telemetry of one job (the source of the public {@code webhook} member, §4.8).
 * Guarded by the job store's lock: change it only inside
 * {@link JobStore#update(String, java.util.function.Consumer, java.time.Instant)}.
 */
final class JobWebhookState {

    /** Attempts kept in the history (the gateway keeps the last 50). */
    static final int HISTORY_LIMIT = 50;

    /** Attempts shown in {@code webhook.attempts}. */
    static final int SHOWN_ATTEMPTS = 10;

    private final String endpointId;

    private final List<String> events;

    private final List<WebhookAttempt> attempts = new ArrayList<>();

    private final TreeSet<String> deliveredKeys = new TreeSet<>();

    /** Delivery keys with a scheduled retry, and when it is due. */
    private final Map<String, Instant> pendingRetries = new LinkedHashMap<>();

    private @Nullable Integer lastProgress;

    private @Nullable Instant lastProgressAt;

    /**
     * @param endpointId the endpoint UUID named by the create request
     * @param events the job-level events after normalisation (§6.2); empty when the request gave none
     */
    JobWebhookState(String endpointId, List<String> events) {
        this.endpointId = endpointId;
        this.events = List.copyOf(events);
    }

    /** @return the endpoint UUID */
    String endpointId() {
        return this.endpointId;
    }

    /** @return the job-level events (normalised), empty when the endpoint's list applies */
    List<String> events() {
        return this.events;
    }

    /** @return every recorded attempt, oldest first (at most {@link #HISTORY_LIMIT}) */
    List<WebhookAttempt> attempts() {
        return List.copyOf(this.attempts);
    }

    /** @return whether the delivery key was delivered successfully (it is then never sent again) */
    boolean isDelivered(String deliveryKey) {
        return this.deliveredKeys.contains(deliveryKey);
    }

    /** @return delivery keys with a scheduled retry and their due time */
    Map<String, Instant> pendingRetries() {
        return Map.copyOf(this.pendingRetries);
    }

    /**
     * Records an attempt: updates the delivered keys and the retry schedule.
     * @param attempt the attempt
     */
    void recordAttempt(WebhookAttempt attempt) {
        this.attempts.add(attempt);
        if (this.attempts.size() > HISTORY_LIMIT) {
            this.attempts.remove(0);
        }
        if ("delivered".equals(attempt.status())) {
            this.deliveredKeys.add(attempt.deliveryKey());
        }
        if (attempt.nextRetryAt() != null) {
            this.pendingRetries.put(attempt.deliveryKey(), attempt.nextRetryAt());
        }
        else {
            this.pendingRetries.remove(attempt.deliveryKey());
        }
    }

    /**
     * Forgets a scheduled retry: the delivery was dropped (endpoint no longer active, event no longer subscribed).
     * @param deliveryKey the delivery key
     */
    void dropRetry(String deliveryKey) {
        this.pendingRetries.remove(deliveryKey);
    }

    /**
     * Records that a {@code video.progress} bucket was delivered.
     * @param bucket the bucket (5 ... 95)
     * @param at when
     */
    void recordProgressDelivery(int bucket, Instant at) {
        this.lastProgress = bucket;
        this.lastProgressAt = at;
    }

    /** @return the earliest scheduled retry, or {@code null} */
    @Nullable Instant nextRetryAt() {
        return this.pendingRetries.values().stream().min(Instant::compareTo).orElse(null);
    }

    /** @return when the last attempt was made, or {@code null} */
    @Nullable Instant lastAttemptAt() {
        return this.attempts.isEmpty() ? null : this.attempts.get(this.attempts.size() - 1).triedAt();
    }

    /** @return the last delivered progress bucket, or {@code null} */
    @Nullable Integer lastProgress() {
        return this.lastProgress;
    }

    /** @return when the last progress bucket was delivered, or {@code null} */
    @Nullable Instant lastProgressAt() {
        return this.lastProgressAt;
    }

    /** @return the delivered keys, sorted ascending */
    List<String> deliveredKeys() {
        return List.copyOf(this.deliveredKeys);
    }

    /** @return the last attempt that succeeded, or {@code null} */
    @Nullable WebhookAttempt lastDelivered() {
        for (int i = this.attempts.size() - 1; i >= 0; i--) {
            if ("delivered".equals(this.attempts.get(i).status())) {
                return this.attempts.get(i);
            }
        }
        return null;
    }

    /** @return the last attempt that failed, or {@code null} */
    @Nullable WebhookAttempt lastFailed() {
        for (int i = this.attempts.size() - 1; i >= 0; i--) {
            if (!"delivered".equals(this.attempts.get(i).status())) {
                return this.attempts.get(i);
            }
        }
        return null;
    }
}
