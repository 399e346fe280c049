package io.aistats.video.event;

import java.time.Duration;

/**
 * Claims event ids, so that each event is published once although it may be delivered again, observed on several
 * paths (webhook, lifecycle stream, polling) or received by several instances of an application at the same moment.
 * <p>
 * Before publishing an event the {@link VideoJobEventDispatcher} {@linkplain #claim claims} its id; only the holder
 * of a claim publishes. Once every listener returned it {@linkplain #complete completes} the claim, and the id stays
 * a {@link Claim#DUPLICATE} for the store's time to live; when a listener failed it {@linkplain #release releases}
 * the claim, so that a redelivery is published again. A claim that is neither completed nor released (its holder
 * died) expires after its lease and can then be taken over.
 * <p>
 * {@link InMemoryProcessedEventStore} serves one application instance; {@link JdbcProcessedEventStore} shares the
 * claims of every instance through the application's database. Implementations must be thread-safe and
 * {@link #claim} must be atomic: of concurrent claims of one id, at most one is {@link Claim#CLAIMED}.
 */
public interface ProcessedEventStore {

    /**
     * Claims an event id for publishing, unless it was handled or is being handled.
     * @param eventId the event id
     * @param lease how long the claim holds unless completed or released; positive
     * @return {@link Claim#CLAIMED} when the caller now holds the id (new, or taken over after an expired lease),
     * {@link Claim#DUPLICATE} when it was handled, {@link Claim#IN_FLIGHT} when another holder's lease still runs
     */
    Claim claim(String eventId, Duration lease);

    /**
     * Records that the claimed event was handled: from now on the id is a {@link Claim#DUPLICATE}.
     * @param eventId the claimed event id
     */
    void complete(String eventId);

    /**
     * Gives up a claim that was not completed, so that the id can be claimed again at once. Does nothing to a
     * completed id.
     * @param eventId the claimed event id
     */
    void release(String eventId);

    /**
     * The answer to a {@link ProcessedEventStore#claim claim}.
     */
    enum Claim {

        /** The caller holds the id and publishes the event; it must complete or release the claim. */
        CLAIMED,

        /** The event was handled before; it must not be published again. */
        DUPLICATE,

        /** Another holder is publishing the event and its lease has not expired. */
        IN_FLIGHT
    }
}
