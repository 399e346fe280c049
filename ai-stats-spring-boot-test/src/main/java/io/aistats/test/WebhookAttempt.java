package io.aistats.test;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * One recorded webhook delivery attempt of a job, as listed in the job's public {@code webhook.attempts} (§4.8).
 *
 * @param deliveryKey the delivery key (§6.7), e.g. {@code video.status_changed:queued:in_progress}
 * @param eventType the delivered type, e.g. {@code video.status_changed}
 * @param status {@code delivered}, {@code scheduled_retry} or {@code failed_permanently}
 * @param attemptNumber 1-based attempt number
 * @param maxAttempts the attempt budget (4)
 * @param triedAt when the attempt was made
 * @param deliveredAt when it succeeded, or {@code null}
 * @param nextRetryAt when the next attempt is due, or {@code null}
 * @param responseStatus the receiver's HTTP status, {@code null} for network errors and timeouts
 * @param errorMessage why the attempt failed, or {@code null}
 * @param responseBodyPreview the first 500 characters of the receiver's answer, or {@code null}
 */
record WebhookAttempt(String deliveryKey, String eventType, String status, int attemptNumber, int maxAttempts,
        Instant triedAt, @Nullable Instant deliveredAt, @Nullable Instant nextRetryAt,
        @Nullable Integer responseStatus, @Nullable String errorMessage, @Nullable String responseBodyPreview) {
}
