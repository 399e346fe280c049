package io.aistats.video;

import io.aistats.video.internal.http.TransportSettings;
import io.aistats.video.model.OutputAccess;
import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Immutable settings of a video client: where the gateway is, how to authenticate, and how patient to be.
 * <p>
 * {@link #toString()} never shows the API key.
 */
public final class VideoClientSettings implements TransportSettings {

    /** The gateway's current base URL. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.phaseo.app/v1");

    /**
     * The default download bound: 2 GB, four times the 512 MiB the gateway proxies at most, so that no real video is
     * refused while a server announcing (or sending) far more cannot fill the disk.
     */
    public static final DataSize DEFAULT_MAX_DOWNLOAD_SIZE = DataSize.ofGigabytes(2);

    private final URI baseUrl;
    private final @Nullable String apiKey;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final Duration callTimeout;
    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final @Nullable String defaultModel;
    private final @Nullable OutputAccess defaultOutputAccess;
    private final @Nullable String defaultWebhookEndpointId;
    private final DataSize maxDownloadSize;

    private VideoClientSettings(Builder builder) {
        this.baseUrl = validateBaseUrl(builder.baseUrl);
        this.apiKey = (builder.apiKey == null || builder.apiKey.isBlank()) ? null : builder.apiKey.trim();
        this.connectTimeout = positive(builder.connectTimeout, "connectTimeout");
        this.responseTimeout = positive(builder.responseTimeout, "responseTimeout");
        this.callTimeout = positive(builder.callTimeout, "callTimeout");
        if (builder.maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, was " + builder.maxRetries);
        }
        this.maxRetries = builder.maxRetries;
        this.initialBackoff = positive(builder.initialBackoff, "initialBackoff");
        this.maxBackoff = positive(builder.maxBackoff, "maxBackoff");
        if (this.maxBackoff.compareTo(this.initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must not be shorter than initialBackoff");
        }
        this.defaultModel = builder.defaultModel;
        this.defaultOutputAccess = builder.defaultOutputAccess;
        this.defaultWebhookEndpointId = builder.defaultWebhookEndpointId;
        Objects.requireNonNull(builder.maxDownloadSize, "maxDownloadSize must not be null");
        if (builder.maxDownloadSize.toBytes() <= 0) {
            throw new IllegalArgumentException("maxDownloadSize must be positive, was " + builder.maxDownloadSize);
        }
        this.maxDownloadSize = builder.maxDownloadSize;
    }

    /**
     * Starts settings with the defaults: the current gateway URL, no key, 10 s to connect, 60 s per response,
     * 5 min per call, 2 retries backing off from 500 ms to 10 s, downloads of at most 2 GB.
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these settings, to derive other settings from them.
     * @return a new builder initialised from this instance
     */
    public Builder toBuilder() {
        return new Builder().baseUrl(this.baseUrl)
            .apiKey(this.apiKey)
            .connectTimeout(this.connectTimeout)
            .responseTimeout(this.responseTimeout)
            .callTimeout(this.callTimeout)
            .maxRetries(this.maxRetries)
            .initialBackoff(this.initialBackoff)
            .maxBackoff(this.maxBackoff)
            .defaultModel(this.defaultModel)
            .defaultOutputAccess(this.defaultOutputAccess)
            .defaultWebhookEndpointId(this.defaultWebhookEndpointId)
            .maxDownloadSize(this.maxDownloadSize);
    }

    /** @return the base URL every route is resolved against, without a trailing slash */
    @Override
    public URI baseUrl() {
        return this.baseUrl;
    }

    /** @return the inference key, or {@code null} when none is configured (calls then fail with a clear message) */
    @Override
    public @Nullable String apiKey() {
        return this.apiKey;
    }

    /** @return whether an API key is configured */
    public boolean hasApiKey() {
        return this.apiKey != null;
    }

    /** @return how long to wait for a TCP connection */
    @Override
    public Duration connectTimeout() {
        return this.connectTimeout;
    }

    /** @return how long one attempt may wait for the response (and between body chunks) */
    @Override
    public Duration responseTimeout() {
        return this.responseTimeout;
    }

    /** @return the deadline of one blocking call, retries included */
    public Duration callTimeout() {
        return this.callTimeout;
    }

    /** @return how many times a safe request is retried after a transient failure */
    @Override
    public int maxRetries() {
        return this.maxRetries;
    }

    /** @return the first back-off delay; later ones double, with jitter */
    @Override
    public Duration initialBackoff() {
        return this.initialBackoff;
    }

    /** @return the longest back-off delay */
    @Override
    public Duration maxBackoff() {
        return this.maxBackoff;
    }

    /** @return the model used when a request names none, or {@code null} for the gateway's own default */
    public @Nullable String defaultModel() {
        return this.defaultModel;
    }

    /** @return the output access used when a request sets none, or {@code null} for the gateway's default */
    public @Nullable OutputAccess defaultOutputAccess() {
        return this.defaultOutputAccess;
    }

    /** @return the webhook endpoint id used when a request sets none, or {@code null} */
    public @Nullable String defaultWebhookEndpointId() {
        return this.defaultWebhookEndpointId;
    }

    /**
     * @return the largest video {@code downloadVideoContent} writes; a larger one fails with
     * {@link io.aistats.video.error.VideoContentTooLargeException} and leaves no file
     */
    public DataSize maxDownloadSize() {
        return this.maxDownloadSize;
    }

    @Override
    public String toString() {
        return "VideoClientSettings{baseUrl=" + this.baseUrl + ", apiKey=" + (this.apiKey != null ? "******" : "none")
            + ", connectTimeout=" + this.connectTimeout + ", responseTimeout=" + this.responseTimeout
            + ", callTimeout=" + this.callTimeout + ", maxRetries=" + this.maxRetries + ", initialBackoff="
            + this.initialBackoff + ", maxBackoff=" + this.maxBackoff + ", defaultModel=" + this.defaultModel
            + ", defaultOutputAccess=" + this.defaultOutputAccess + ", defaultWebhookEndpointId="
            + this.defaultWebhookEndpointId + ", maxDownloadSize=" + this.maxDownloadSize + "}";
    }

    private static URI validateBaseUrl(@Nullable URI uri) {
        Objects.requireNonNull(uri, "baseUrl must not be null");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                "baseUrl must be an absolute http or https URL with a host, was '" + uri + "'");
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("baseUrl must not have a query or fragment, was '" + uri + "'");
        }
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    private static Duration positive(@Nullable Duration value, String name) {
        Objects.requireNonNull(value, () -> name + " must not be null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    /**
     * Builder of {@link VideoClientSettings}.
     */
    public static final class Builder {

        private @Nullable URI baseUrl = DEFAULT_BASE_URL;
        private @Nullable String apiKey;
        private @Nullable Duration connectTimeout = Duration.ofSeconds(10);
        private @Nullable Duration responseTimeout = Duration.ofSeconds(60);
        private @Nullable Duration callTimeout = Duration.ofMinutes(5);
        private int maxRetries = 2;
        private @Nullable Duration initialBackoff = Duration.ofMillis(500);
        private @Nullable Duration maxBackoff = Duration.ofSeconds(10);
        private @Nullable String defaultModel;
        private @Nullable OutputAccess defaultOutputAccess;
        private @Nullable String defaultWebhookEndpointId;
        private @Nullable DataSize maxDownloadSize = DEFAULT_MAX_DOWNLOAD_SIZE;

        private Builder() {
        }

        /**
         * @param baseUrl absolute http(s) URL, for example {@code https://api.phaseo.app/v1}
         * @return this builder
         */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /**
         * @param baseUrl absolute http(s) URL, for example {@code https://api.phaseo.app/v1}
         * @return this builder
         * @throws IllegalArgumentException when the text is not a URI
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = URI.create(baseUrl.trim());
            return this;
        }

        /**
         * @param apiKey the inference key ({@code phaseo_v1_sk_...}); {@code null} or blank for none
         * @return this builder
         */
        public Builder apiKey(@Nullable String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * @param connectTimeout how long to wait for a TCP connection
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * @param responseTimeout how long one attempt may wait for the response (and between body chunks)
         * @return this builder
         */
        public Builder responseTimeout(Duration responseTimeout) {
            this.responseTimeout = responseTimeout;
            return this;
        }

        /**
         * @param callTimeout the deadline of one blocking call, retries included
         * @return this builder
         */
        public Builder callTimeout(Duration callTimeout) {
            this.callTimeout = callTimeout;
            return this;
        }

        /**
         * @param maxRetries retries of safe requests after a transient failure; 0 disables retries
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * @param initialBackoff the first back-off delay
         * @return this builder
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
            return this;
        }

        /**
         * @param maxBackoff the longest back-off delay
         * @return this builder
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
            return this;
        }

        /**
         * @param defaultModel model used when a request names none, for example {@code openai/sora-2}
         * @return this builder
         */
        public Builder defaultModel(@Nullable String defaultModel) {
            this.defaultModel = defaultModel;
            return this;
        }

        /**
         * @param defaultOutputAccess output access used when a request sets none
         * @return this builder
         */
        public Builder defaultOutputAccess(@Nullable OutputAccess defaultOutputAccess) {
            this.defaultOutputAccess = defaultOutputAccess;
            return this;
        }

        /**
         * @param defaultWebhookEndpointId webhook endpoint (UUID) used when a request sets none
         * @return this builder
         */
        public Builder defaultWebhookEndpointId(@Nullable String defaultWebhookEndpointId) {
            this.defaultWebhookEndpointId = defaultWebhookEndpointId;
            return this;
        }

        /**
         * @param maxDownloadSize the largest video a download writes; positive
         * @return this builder
         */
        public Builder maxDownloadSize(DataSize maxDownloadSize) {
            this.maxDownloadSize = maxDownloadSize;
            return this;
        }

        /**
         * @return the settings
         * @throws IllegalArgumentException when a value is out of range; the message names the setting
         */
        public VideoClientSettings build() {
            return new VideoClientSettings(this);
        }
    }
}
