package io.aistats.video.event;

import io.aistats.video.event.ProcessedEventStore.Claim;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link ProcessedEventStore} keeps, run against each store by a subclass.
 */
abstract class ProcessedEventStoreContractTests {

    static final Duration LEASE = Duration.ofMinutes(2);

    static final Duration TIME_TO_LIVE = Duration.ofMinutes(30);

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private ProcessedEventStore store;

    /** A store, empty, that reads time from the clock. */
    abstract ProcessedEventStore createStore(Duration timeToLive, Clock clock);

    @BeforeEach
    void createStore() {
        this.store = createStore(TIME_TO_LIVE, this.clock);
    }

    @Test
    void aNewIdIsClaimedOnceAndIsInFlightUntilCompleted() {
        assertThat(this.store.claim("evt_1", LEASE)).isEqualTo(Claim.CLAIMED);
        assertThat(this.store.claim("evt_1", LEASE)).isEqualTo(Claim.IN_FLIGHT);
        assertThat(this.store.claim("evt_2", LEASE)).as("other ids are not held up").isEqualTo(Claim.CLAIMED);
        this.store.complete("evt_1");
        assertThat(this.store.claim("evt_1", LEASE)).isEqualTo(Claim.DUPLICATE);
        assertThat(this.store.claim("evt_2", LEASE)).isEqualTo(Claim.IN_FLIGHT);
    }

    @Test
    void aReleasedIdCanBeClaimedAgainAtOnce() {
        assertThat(this.store.claim("evt_1", LEASE)).isEqualTo(Claim.CLAIMED);
        this.store.release("evt_1");
        assertThat(this.store.claim("evt_1", LEASE)).isEqualTo(Claim.CLAIMED);
        this.store.complete("evt_1");
        assertThat(this.store.claim("evt_1", LEASE)).isEqualTo(Claim.DUPLICATE);
    }

    @Test
    void releasingACompletedIdDoesNotForgetIt() {
        this.store.claim("evt_1", LEASE);
        this.store.complete("evt_1");
        this.store.release("evt_1");
        assertThat(this.store.claim("evt_1", LEASE)).isEqualTo(Claim.DUPLICATE);
    }

    @Test
    void aClaimWhoseHolderDiedIsTakenOverAfterItsLease() {
        assertThat(this.store.claim("evt_1", Duration.ofMinutes(1))).isEqualTo(Claim.CLAIMED);
        this.clock.advance(Duration.ofSeconds(59));
        assertThat(this.store.claim("evt_1", LEASE)).isEqualTo(Claim.IN_FLIGHT);
        this.clock.advance(Duration.ofSeconds(1));
        assertThat(this.store.claim("evt_1", LEASE)).as("lease ended: taken over").isEqualTo(Claim.CLAIMED);
        this.clock.advance(LEASE.minusSeconds(1));
        assertThat(this.store.claim("evt_1", LEASE)).as("the new holder's own lease").isEqualTo(Claim.IN_FLIGHT);
        this.store.complete("evt_1");
        assertThat(this.store.claim("evt_1", LEASE)).isEqualTo(Claim.DUPLICATE);
    }

    @Test
    void aCompletedIdIsForgottenAfterTheTimeToLive() {
        this.store.claim("evt_1", LEASE);
        this.store.complete("evt_1");
        this.clock.advance(TIME_TO_LIVE.minusSeconds(1));
        assertThat(this.store.claim("evt_1", LEASE)).isEqualTo(Claim.DUPLICATE);
        this.clock.advance(Duration.ofSeconds(1));
        assertThat(this.store.claim("evt_1", LEASE)).isEqualTo(Claim.CLAIMED);
    }

    @Test
    void idsDifferingOnlyInCaseAreDistinct() {
        assertThat(this.store.claim("evt_video_G-ab", LEASE)).isEqualTo(Claim.CLAIMED);
        assertThat(this.store.claim("evt_video_G-AB", LEASE)).isEqualTo(Claim.CLAIMED);
    }

    @Test
    void ofConcurrentClaimsOfOneIdExactlyOneHolds() throws Exception {
        int threads = 8;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 25; round++) {
                String id = "evt_race_" + round;
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<Claim>> claims = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    claims.add(executor.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return this.store.claim(id, LEASE);
                    }));
                }
                List<Claim> answers = new ArrayList<>();
                for (Future<Claim> claim : claims) {
                    answers.add(claim.get(10, TimeUnit.SECONDS));
                }
                assertThat(answers).as("round %d", round).containsOnlyOnce(Claim.CLAIMED)
                    .containsOnly(Claim.CLAIMED, Claim.IN_FLIGHT);
            }
        }
        finally {
            executor.shutdownNow();
        }
    }

    /** Whether a store answers the id as handled; a claim taken to find out is given back. */
    static boolean handled(ProcessedEventStore store, String id) {
        Claim claim = store.claim(id, LEASE);
        if (claim == Claim.CLAIMED) {
            store.release(id);
        }
        return claim == Claim.DUPLICATE;
    }
}
