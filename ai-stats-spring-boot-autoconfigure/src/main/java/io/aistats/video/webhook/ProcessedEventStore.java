package io.aistats.video.webhook;

/**
 * Remembers the ids of events that were handled, so that a redelivered or re-observed event is not published twice.
 * <p>
 * An id is recorded only after every listener returned normally. The in-memory default serves one application
 * instance; implement this interface over a shared store (a database table with a unique key, Redis, ...) when
 * several instances receive the same deliveries. Implementations must be thread-safe.
 */
public interface ProcessedEventStore {

    /**
     * @param eventId the event id
     * @return whether the event was handled and is still remembered
     */
    boolean isProcessed(String eventId);

    /**
     * Records that an event was handled.
     * @param eventId the event id
     */
    void markProcessed(String eventId);
}
