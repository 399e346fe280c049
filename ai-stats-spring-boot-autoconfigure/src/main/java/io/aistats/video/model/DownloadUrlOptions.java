package io.aistats.video.model;

import io.aistats.video.error.VideoRequestValidationException;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Options of {@code POST /videos/{id}/download_url}. Unset ({@code null}) options are not sent and take the gateway's
 * defaults: 900 s, {@code attachment}, output 0. Start from {@link #defaults()} or a static factory and add options
 * with the {@code with} methods, for example
 * {@code DownloadUrlOptions.ttl(Duration.ofMinutes(30)).withDisposition(DownloadDisposition.INLINE)}.
 * @param ttlSeconds how long the link works ({@code ttl_seconds}), at least 1; the gateway clamps it to 60 ... 3600
 * @param disposition whether a browser saves ({@code attachment}) or displays ({@code inline}) the video
 * @param index the output ({@code index}), from 0; the gateway does not check it against the number of outputs
 */
public record DownloadUrlOptions(@Nullable Long ttlSeconds, @Nullable DownloadDisposition disposition,
        @Nullable Integer index) {

    private static final DownloadUrlOptions DEFAULTS = new DownloadUrlOptions(null, null, null);

    /**
     * @throws VideoRequestValidationException naming the wire field when {@code ttlSeconds} is below 1 or
     * {@code index} is negative
     */
    public DownloadUrlOptions {
        if (ttlSeconds != null && ttlSeconds < 1) {
            throw new VideoRequestValidationException("ttl_seconds", "must be at least 1 but was " + ttlSeconds);
        }
        if (index != null && index < 0) {
            throw new VideoRequestValidationException("index", "must be 0 or more but was " + index);
        }
    }

    /**
     * @return no options: the gateway's defaults apply
     */
    public static DownloadUrlOptions defaults() {
        return DEFAULTS;
    }

    /**
     * @param ttl how long the link works; see {@link #withTtl(Duration)}
     * @return options with only the time to live set
     */
    public static DownloadUrlOptions ttl(Duration ttl) {
        return DEFAULTS.withTtl(ttl);
    }

    /**
     * @param disposition whether a browser saves or displays the video
     * @return options with only the disposition set
     */
    public static DownloadUrlOptions disposition(DownloadDisposition disposition) {
        return DEFAULTS.withDisposition(disposition);
    }

    /**
     * @param index the output, from 0
     * @return options with only the output index set
     */
    public static DownloadUrlOptions index(int index) {
        return DEFAULTS.withIndex(index);
    }

    /**
     * Sets how long the link works, sent as whole seconds (a fraction of a second is dropped).
     * @param ttl the time to live, at least one second
     * @return a copy with that time to live
     * @throws VideoRequestValidationException ({@code ttl_seconds}) when shorter than one second
     */
    public DownloadUrlOptions withTtl(Duration ttl) {
        if (Objects.requireNonNull(ttl, "ttl").getSeconds() < 1) {
            throw new VideoRequestValidationException("ttl_seconds", "must be at least 1 second but was " + ttl);
        }
        return new DownloadUrlOptions(ttl.getSeconds(), this.disposition, this.index);
    }

    /**
     * @param disposition whether a browser saves ({@code attachment}) or displays ({@code inline}) the video
     * @return a copy with that disposition
     * @throws VideoRequestValidationException ({@code disposition}) when {@code null}
     */
    public DownloadUrlOptions withDisposition(DownloadDisposition disposition) {
        if (disposition == null) {
            throw new VideoRequestValidationException("disposition", "must be attachment or inline");
        }
        return new DownloadUrlOptions(this.ttlSeconds, disposition, this.index);
    }

    /**
     * @param index the output, from 0
     * @return a copy with that output index
     * @throws VideoRequestValidationException ({@code index}) when negative
     */
    public DownloadUrlOptions withIndex(int index) {
        return new DownloadUrlOptions(this.ttlSeconds, this.disposition, index);
    }

    /**
     * @return the JSON request body with only the set options ({@code ttl_seconds}, {@code disposition},
     * {@code index}); empty for the defaults (unmodifiable)
     */
    public Map<String, Object> toRequestBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (this.ttlSeconds != null) {
            body.put("ttl_seconds", this.ttlSeconds);
        }
        if (this.disposition != null) {
            body.put("disposition", this.disposition.wireValue());
        }
        if (this.index != null) {
            body.put("index", this.index);
        }
        return Collections.unmodifiableMap(body);
    }
}
