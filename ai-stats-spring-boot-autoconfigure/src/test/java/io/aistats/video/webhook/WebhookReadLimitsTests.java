package io.aistats.video.webhook;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link WebhookReadLimits} and {@link BodyReservation}.
 */
class WebhookReadLimitsTests {

    @Test
    void reservesUpToTheBudgetAndNeverBeyond() {
        WebhookReadLimits limits = new WebhookReadLimits(DataSize.ofBytes(100), Duration.ofSeconds(1));
        assertThat(limits.tryReserve(60)).isTrue();
        assertThat(limits.tryReserve(41)).isFalse();
        assertThat(limits.inFlightBytes()).as("a refused reservation takes nothing").isEqualTo(60);
        assertThat(limits.tryReserve(40)).isTrue();
        assertThat(limits.tryReserve(1)).isFalse();
        limits.release(60);
        assertThat(limits.tryReserve(Long.MAX_VALUE)).isFalse();
        assertThat(limits.tryReserve(60)).isTrue();
        assertThat(limits.inFlightBytes()).isEqualTo(100);
    }

    @Test
    void concurrentReservationsNeverExceedTheBudget() throws Exception {
        WebhookReadLimits limits = new WebhookReadLimits(DataSize.ofBytes(1000), Duration.ofSeconds(1));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> granted = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                granted.add(threads.submit(() -> {
                    start.await();
                    int count = 0;
                    for (int j = 0; j < 1000; j++) {
                        count += limits.tryReserve(7) ? 1 : 0;
                    }
                    return count;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> future : granted) {
                total += future.get(30, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(1000 / 7);
            assertThat(limits.inFlightBytes()).isEqualTo(7L * (1000 / 7));
        }
        finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aReleasedReservationGivesEverythingBackOnceAndTakesNothingMore() {
        WebhookReadLimits limits = new WebhookReadLimits(DataSize.ofBytes(100), Duration.ofSeconds(1));
        BodyReservation reservation = new BodyReservation(limits);
        assertThat(reservation.tryAdd(30)).isTrue();
        assertThat(reservation.tryAdd(30)).isTrue();
        assertThat(reservation.tryAdd(50)).isFalse();
        assertThat(reservation.bytes()).isEqualTo(60);
        reservation.release();
        reservation.release();
        assertThat(limits.inFlightBytes()).isZero();
        assertThat(reservation.tryAdd(10)).as("a chunk arriving after the answer").isFalse();
        assertThat(limits.inFlightBytes()).isZero();
    }

    @Test
    void refusesLimitsThatCouldNotWork() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookReadLimits(DataSize.ofBytes(0),
                Duration.ofSeconds(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookReadLimits(DataSize.ofBytes(1),
                Duration.ZERO));
    }
}
