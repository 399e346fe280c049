package io.aistats.video.model;

import io.aistats.video.error.VideoRequestValidationException;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Query options of the lifecycle stream URL ({@code /async/{kind}/{id}/ws}). Unset options are not sent and take the
 * gateway's defaults: a 2500 ms re-check interval and closing once the job is completed, failed or cancelled.
 * Immutable; start from {@link #defaults()}, a static factory or {@link #builder()}.
 */
public final class WebSocketUrlOptions {

    private static final WebSocketUrlOptions DEFAULTS = new WebSocketUrlOptions(null, null);

    private final @Nullable Long intervalMs;

    private final @Nullable Boolean closeOnTerminal;

    private WebSocketUrlOptions(@Nullable Long intervalMs, @Nullable Boolean closeOnTerminal) {
        this.intervalMs = intervalMs;
        this.closeOnTerminal = closeOnTerminal;
    }

    /**
     * @return no options: the gateway's defaults apply
     */
    public static WebSocketUrlOptions defaults() {
        return DEFAULTS;
    }

    /**
     * @return a builder without options
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param interval how often the server re-checks the job; see {@link Builder#interval(Duration)}
     * @return options with only the interval set
     */
    public static WebSocketUrlOptions interval(Duration interval) {
        return builder().interval(interval).build();
    }

    /**
     * @param closeOnTerminal whether the server closes the stream once the job is completed, failed or cancelled
     * @return options with only that flag set
     */
    public static WebSocketUrlOptions closeOnTerminal(boolean closeOnTerminal) {
        return builder().closeOnTerminal(closeOnTerminal).build();
    }

    /**
     * @return a builder initialised with these options
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.intervalMs = this.intervalMs;
        builder.closeOnTerminal = this.closeOnTerminal;
        return builder;
    }

    /**
     * @return the requested re-check interval in milliseconds ({@code interval_ms}), or {@code null} for 2500 ms
     */
    public @Nullable Long intervalMs() {
        return this.intervalMs;
    }

    /**
     * @return the requested {@code close_on_terminal}, or {@code null} for the gateway's {@code true}
     */
    public @Nullable Boolean closeOnTerminal() {
        return this.closeOnTerminal;
    }

    /**
     * @return the set options as query parameters ({@code interval_ms}, {@code close_on_terminal}), in that order
     * (unmodifiable)
     */
    public Map<String, String> toQueryParameters() {
        Map<String, String> query = new LinkedHashMap<>();
        if (this.intervalMs != null) {
            query.put("interval_ms", Long.toString(this.intervalMs));
        }
        if (this.closeOnTerminal != null) {
            query.put("close_on_terminal", Boolean.toString(this.closeOnTerminal));
        }
        return Collections.unmodifiableMap(query);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return (this == other) || (other instanceof WebSocketUrlOptions options
                && Objects.equals(this.intervalMs, options.intervalMs)
                && Objects.equals(this.closeOnTerminal, options.closeOnTerminal));
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.intervalMs, this.closeOnTerminal);
    }

    @Override
    public String toString() {
        return "WebSocketUrlOptions" + toQueryParameters();
    }

    /**
     * Builds {@link WebSocketUrlOptions}. Each setter validates its value.
     */
    public static final class Builder {

        private @Nullable Long intervalMs;

        private @Nullable Boolean closeOnTerminal;

        private Builder() {
        }

        /**
         * Sets how often the server re-checks the job, sent in whole milliseconds. The value is passed through; the
         * gateway clamps it to 1000 ... 10000 ms.
         * @param interval the interval, at least one millisecond
         * @return this builder
         * @throws VideoRequestValidationException ({@code interval_ms}) when shorter than one millisecond
         */
        public Builder interval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            long millis = interval.toMillis();
            if (millis < 1) {
                throw new VideoRequestValidationException("interval_ms", "must be positive but was " + interval);
            }
            this.intervalMs = millis;
            return this;
        }

        /**
         * @param closeOnTerminal whether the server closes the stream once the job is completed, failed or
         * cancelled (not on expiry)
         * @return this builder
         */
        public Builder closeOnTerminal(boolean closeOnTerminal) {
            this.closeOnTerminal = closeOnTerminal;
            return this;
        }

        /**
         * @return the options
         */
        public WebSocketUrlOptions build() {
            return new WebSocketUrlOptions(this.intervalMs, this.closeOnTerminal);
        }
    }
}
