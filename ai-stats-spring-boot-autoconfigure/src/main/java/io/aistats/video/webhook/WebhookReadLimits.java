package io.aistats.video.webhook;

import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds what reading webhook bodies may cost the receiver, whoever sends them: a byte budget shared by every
 * delivery being read at the same time, reserved from a declared {@code Content-Length} or chunk by chunk as a body
 * arrives (beyond it a delivery is answered 503 with {@code Retry-After}), and a deadline by which a body must have
 * arrived completely (after it, 408). Together with the maximum body size they keep a flood of slow or stalled
 * deliveries from exhausting memory or connections. One instance serves one endpoint; thread-safe.
 */
public final class WebhookReadLimits {

    /**
     * The default in-flight budget: 8 MB, room for 128 bodies of the default maximum size (64 KB) at once, far more
     * than the gateway sends in parallel.
     */
    public static final DataSize DEFAULT_MAX_IN_FLIGHT = DataSize.ofMegabytes(8);

    /**
     * The default read deadline: 10 s. The gateway sends its few kilobytes at once and waits 30 s for the answer,
     * so a body still incomplete after 10 s is not the gateway's (it also bounds the rate: 64 KB in 10 s).
     */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

    private final long maxInFlightBytes;

    private final Duration readTimeout;

    private final AtomicLong inFlightBytes = new AtomicLong();

    /**
     * @param maxInFlight the bytes all deliveries being read may hold together; positive
     * @param readTimeout the time a body may take to arrive completely; positive
     */
    public WebhookReadLimits(DataSize maxInFlight, Duration readTimeout) {
        Objects.requireNonNull(maxInFlight, "maxInFlight");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (maxInFlight.toBytes() <= 0) {
            throw new IllegalArgumentException("Maximum in-flight webhook bytes must be positive, was " + maxInFlight);
        }
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("Webhook read timeout must be positive, was " + readTimeout);
        }
        this.maxInFlightBytes = maxInFlight.toBytes();
        this.readTimeout = readTimeout;
    }

    /**
     * @return limits with {@link #DEFAULT_MAX_IN_FLIGHT} and {@link #DEFAULT_READ_TIMEOUT}
     */
    public static WebhookReadLimits defaults() {
        return new WebhookReadLimits(DEFAULT_MAX_IN_FLIGHT, DEFAULT_READ_TIMEOUT);
    }

    /**
     * Reserves bytes of the budget for a body being read.
     * @param bytes the bytes to reserve; not negative
     * @return whether they were reserved; {@code false} when the budget cannot hold them, and nothing was reserved
     */
    public boolean tryReserve(long bytes) {
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
    public void release(long bytes) {
        this.inFlightBytes.addAndGet(-bytes);
    }

    /**
     * @return the bytes reserved right now
     */
    public long inFlightBytes() {
        return this.inFlightBytes.get();
    }

    /**
     * @return the bytes all deliveries being read may hold together
     */
    public long maxInFlightBytes() {
        return this.maxInFlightBytes;
    }

    /**
     * @return the time a body may take to arrive completely
     */
    public Duration readTimeout() {
        return this.readTimeout;
    }

    @Override
    public String toString() {
        return "WebhookReadLimits[maxInFlightBytes=" + this.maxInFlightBytes + ", readTimeout=" + this.readTimeout
                + "]";
    }
}
