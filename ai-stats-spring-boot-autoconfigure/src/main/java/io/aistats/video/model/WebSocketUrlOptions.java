package io.aistats.video.model;

import io.aistats.video.error.VideoRequestValidationException;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Query options of the lifecycle stream URL ({@code /async/{kind}/{id}/ws}). Unset ({@code null}) options are not
 * sent and take the gateway's defaults: a 2500 ms re-check interval and closing once the job is completed, failed or
 * cancelled. Start from {@link #defaults()} or a static factory and add options with the {@code with} methods, for
 * example {@code WebSocketUrlOptions.interval(Duration.ofSeconds(5)).withCloseOnTerminal(true)}.
 * @param intervalMs how often the server re-checks the job ({@code interval_ms}), at least 1; passed through, the
 * gateway clamps it to 1000 ... 10000
 * @param closeOnTerminal whether the server closes the stream once the job is completed, failed or cancelled (not on
 * expiry) ({@code close_on_terminal})
 */
public record WebSocketUrlOptions(@Nullable Long intervalMs, @Nullable Boolean closeOnTerminal) {

    private static final WebSocketUrlOptions DEFAULTS = new WebSocketUrlOptions(null, null);

    /**
     * @throws VideoRequestValidationException ({@code interval_ms}) when {@code intervalMs} is below 1
     */
    public WebSocketUrlOptions {
        if (intervalMs != null && intervalMs < 1) {
            throw new VideoRequestValidationException("interval_ms", "must be positive but was " + intervalMs);
        }
    }

    /**
     * @return no options: the gateway's defaults apply
     */
    public static WebSocketUrlOptions defaults() {
        return DEFAULTS;
    }

    /**
     * @param interval how often the server re-checks the job; see {@link #withInterval(Duration)}
     * @return options with only the interval set
     */
    public static WebSocketUrlOptions interval(Duration interval) {
        return DEFAULTS.withInterval(interval);
    }

    /**
     * @param closeOnTerminal whether the server closes the stream once the job is completed, failed or cancelled
     * @return options with only that flag set
     */
    public static WebSocketUrlOptions closeOnTerminal(boolean closeOnTerminal) {
        return DEFAULTS.withCloseOnTerminal(closeOnTerminal);
    }

    /**
     * Sets how often the server re-checks the job, sent in whole milliseconds.
     * @param interval the interval, at least one millisecond
     * @return a copy with that interval
     * @throws VideoRequestValidationException ({@code interval_ms}) when shorter than one millisecond
     */
    public WebSocketUrlOptions withInterval(Duration interval) {
        if (Objects.requireNonNull(interval, "interval").toMillis() < 1) {
            throw new VideoRequestValidationException("interval_ms", "must be positive but was " + interval);
        }
        return new WebSocketUrlOptions(interval.toMillis(), this.closeOnTerminal);
    }

    /**
     * @param closeOnTerminal whether the server closes the stream once the job is completed, failed or cancelled
     * @return a copy with that flag
     */
    public WebSocketUrlOptions withCloseOnTerminal(boolean closeOnTerminal) {
        return new WebSocketUrlOptions(this.intervalMs, closeOnTerminal);
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
}
