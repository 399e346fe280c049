package io.aistats.video.model;

import io.aistats.video.error.VideoRequestValidationException;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Options of {@code POST /videos/{id}/download_url}. Unset options are not sent and take the gateway's defaults:
 * 900 s, {@code attachment}, output 0. Immutable; start from {@link #defaults()}, a static factory or
 * {@link #builder()}.
 */
public final class DownloadUrlOptions {

    private static final DownloadUrlOptions DEFAULTS = new DownloadUrlOptions(null, null, null);

    private final @Nullable Long ttlSeconds;

    private final @Nullable DownloadDisposition disposition;

    private final @Nullable Integer index;

    private DownloadUrlOptions(@Nullable Long ttlSeconds, @Nullable DownloadDisposition disposition,
            @Nullable Integer index) {
        this.ttlSeconds = ttlSeconds;
        this.disposition = disposition;
        this.index = index;
    }

    /**
     * @return no options: the gateway's defaults apply
     */
    public static DownloadUrlOptions defaults() {
        return DEFAULTS;
    }

    /**
     * @return a builder without options
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param ttl how long the link works; see {@link Builder#ttl(Duration)}
     * @return options with only the time to live set
     */
    public static DownloadUrlOptions ttl(Duration ttl) {
        return builder().ttl(ttl).build();
    }

    /**
     * @param disposition whether a browser saves or displays the video
     * @return options with only the disposition set
     */
    public static DownloadUrlOptions disposition(DownloadDisposition disposition) {
        return builder().disposition(disposition).build();
    }

    /**
     * @param index the output, from 0
     * @return options with only the output index set
     */
    public static DownloadUrlOptions index(int index) {
        return builder().index(index).build();
    }

    /**
     * @return a builder initialised with these options
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.ttlSeconds = this.ttlSeconds;
        builder.disposition = this.disposition;
        builder.index = this.index;
        return builder;
    }

    /**
     * @return the requested time to live in whole seconds, or {@code null} for the gateway's 900 s
     */
    public @Nullable Long ttlSeconds() {
        return this.ttlSeconds;
    }

    /**
     * @return the requested disposition, or {@code null} for the gateway's {@code attachment}
     */
    public @Nullable DownloadDisposition disposition() {
        return this.disposition;
    }

    /**
     * @return the requested output index, or {@code null} for output 0
     */
    public @Nullable Integer index() {
        return this.index;
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

    @Override
    public boolean equals(@Nullable Object other) {
        return (this == other) || (other instanceof DownloadUrlOptions options
                && Objects.equals(this.ttlSeconds, options.ttlSeconds) && this.disposition == options.disposition
                && Objects.equals(this.index, options.index));
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.ttlSeconds, this.disposition, this.index);
    }

    @Override
    public String toString() {
        return "DownloadUrlOptions" + toRequestBody();
    }

    /**
     * Builds {@link DownloadUrlOptions}. Each setter validates its value.
     */
    public static final class Builder {

        private @Nullable Long ttlSeconds;

        private @Nullable DownloadDisposition disposition;

        private @Nullable Integer index;

        private Builder() {
        }

        /**
         * Sets how long the link works, sent as whole seconds (a fraction of a second is dropped). The gateway clamps
         * the value to 60 s ... 3600 s (1 hour).
         * @param ttl the time to live, at least one second
         * @return this builder
         * @throws VideoRequestValidationException ({@code ttl_seconds}) when shorter than one second
         */
        public Builder ttl(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.getSeconds() < 1) {
                throw new VideoRequestValidationException("ttl_seconds", "must be at least 1 second but was " + ttl);
            }
            this.ttlSeconds = ttl.getSeconds();
            return this;
        }

        /**
         * @param disposition whether a browser saves ({@code attachment}) or displays ({@code inline}) the video
         * @return this builder
         * @throws VideoRequestValidationException ({@code disposition}) when {@code null}
         */
        public Builder disposition(DownloadDisposition disposition) {
            if (disposition == null) {
                throw new VideoRequestValidationException("disposition", "must be attachment or inline");
            }
            this.disposition = disposition;
            return this;
        }

        /**
         * @param index the output, from 0 (the gateway does not check it against the number of outputs)
         * @return this builder
         * @throws VideoRequestValidationException ({@code index}) when negative
         */
        public Builder index(int index) {
            if (index < 0) {
                throw new VideoRequestValidationException("index", "must be 0 or more but was " + index);
            }
            this.index = index;
            return this;
        }

        /**
         * @return the options
         */
        public DownloadUrlOptions build() {
            return new DownloadUrlOptions(this.ttlSeconds, this.disposition, this.index);
        }
    }
}
