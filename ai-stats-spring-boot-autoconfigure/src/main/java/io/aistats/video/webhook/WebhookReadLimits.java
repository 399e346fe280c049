package io.aistats.video.webhook;

import io.aistats.video.internal.util.Durations;

import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds what reading webhook bodies may cost the receiver, whoever sends them: a byte budget shared by every
 * delivery being read at the same time, reserved from a declared {@code Content-Length} or chunk by chunk as a body
 * arrives (beyond it a delivery is answered 503 with {@code Retry-After}), and a deadline by which a body must have
 * arrived completely (after it, 408). Together with the maximum body size they keep a flood of slow or stalled
 * deliveries from exhausting memory or connections. One instance serves one endpoint; thread-safe. The defaults
 * ({@code ai-stats.webhook.max-in-flight-bytes} and {@code read-timeout}) are the auto-configuration's.
 */
final class WebhookReadLimits {

    private final long maxInFlightBytes;

    private final Duration readTimeout;

    private final AtomicLong inFlightBytes = new AtomicLong();

    /**
     * @param maxInFlight the bytes all deliveries being read may hold together; positive
     * @param readTimeout the time a body may take to arrive completely; positive
     */
    WebhookReadLimits(DataSize maxInFlight, Duration readTimeout) {
        Objects.requireNonNull(maxInFlight, "maxInFlight");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (maxInFlight.toBytes() <= 0) {
            throw new IllegalArgumentException("Maximum in-flight webhook bytes must be positive, was " + maxInFlight);
        }
        Durations.requirePositive(readTimeout, "Webhook read timeout");
        this.maxInFlightBytes = maxInFlight.toBytes();
        this.readTimeout = readTimeout;
    }

    /**
     * Reserves bytes of the budget for a body being read.
     * @param bytes the bytes to reserve; not negative
     * @return whether they were reserved; {@code false} when the budget cannot hold them, and nothing was reserved
     */
    boolean tryReserve(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("Cannot reserve " + bytes + " bytes");
        }
        long current;
        do {
            current = this.inFlightBytes.get();
            if (bytes > this.maxInFlightBytes - current) {
                return false;
            }
        }
        while (!this.inFlightBytes.compareAndSet(current, current + bytes));
        return true;
    }

    /**
     * Gives reserved bytes back, once their body was processed or dropped.
     * @param bytes bytes reserved before with {@link #tryReserve(long)}
     */
    void release(long bytes) {
        this.inFlightBytes.addAndGet(-bytes);
    }

    /**
     * @return the bytes reserved right now
     */
    long inFlightBytes() {
        return this.inFlightBytes.get();
    }

    /**
     * @return the bytes all deliveries being read may hold together
     */
    long maxInFlightBytes() {
        return this.maxInFlightBytes;
    }

    /**
     * @return the time a body may take to arrive completely
     */
    Duration readTimeout() {
        return this.readTimeout;
    }

    @Override
    public String toString() {
        return "WebhookReadLimits[maxInFlightBytes=" + this.maxInFlightBytes + ", readTimeout=" + this.readTimeout
                + "]";
    }
}
