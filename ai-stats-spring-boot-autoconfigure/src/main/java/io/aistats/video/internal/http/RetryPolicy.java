package io.aistats.video.internal.http;

import io.aistats.video.error.AiStatsApiException;
import io.aistats.video.error.AiStatsConnectionException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.util.retry.Retry;

import java.util.Set;

/**
 * Which failures of a safe request are worth another attempt, and how long to wait: exponential back-off with
 * jitter from {@link TransportSettings#initialBackoff()} up to {@link TransportSettings#maxBackoff()}, at most
 * {@link TransportSettings#maxRetries()} times. The gateway sends no {@code Retry-After}, so the client decides.
 */
final class RetryPolicy {

    private static final Log logger = LogFactory.getLog(RetryPolicy.class);

    /** Statuses that say "try again later". */
    static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    /** Reasons of a 502 that describe the job, not a passing fault: another attempt gets the same answer. */
    private static final Set<String> PERMANENT_REASONS = Set.of("video_generation_failed", "video_content_too_large");

    private static final double JITTER = 0.5;

    private RetryPolicy() {
    }

    /**
     * Whether a failure of a safe request is transient.
     * @param failure the translated failure
     * @return {@code true} for connection failures, timeouts and the statuses 408, 429, 500, 502, 503, 504
     */
    static boolean isTransient(Throwable failure) {
        if (failure instanceof AiStatsConnectionException) {
            return true;
        }
        if (failure instanceof AiStatsApiException api) {
            String reason = api.reason();
            return RETRYABLE_STATUSES.contains(api.statusCode()) && (reason == null || !PERMANENT_REASONS.contains(reason));
        }
        return false;
    }

    /**
     * The retry specification for safe requests.
     * @param settings the client settings
     * @param operation the call, for logging
     * @return a spec that rethrows the last failure unchanged once retries are exhausted
     */
    static Retry forSafeRequests(TransportSettings settings, String operation) {
        return Retry.backoff(settings.maxRetries(), settings.initialBackoff())
            .maxBackoff(settings.maxBackoff())
            .jitter(JITTER)
            .filter(RetryPolicy::isTransient)
            .doBeforeRetry((signal) -> {
                if (logger.isDebugEnabled()) {
                    logger.debug("Retrying " + operation + " (retry " + (signal.totalRetries() + 1) + " of "
                        + settings.maxRetries() + ") after: " + signal.failure().getMessage());
                }
            })
            .onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }
}
