package io.aistats.video.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link ProcessedEventStore} in memory, bounded in size and time: an id is forgotten after the time to live, and
 * the oldest ids are forgotten first once the capacity is reached. Suits one application instance; remembered ids
 * are lost on restart.
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

    /** Ids with their expiry, oldest record first (re-recording an id moves it to the end). */
    private final LinkedHashMap<String, Instant> expiries = new LinkedHashMap<>();

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
        Objects.requireNonNull(timeToLive, "timeToLive");
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("Processed event time to live must be positive, was " + timeToLive);
        }
        this.capacity = capacity;
        this.timeToLive = timeToLive;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized boolean isProcessed(String eventId) {
        Instant expiry = this.expiries.get(eventId);
        if (expiry == null) {
            return false;
        }
        if (!this.clock.instant().isBefore(expiry)) {
            this.expiries.remove(eventId);
            return false;
        }
        return true;
    }

    @Override
    public synchronized void markProcessed(String eventId) {
        Objects.requireNonNull(eventId, "eventId");
        Instant now = this.clock.instant();
        this.expiries.remove(eventId);
        this.expiries.put(eventId, now.plus(this.timeToLive));
        evict(now);
    }

    /**
     * @return the number of ids currently remembered (expired ids not yet evicted included)
     */
    public synchronized int size() {
        return this.expiries.size();
    }

    private void evict(Instant now) {
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
