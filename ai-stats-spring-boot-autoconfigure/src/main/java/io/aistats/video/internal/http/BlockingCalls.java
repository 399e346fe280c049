package io.aistats.video.internal.http;

import io.aistats.video.error.AiStatsException;
import io.aistats.video.error.AiStatsTimeoutException;
import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Waits for a reactive call on behalf of the blocking clients, so that their callers see the client's exceptions
 * (never Reactor's wrappers) and a missed deadline as an {@link AiStatsTimeoutException}.
 */
public final class BlockingCalls {

    private BlockingCalls() {
    }

    /**
     * Subscribes to {@code call} and waits for its single value.
     * @param call the call
     * @param deadline how long to wait at most, or {@code null} when the call bounds itself
     * @param operation what the call does, for messages (for example {@code "getVideo"})
     * @param <T> the result type
     * @return the value
     * @throws AiStatsException (or a subtype) on failure, timeout, interruption or an empty result
     */
    public static <T> T await(Mono<T> call, @Nullable Duration deadline, String operation) {
        Mono<T> bounded = (deadline != null) ? call.timeout(deadline, Mono.error(() -> new AiStatsTimeoutException(
                operation + " did not complete within the call timeout (" + deadline + ")", null))) : call;
        T value;
        try {
            value = bounded.block();
        }
        catch (RuntimeException ex) {
            throw unwrap(ex, operation);
        }
        if (value == null) {
            throw new AiStatsException(operation + " completed without a result");
        }
        return value;
    }

    private static RuntimeException unwrap(RuntimeException failure, String operation) {
        Throwable cause = Exceptions.unwrap(failure);
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new AiStatsException("Interrupted while waiting for " + operation, cause);
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof IOException io) {
            return new UncheckedIOException(io);
        }
        return new AiStatsException(operation + " failed", cause);
    }
}
