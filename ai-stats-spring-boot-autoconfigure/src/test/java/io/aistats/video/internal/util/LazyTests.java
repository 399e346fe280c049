package io.aistats.video.internal.util;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for {@link Lazy}.
 */
class LazyTests {

    @Test
    void computesNothingUntilAskedThenOnce() {
        AtomicInteger computations = new AtomicInteger();
        Lazy<String> lazy = Lazy.of(() -> "value " + computations.incrementAndGet());

        assertThat(computations).hasValue(0);
        assertThat(lazy.get()).isEqualTo("value 1");
        assertThat(lazy.get()).isEqualTo("value 1");
        assertThat(computations).hasValue(1);
    }

    @Test
    void threadsAskingAtOnceShareOneComputation() throws Exception {
        AtomicInteger computations = new AtomicInteger();
        CompletableFuture<Void> computing = new CompletableFuture<>();
        CompletableFuture<Void> release = new CompletableFuture<>();
        Lazy<Integer> lazy = Lazy.of(() -> {
            computing.complete(null);
            release.orTimeout(10, TimeUnit.SECONDS).join();
            return computations.incrementAndGet();
        });
        ExecutorService executor = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(executor.submit(lazy::get));
            }
            computing.get(10, TimeUnit.SECONDS);
            release.complete(null);
            for (Future<Integer> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            }
        }
        finally {
            executor.shutdownNow();
        }
        assertThat(computations).hasValue(1);
    }

    @Test
    void aFailedComputationRunsAgainOnTheNextCall() {
        AtomicInteger attempts = new AtomicInteger();
        Lazy<String> lazy = Lazy.of(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("not yet");
            }
            return "ready";
        });

        assertThatIllegalStateException().isThrownBy(lazy::get).withMessage("not yet");
        assertThat(lazy.get()).isEqualTo("ready");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aComputationReturningNullFails() {
        assertThatNullPointerException().isThrownBy(Lazy.of(() -> null)::get)
            .withMessageContaining("returned null");
    }

    @Test
    void aLazyComputationIsKeptRatherThanWrapped() {
        AtomicInteger computations = new AtomicInteger();
        Lazy<Integer> first = Lazy.of(computations::incrementAndGet);
        Lazy<Integer> second = Lazy.of(first);

        assertThat(second).isSameAs(first);
        assertThat(second.get()).isEqualTo(first.get()).isEqualTo(1);
        assertThat(computations).hasValue(1);
    }
}
