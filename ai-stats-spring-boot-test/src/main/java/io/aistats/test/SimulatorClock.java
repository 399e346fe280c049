package io.aistats.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The simulator's notion of time. Job lifecycles, signed-link expiry, billing and timestamps all read it.
 * <p>
 * In real-time mode it follows the system clock. In manual mode (see
 * {@link AiStatsGatewaySimulator.Builder#manualClock()}) it stands still until a test calls {@link #advance(Duration)},
 * which makes time-dependent tests deterministic: every advance re-evaluates the job lifecycles before it returns.
 */
public final class SimulatorClock {

    private final boolean manual;

    private final Clock system;

    private final List<Consumer<Instant>> advanceListeners = new CopyOnWriteArrayList<>();

    private volatile Instant manualNow;

    private SimulatorClock(boolean manual, Instant start, Clock system) {
        this.manual = manual;
        this.manualNow = start;
        this.system = system;
    }

    /** @return a clock following the system clock (UTC) */
    static SimulatorClock realTime() {
        return new SimulatorClock(false, Instant.EPOCH, Clock.systemUTC());
    }

    /**
     * @param start the initial time
     * @return a clock that moves only through {@link #advance(Duration)}
     */
    static SimulatorClock manual(Instant start) {
        return new SimulatorClock(true, start, Clock.systemUTC());
    }

    /**
     * @return the current simulator time (microsecond precision, like the gateway's database)
     */
    public Instant now() {
        Instant now = this.manual ? this.manualNow : this.system.instant();
        return now.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * @return whether time moves only through {@link #advance(Duration)}
     */
    public boolean isManual() {
        return this.manual;
    }

    /**
     * Moves a manual clock forward and, before returning, applies every job transition that became due (firing the
     * job transition listeners).
     * @param amount how far to move; must not be negative
     * @return the new current time
     * @throws IllegalStateException if the clock follows real time
     */
    public Instant advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (!this.manual) {
            throw new IllegalStateException("The simulator clock follows real time; build the simulator with "
                    + "manualClock() to move time by hand");
        }
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        Instant now;
        synchronized (this) {
            this.manualNow = this.manualNow.plus(amount);
            now = now();
        }
        for (Consumer<Instant> listener : this.advanceListeners) {
            listener.accept(now);
        }
        return now;
    }

    /**
     * Registers a callback run after each {@link #advance(Duration)} with the new time.
     * @param listener the callback
     */
    void onAdvance(Consumer<Instant> listener) {
        this.advanceListeners.add(listener);
    }

    @Override
    public String toString() {
        return (this.manual ? "manual " : "real-time ") + now();
    }
}
