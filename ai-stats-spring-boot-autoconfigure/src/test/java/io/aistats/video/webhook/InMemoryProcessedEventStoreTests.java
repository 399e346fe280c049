package io.aistats.video.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link InMemoryProcessedEventStore}.
 */
class InMemoryProcessedEventStoreTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void remembersProcessedIds() {
        InMemoryProcessedEventStore store = new InMemoryProcessedEventStore(10, Duration.ofHours(1), this.clock);
        assertThat(store.isProcessed("a")).isFalse();
        store.markProcessed("a");
        assertThat(store.isProcessed("a")).isTrue();
        assertThat(store.isProcessed("b")).isFalse();
    }

    @Test
    void forgetsTheOldestIdsBeyondTheCapacity() {
        InMemoryProcessedEventStore store = new InMemoryProcessedEventStore(3, Duration.ofHours(1), this.clock);
        store.markProcessed("a");
        store.markProcessed("b");
        store.markProcessed("c");
        store.markProcessed("a");
        store.markProcessed("d");
        assertThat(store.size()).isEqualTo(3);
        assertThat(store.isProcessed("b")).isFalse();
        assertThat(store.isProcessed("a")).isTrue();
        assertThat(store.isProcessed("c")).isTrue();
        assertThat(store.isProcessed("d")).isTrue();
    }

    @Test
    void forgetsIdsAfterTheTimeToLive() {
        InMemoryProcessedEventStore store = new InMemoryProcessedEventStore(10, Duration.ofMinutes(30), this.clock);
        store.markProcessed("a");
        this.clock.advance(Duration.ofMinutes(10));
        store.markProcessed("b");
        this.clock.advance(Duration.ofMinutes(19));
        assertThat(store.isProcessed("a")).isTrue();
        this.clock.advance(Duration.ofMinutes(1));
        assertThat(store.isProcessed("a")).isFalse();
        assertThat(store.isProcessed("b")).isTrue();
        this.clock.advance(Duration.ofMinutes(10));
        assertThat(store.isProcessed("b")).isFalse();
    }

    @Test
    void evictsExpiredIdsWhenRecording() {
        InMemoryProcessedEventStore store = new InMemoryProcessedEventStore(10, Duration.ofMinutes(30), this.clock);
        store.markProcessed("a");
        store.markProcessed("b");
        this.clock.advance(Duration.ofMinutes(31));
        store.markProcessed("c");
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void recordingAgainRestartsTheTimeToLive() {
        InMemoryProcessedEventStore store = new InMemoryProcessedEventStore(10, Duration.ofMinutes(30), this.clock);
        store.markProcessed("a");
        this.clock.advance(Duration.ofMinutes(20));
        store.markProcessed("a");
        this.clock.advance(Duration.ofMinutes(20));
        assertThat(store.isProcessed("a")).isTrue();
    }

    @Test
    void refusesMisconfiguration() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new InMemoryProcessedEventStore(0, Duration.ofHours(1), this.clock))
            .withMessageContaining("capacity");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new InMemoryProcessedEventStore(1, Duration.ZERO, this.clock))
            .withMessageContaining("time to live");
    }

    @Test
    void defaultsSuitTheGatewaysRetryWindow() {
        assertThat(new InMemoryProcessedEventStore()).hasToString("InMemoryProcessedEventStore[capacity=10000, timeToLive=PT24H]");
    }
}
