package io.aistats.video.model;

import io.aistats.video.internal.util.Durations;
import org.jspecify.annotations.Nullable;

import java.time.Duration;

/**
 * Immutable settings of the lifecycle stream client: keep-alive, dead-connection detection, reconnection back-off
 * and the polling used while the stream is unavailable. Start from {@link #defaults()} and change what differs with
 * the {@code with...} methods.
 *
 * @param keepAliveInterval how often a raw {@code ping} is sent; the gateway has no ping of its own and
 * intermediaries may close idle connections
 * @param idleTimeout how long the stream may stay silent (no frame, not even a {@code pong}) before it is taken for
 * dead and replaced; longer than the keep-alive interval
 * @param reconnectInitialBackoff the wait before the first reconnection; it doubles with each failed attempt
 * @param reconnectMaxBackoff the longest wait between reconnection attempts
 * @param pollInterval the fixed interval between polls while the stream is unavailable (for tests and development),
 * or {@code null} to follow the gateway's {@code poll_after_seconds} (20 s)
 */
public record JobStreamSettings(Duration keepAliveInterval, Duration idleTimeout, Duration reconnectInitialBackoff,
        Duration reconnectMaxBackoff, @Nullable Duration pollInterval) {

    // the one place these defaults are written: the ai-stats.video.stream.* properties start from them
    private static final JobStreamSettings DEFAULTS = new JobStreamSettings(Duration.ofSeconds(30),
            Duration.ofSeconds(75), Duration.ofSeconds(1), Duration.ofSeconds(30), null);

    /**
     * @throws IllegalArgumentException when a value is out of range; the message names the setting
     */
    public JobStreamSettings {
        Durations.requirePositive(keepAliveInterval, "keepAliveInterval");
        Durations.requirePositive(idleTimeout, "idleTimeout");
        if (idleTimeout.compareTo(keepAliveInterval) <= 0) {
            throw new IllegalArgumentException("idleTimeout (" + idleTimeout + ") must be longer than "
                    + "keepAliveInterval (" + keepAliveInterval + "), or a quiet but healthy stream would be taken "
                    + "for dead");
        }
        Durations.requirePositive(reconnectInitialBackoff, "reconnectInitialBackoff");
        Durations.requirePositive(reconnectMaxBackoff, "reconnectMaxBackoff");
        if (reconnectMaxBackoff.compareTo(reconnectInitialBackoff) < 0) {
            throw new IllegalArgumentException("reconnectMaxBackoff (" + reconnectMaxBackoff
                    + ") must not be shorter than reconnectInitialBackoff (" + reconnectInitialBackoff + ")");
        }
        if (pollInterval != null) {
            Durations.requirePositive(pollInterval, "pollInterval");
        }
    }

    /**
     * @return the defaults: a {@code ping} every 30 s, a stream silent for 75 s counts as dead, reconnection backing
     * off from 1 s to 30 s, polling as often as the gateway's {@code poll_after_seconds} asks
     */
    public static JobStreamSettings defaults() {
        return DEFAULTS;
    }

    /**
     * @param keepAliveInterval see {@link #keepAliveInterval()}
     * @return a copy with this keep-alive interval
     */
    public JobStreamSettings withKeepAliveInterval(Duration keepAliveInterval) {
        return new JobStreamSettings(keepAliveInterval, this.idleTimeout, this.reconnectInitialBackoff,
                this.reconnectMaxBackoff, this.pollInterval);
    }

    /**
     * @param idleTimeout see {@link #idleTimeout()}
     * @return a copy with this idle timeout
     */
    public JobStreamSettings withIdleTimeout(Duration idleTimeout) {
        return new JobStreamSettings(this.keepAliveInterval, idleTimeout, this.reconnectInitialBackoff,
                this.reconnectMaxBackoff, this.pollInterval);
    }

    /**
     * @param reconnectInitialBackoff see {@link #reconnectInitialBackoff()}
     * @param reconnectMaxBackoff see {@link #reconnectMaxBackoff()}
     * @return a copy with this reconnection back-off
     */
    public JobStreamSettings withReconnectBackoff(Duration reconnectInitialBackoff, Duration reconnectMaxBackoff) {
        return new JobStreamSettings(this.keepAliveInterval, this.idleTimeout, reconnectInitialBackoff,
                reconnectMaxBackoff, this.pollInterval);
    }

    /**
     * @param pollInterval see {@link #pollInterval()}
     * @return a copy with this poll interval
     */
    public JobStreamSettings withPollInterval(@Nullable Duration pollInterval) {
        return new JobStreamSettings(this.keepAliveInterval, this.idleTimeout, this.reconnectInitialBackoff,
                this.reconnectMaxBackoff, pollInterval);
    }

    /**
     * @param attempt the number of consecutive failed attempts, from 1
     * @return the wait before the next attempt: the initial back-off doubled per earlier failure, at most the maximum
     */
    public Duration reconnectBackoff(int attempt) {
        Duration backoff = this.reconnectInitialBackoff;
        for (int i = 1; i < attempt && backoff.compareTo(this.reconnectMaxBackoff) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return (backoff.compareTo(this.reconnectMaxBackoff) > 0) ? this.reconnectMaxBackoff : backoff;
    }

    @Override
    public String toString() {
        return "JobStreamSettings[keepAliveInterval=" + this.keepAliveInterval + ", idleTimeout=" + this.idleTimeout
                + ", reconnectInitialBackoff=" + this.reconnectInitialBackoff + ", reconnectMaxBackoff="
                + this.reconnectMaxBackoff + ", pollInterval="
                + ((this.pollInterval != null) ? this.pollInterval : "poll_after_seconds") + "]";
    }
}
