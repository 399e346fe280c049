package io.aistats.video;

import io.aistats.video.internal.http.TransportSettings;
import io.aistats.video.internal.util.Durations;
import io.aistats.video.model.OutputAccess;
import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Immutable settings of a video client: where the gateway is, how to authenticate, and how patient to be. Start from
 * {@link #builder()} (the defaults) or {@link #toBuilder()}.
 * <p>
 * {@link #toString()} never shows the API key.
 *
 * @param baseUrl the base URL every route is resolved against, absolute http(s); kept without a trailing slash
 * @param apiKey the inference key ({@code phaseo_v1_sk_...}), or {@code null} when none is configured (calls then
 * fail with a clear message); a blank key counts as none, and the key is kept trimmed
 * @param connectTimeout how long to wait for a TCP connection
 * @param responseTimeout how long one attempt may wait for the response (and between body chunks)
 * @param callTimeout the deadline of one blocking call, retries included
 * @param maxRetries how many times a safe request is retried after a transient failure; 0 disables retries
 * @param initialBackoff the first back-off delay; later ones double, with jitter
 * @param maxBackoff the longest back-off delay
 * @param defaultModel the model used when a request names none (for example {@code openai/sora-2}), or {@code null}
 * for the gateway's own default
 * @param defaultOutputAccess the output access used when a request sets none, or {@code null} for the gateway's
 * default
 * @param defaultWebhookEndpointId the webhook endpoint (UUID) used when a request sets none, or {@code null}
 * @param maxDownloadSize the largest video {@code downloadVideoContent} writes; a larger one fails with
 * {@link io.aistats.video.error.VideoContentTooLargeException} and leaves no file
 */
public record VideoClientSettings(URI baseUrl, @Nullable String apiKey, Duration connectTimeout,
        Duration responseTimeout, Duration callTimeout, int maxRetries, Duration initialBackoff, Duration maxBackoff,
        @Nullable String defaultModel, @Nullable OutputAccess defaultOutputAccess,
        @Nullable String defaultWebhookEndpointId, DataSize maxDownloadSize) implements TransportSettings {

    // the one place these defaults are written: the ai-stats.* properties start from them. The download bound is
    // four times the 512 MiB the gateway proxies at most, so that no real video is refused while a server
    // announcing (or sending) far more cannot fill the disk.
    private static final VideoClientSettings DEFAULTS = new VideoClientSettings(
            URI.create("https://api.phaseo.app/v1"), null, Duration.ofSeconds(10), Duration.ofSeconds(60),
            Duration.ofMinutes(5), 2, Duration.ofMillis(500), Duration.ofSeconds(10), null, null, null,
            DataSize.ofGigabytes(2));

    /**
     * @throws IllegalArgumentException when a value is out of range; the message names the setting
     */
    public VideoClientSettings {
        baseUrl = validateBaseUrl(baseUrl);
        apiKey = (apiKey == null || apiKey.isBlank()) ? null : apiKey.trim();
        Durations.requirePositive(connectTimeout, "connectTimeout");
        Durations.requirePositive(responseTimeout, "responseTimeout");
        Durations.requirePositive(callTimeout, "callTimeout");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
        }
        Durations.requirePositive(initialBackoff, "initialBackoff");
        Durations.requirePositive(maxBackoff, "maxBackoff");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must not be shorter than initialBackoff");
        }
        Objects.requireNonNull(maxDownloadSize, "maxDownloadSize must not be null");
        if (maxDownloadSize.toBytes() <= 0) {
            throw new IllegalArgumentException("maxDownloadSize must be positive, was " + maxDownloadSize);
        }
    }

    /**
     * @return the defaults: the current gateway URL, no key, 10 s to connect, 60 s per response, 5 min per call,
     * 2 retries backing off from 500 ms to 10 s, downloads of at most 2 GB
     */
    public static VideoClientSettings defaults() {
        return DEFAULTS;
    }

    /**
     * @return a new builder holding the {@link #defaults()}
     */
    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    /**
     * @return a new builder holding these settings, to derive other settings from them
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** @return whether an API key is configured */
    public boolean hasApiKey() {
        return this.apiKey != null;
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

    /**
     * Builder of {@link VideoClientSettings}; {@link #build()} validates.
     */
    public static final class Builder {

        private URI baseUrl;
        private @Nullable String apiKey;
        private Duration connectTimeout;
        private Duration responseTimeout;
        private Duration callTimeout;
        private int maxRetries;
        private Duration initialBackoff;
        private Duration maxBackoff;
        private @Nullable String defaultModel;
        private @Nullable OutputAccess defaultOutputAccess;
        private @Nullable String defaultWebhookEndpointId;
        private DataSize maxDownloadSize;

        private Builder(VideoClientSettings settings) {
            this.baseUrl = settings.baseUrl;
            this.apiKey = settings.apiKey;
            this.connectTimeout = settings.connectTimeout;
            this.responseTimeout = settings.responseTimeout;
            this.callTimeout = settings.callTimeout;
            this.maxRetries = settings.maxRetries;
            this.initialBackoff = settings.initialBackoff;
            this.maxBackoff = settings.maxBackoff;
            this.defaultModel = settings.defaultModel;
            this.defaultOutputAccess = settings.defaultOutputAccess;
            this.defaultWebhookEndpointId = settings.defaultWebhookEndpointId;
            this.maxDownloadSize = settings.maxDownloadSize;
        }

        /** Sets {@link VideoClientSettings#baseUrl()}. */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /**
         * Sets {@link VideoClientSettings#baseUrl()} from text, for example {@code https://api.phaseo.app/v1}.
         * @throws IllegalArgumentException when the text is not a URI
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = URI.create(baseUrl.trim());
            return this;
        }

        /** Sets {@link VideoClientSettings#apiKey()}. */
        public Builder apiKey(@Nullable String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** Sets {@link VideoClientSettings#connectTimeout()}. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** Sets {@link VideoClientSettings#responseTimeout()}. */
        public Builder responseTimeout(Duration responseTimeout) {
            this.responseTimeout = responseTimeout;
            return this;
        }

        /** Sets {@link VideoClientSettings#callTimeout()}. */
        public Builder callTimeout(Duration callTimeout) {
            this.callTimeout = callTimeout;
            return this;
        }

        /** Sets {@link VideoClientSettings#maxRetries()}. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /** Sets {@link VideoClientSettings#initialBackoff()}. */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
            return this;
        }

        /** Sets {@link VideoClientSettings#maxBackoff()}. */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
            return this;
        }

        /** Sets {@link VideoClientSettings#defaultModel()}. */
        public Builder defaultModel(@Nullable String defaultModel) {
            this.defaultModel = defaultModel;
            return this;
        }

        /** Sets {@link VideoClientSettings#defaultOutputAccess()}. */
        public Builder defaultOutputAccess(@Nullable OutputAccess defaultOutputAccess) {
            this.defaultOutputAccess = defaultOutputAccess;
            return this;
        }

        /** Sets {@link VideoClientSettings#defaultWebhookEndpointId()}. */
        public Builder defaultWebhookEndpointId(@Nullable String defaultWebhookEndpointId) {
            this.defaultWebhookEndpointId = defaultWebhookEndpointId;
            return this;
        }

        /** Sets {@link VideoClientSettings#maxDownloadSize()}. */
        public Builder maxDownloadSize(DataSize maxDownloadSize) {
            this.maxDownloadSize = maxDownloadSize;
            return this;
        }

        /**
         * @return the settings
         * @throws IllegalArgumentException when a value is out of range; the message names the setting
         */
        public VideoClientSettings build() {
            return new VideoClientSettings(this.baseUrl, this.apiKey, this.connectTimeout, this.responseTimeout,
                    this.callTimeout, this.maxRetries, this.initialBackoff, this.maxBackoff, this.defaultModel,
                    this.defaultOutputAccess, this.defaultWebhookEndpointId, this.maxDownloadSize);
        }
    }
}
