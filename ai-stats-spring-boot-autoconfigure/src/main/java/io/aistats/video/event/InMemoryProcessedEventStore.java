package io.aistats.video.event;

import io.aistats.video.internal.util.Durations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link ProcessedEventStore} in memory, bounded in size and time: a handled id is forgotten after the time to
 * live, and the oldest handled ids are forgotten first once the capacity is reached. Claims being published are held
 * apart from handled ids, until completed, released or expired. Suits one application instance; claims and handled
 * ids are lost on restart.
 * <p>
 * The time to live should exceed the gateway's retry window (about 22 minutes from the first attempt to the last).
 * Thread-safe.
 */
public final class InMemoryProcessedEventStore implements ProcessedEventStore {

    /** The default capacity: 10 000 ids. */
    public static final int DEFAULT_CAPACITY = 10_000;

    /** The default time to live: 24 hours. */
    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofHours(24);

    private final int capacity;

    private final Duration timeToLive;

    private final Clock clock;

    /** Handled ids with their expiry, oldest record first (re-recording an id moves it to the end). */
    private final LinkedHashMap<String, Instant> expiries = new LinkedHashMap<>();

    /** Ids being published, with the end of their lease. */
    private final Map<String, Instant> claims = new HashMap<>();

    /**
     * Creates a store with the default capacity and time to live.
     */
    public InMemoryProcessedEventStore() {
        this(DEFAULT_CAPACITY, DEFAULT_TIME_TO_LIVE, Clock.systemUTC());
    }

    /**
     * @param capacity the number of ids remembered at most; positive
     * @param timeToLive how long an id is remembered; positive
     * @param clock the clock that expires ids
     * @throws IllegalArgumentException when the capacity or the time to live is not positive
     */
    public InMemoryProcessedEventStore(int capacity, Duration timeToLive, Clock clock) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("Processed event store capacity must be positive, was " + capacity);
        }
        Durations.requirePositive(timeToLive, "Processed event time to live");
        this.capacity = capacity;
        this.timeToLive = timeToLive;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized Claim claim(String eventId, Duration lease) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(lease, "lease");
        Instant now = this.clock.instant();
        Instant expiry = this.expiries.get(eventId);
        if (expiry != null) {
            if (now.isBefore(expiry)) {
                return Claim.DUPLICATE;
            }
            this.expiries.remove(eventId);
        }
        Instant leaseEnd = this.claims.get(eventId);
        if (leaseEnd != null && now.isBefore(leaseEnd)) {
            return Claim.IN_FLIGHT;
        }
        this.claims.put(eventId, now.plus(lease));
        return Claim.CLAIMED;
    }

    @Override
    public synchronized void complete(String eventId) {
        Objects.requireNonNull(eventId, "eventId");
        Instant now = this.clock.instant();
        this.claims.remove(eventId);
        this.expiries.remove(eventId);
        this.expiries.put(eventId, now.plus(this.timeToLive));
        evict(now);
    }

    @Override
    public synchronized void release(String eventId) {
        this.claims.remove(eventId);
    }

    /**
     * @return the number of handled ids currently remembered (expired ids not yet evicted included)
     */
    public synchronized int size() {
        return this.expiries.size();
    }

    private void evict(Instant now) {
        // claims end by complete or release; only a caller that forgot both leaves one behind
        if (this.claims.size() > this.capacity) {
            this.claims.values().removeIf((leaseEnd) -> !now.isBefore(leaseEnd));
        }
        // every id lives equally long, so insertion order is expiry order: expired ids are at the head
        Iterator<Map.Entry<String, Instant>> oldestFirst = this.expiries.entrySet().iterator();
        while (oldestFirst.hasNext()) {
            Map.Entry<String, Instant> oldest = oldestFirst.next();
            if (this.expiries.size() > this.capacity || !now.isBefore(oldest.getValue())) {
                oldestFirst.remove();
            }
            else {
                break;
            }
        }
    }

    @Override
    public String toString() {
        return "InMemoryProcessedEventStore[capacity=" + this.capacity + ", timeToLive=" + this.timeToLive + "]";
    }
}
