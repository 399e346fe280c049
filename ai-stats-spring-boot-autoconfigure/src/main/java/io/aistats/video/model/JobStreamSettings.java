package io.aistats.video.model;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Objects;

/**
 * Immutable settings of the lifecycle stream client: keep-alive, dead-connection detection, reconnection back-off
 * and the polling used while the stream is unavailable. Start from {@link #defaults()} or {@link #builder()}.
 */
public final class JobStreamSettings {

    private static final JobStreamSettings DEFAULTS = builder().build();

    private final Duration keepAliveInterval;

    private final Duration idleTimeout;

    private final Duration reconnectInitialBackoff;

    private final Duration reconnectMaxBackoff;

    private final @Nullable Duration pollInterval;

    private JobStreamSettings(Builder builder) {
        this.keepAliveInterval = positive(builder.keepAliveInterval, "keepAliveInterval");
        this.idleTimeout = positive(builder.idleTimeout, "idleTimeout");
        if (this.idleTimeout.compareTo(this.keepAliveInterval) <= 0) {
            throw new IllegalArgumentException("idleTimeout (" + this.idleTimeout
                    + ") must be longer than keepAliveInterval (" + this.keepAliveInterval
                    + "), or a quiet but healthy stream would be taken for dead");
        }
        this.reconnectInitialBackoff = positive(builder.reconnectInitialBackoff, "reconnectInitialBackoff");
        this.reconnectMaxBackoff = positive(builder.reconnectMaxBackoff, "reconnectMaxBackoff");
        if (this.reconnectMaxBackoff.compareTo(this.reconnectInitialBackoff) < 0) {
            throw new IllegalArgumentException("reconnectMaxBackoff (" + this.reconnectMaxBackoff
                    + ") must not be shorter than reconnectInitialBackoff (" + this.reconnectInitialBackoff + ")");
        }
        this.pollInterval = (builder.pollInterval != null) ? positive(builder.pollInterval, "pollInterval") : null;
    }

    /**
     * @return the defaults: a {@code ping} every 30 s, a stream silent for 75 s counts as dead, reconnection backing
     * off from 1 s to 30 s, polling as often as the gateway's {@code poll_after_seconds} asks
     */
    public static JobStreamSettings defaults() {
        return DEFAULTS;
    }

    /**
     * @return a builder holding the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return a builder holding these settings
     */
    public Builder toBuilder() {
        return builder().keepAliveInterval(this.keepAliveInterval)
            .idleTimeout(this.idleTimeout)
            .reconnectInitialBackoff(this.reconnectInitialBackoff)
            .reconnectMaxBackoff(this.reconnectMaxBackoff)
            .pollInterval(this.pollInterval);
    }

    /**
     * @return how often a raw {@code ping} is sent; the gateway has no ping of its own and intermediaries may close
     * idle connections
     */
    public Duration keepAliveInterval() {
        return this.keepAliveInterval;
    }

    /**
     * @return how long the stream may stay silent (no frame, not even a {@code pong}) before it is taken for dead and
     * replaced
     */
    public Duration idleTimeout() {
        return this.idleTimeout;
    }

    /**
     * @return the wait before the first reconnection; it doubles with each failed attempt
     */
    public Duration reconnectInitialBackoff() {
        return this.reconnectInitialBackoff;
    }

    /**
     * @return the longest wait between reconnection attempts
     */
    public Duration reconnectMaxBackoff() {
        return this.reconnectMaxBackoff;
    }

    /**
     * @return the fixed interval between polls while the stream is unavailable, or {@code null} to follow the
     * gateway's {@code poll_after_seconds} (20 s)
     */
    public @Nullable Duration pollInterval() {
        return this.pollInterval;
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

    private static Duration positive(@Nullable Duration value, String name) {
        Objects.requireNonNull(value, () -> name + " must not be null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    /**
     * Builder of {@link JobStreamSettings}; {@link #build()} validates.
     */
    public static final class Builder {

        private @Nullable Duration keepAliveInterval = Duration.ofSeconds(30);

        private @Nullable Duration idleTimeout = Duration.ofSeconds(75);

        private @Nullable Duration reconnectInitialBackoff = Duration.ofSeconds(1);

        private @Nullable Duration reconnectMaxBackoff = Duration.ofSeconds(30);

        private @Nullable Duration pollInterval;

        private Builder() {
        }

        /**
         * @param keepAliveInterval how often a raw {@code ping} is sent
         * @return this builder
         */
        public Builder keepAliveInterval(Duration keepAliveInterval) {
            this.keepAliveInterval = keepAliveInterval;
            return this;
        }

        /**
         * @param idleTimeout how long the stream may stay silent before it is taken for dead; longer than the
         * keep-alive interval
         * @return this builder
         */
        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        /**
         * @param reconnectInitialBackoff the wait before the first reconnection
         * @return this builder
         */
        public Builder reconnectInitialBackoff(Duration reconnectInitialBackoff) {
            this.reconnectInitialBackoff = reconnectInitialBackoff;
            return this;
        }

        /**
         * @param reconnectMaxBackoff the longest wait between reconnection attempts
         * @return this builder
         */
        public Builder reconnectMaxBackoff(Duration reconnectMaxBackoff) {
            this.reconnectMaxBackoff = reconnectMaxBackoff;
            return this;
        }

        /**
         * @param pollInterval a fixed interval between polls (for tests and development), or {@code null} to follow
         * the gateway's {@code poll_after_seconds}
         * @return this builder
         */
        public Builder pollInterval(@Nullable Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        /**
         * @return the settings
         * @throws IllegalArgumentException when a value is out of range; the message names the setting
         */
        public JobStreamSettings build() {
            return new JobStreamSettings(this);
        }
    }
}
