package io.aistats.video.event;

/**
 * How a {@link VideoJobEvent} reached the application. Events of every source carry the same ids, so one
 * de-duplication store serves them all.
 */
public enum EventSource {

    /** A signed webhook delivery from the gateway. */
    WEBHOOK,

    /** The gateway's WebSocket lifecycle stream. */
    STREAM,

    /** Polling {@code GET /videos/{id}}. */
    POLLING
}
