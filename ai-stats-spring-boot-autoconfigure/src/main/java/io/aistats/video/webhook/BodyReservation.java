package io.aistats.video.webhook;

/**
 * The bytes one delivery holds in the {@link WebhookReadLimits} budget. Once released it reserves nothing more, so
 * that a chunk arriving after the delivery was answered cannot leak budget. Thread-safe.
 */
final class BodyReservation {

    private final WebhookReadLimits limits;

    private long bytes;

    private boolean released;

    BodyReservation(WebhookReadLimits limits) {
        this.limits = limits;
    }

    /**
     * @param count bytes to add to the reservation
     * @return whether the budget held them (nothing is reserved otherwise, nor after {@link #release()})
     */
    synchronized boolean tryAdd(long count) {
        if (this.released || !this.limits.tryReserve(count)) {
            return false;
        }
        this.bytes += count;
        return true;
    }

    /**
     * @return the bytes reserved so far
     */
    synchronized long bytes() {
        return this.bytes;
    }

    /**
     * Gives every reserved byte back to the budget. Idempotent.
     */
    synchronized void release() {
        if (!this.released) {
            this.released = true;
            this.limits.release(this.bytes);
            this.bytes = 0;
        }
    }
}
