package io.aistats.video.event;

import io.aistats.video.event.ProcessedEventStore.Claim;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link InMemoryProcessedEventStore}: the store contract, and its bounds in size and time.
 */
class InMemoryProcessedEventStoreTests extends ProcessedEventStoreContractTests {

    @Override
    ProcessedEventStore createStore(Duration timeToLive, Clock clock) {
        return new InMemoryProcessedEventStore(10, timeToLive, clock);
    }

    @Test
    void remembersProcessedIds() {
        InMemoryProcessedEventStore store = new InMemoryProcessedEventStore(10, Duration.ofHours(1), this.clock);
        assertThat(handled(store, "a")).isFalse();
        record(store, "a");
        assertThat(handled(store, "a")).isTrue();
        assertThat(handled(store, "b")).isFalse();
    }

    @Test
    void forgetsTheOldestIdsBeyondTheCapacity() {
        InMemoryProcessedEventStore store = new InMemoryProcessedEventStore(3, Duration.ofHours(1), this.clock);
        record(store, "a");
        record(store, "b");
        record(store, "c");
        record(store, "a");
        record(store, "d");
        assertThat(store.size()).isEqualTo(3);
        assertThat(handled(store, "b")).isFalse();
        assertThat(handled(store, "a")).isTrue();
        assertThat(handled(store, "c")).isTrue();
        assertThat(handled(store, "d")).isTrue();
    }

    @Test
    void forgetsIdsAfterTheTimeToLive() {
        InMemoryProcessedEventStore store = new InMemoryProcessedEventStore(10, Duration.ofMinutes(30), this.clock);
        record(store, "a");
        this.clock.advance(Duration.ofMinutes(10));
        record(store, "b");
        this.clock.advance(Duration.ofMinutes(19));
        assertThat(handled(store, "a")).isTrue();
        this.clock.advance(Duration.ofMinutes(1));
        assertThat(handled(store, "a")).isFalse();
        assertThat(handled(store, "b")).isTrue();
        this.clock.advance(Duration.ofMinutes(10));
        assertThat(handled(store, "b")).isFalse();
    }

    @Test
    void evictsExpiredIdsWhenRecording() {
        InMemoryProcessedEventStore store = new InMemoryProcessedEventStore(10, Duration.ofMinutes(30), this.clock);
        record(store, "a");
        record(store, "b");
        this.clock.advance(Duration.ofMinutes(31));
        record(store, "c");
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void recordingAgainRestartsTheTimeToLive() {
        InMemoryProcessedEventStore store = new InMemoryProcessedEventStore(10, Duration.ofMinutes(30), this.clock);
        record(store, "a");
        this.clock.advance(Duration.ofMinutes(20));
        record(store, "a");
        this.clock.advance(Duration.ofMinutes(20));
        assertThat(handled(store, "a")).isTrue();
    }

    @Test
    void claimsInFlightDoNotCountAgainstTheCapacity() {
        InMemoryProcessedEventStore store = new InMemoryProcessedEventStore(2, Duration.ofHours(1), this.clock);
        for (int i = 0; i < 5; i++) {
            assertThat(store.claim("evt_" + i, LEASE)).isEqualTo(Claim.CLAIMED);
        }
        assertThat(store.size()).isZero();
        assertThat(store.claim("evt_0", LEASE)).isEqualTo(Claim.IN_FLIGHT);
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

    /** Records an id as handled, the way the dispatcher does: claim, then complete. */
    private static void record(ProcessedEventStore store, String id) {
        store.claim(id, LEASE);
        store.complete(id);
    }
}
