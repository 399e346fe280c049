package io.aistats.autoconfigure;

import io.aistats.video.VideoClientSettings;
import io.aistats.video.model.OutputAccess;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Configuration properties of the AI Stats gateway client, bound from {@code ai-stats.*}.
 * <p>
 * {@link #toString()} never shows the keys.
 */
@ConfigurationProperties("ai-stats")
public class AiStatsProperties {

    // the defaults are VideoClientSettings'; additional-spring-configuration-metadata.json shows them to IDEs
    private static final VideoClientSettings DEFAULTS = VideoClientSettings.defaults();

    /**
     * Whether to auto-configure the AI Stats video client.
     */
    private boolean enabled = true;

    /**
     * Base URL of the gateway's API; every route is resolved against it.
     */
    private String baseUrl = DEFAULTS.baseUrl().toString();

    /**
     * Inference key ("phaseo_v1_sk_...") sent as Bearer token on every video call. When not set, the
     * AI_STATS_API_KEY environment variable is used.
     */
    private @Nullable String apiKey;

    /**
     * Management key ("phaseo_v1_mk_...") used to manage webhook endpoints; the video routes reject it.
     */
    private @Nullable String managementKey;

    /**
     * Maximum time to wait for a TCP connection to the gateway.
     */
    private Duration connectTimeout = DEFAULTS.connectTimeout();

    /**
     * Maximum time one attempt may wait for the response, and between two chunks of its body.
     */
    private Duration responseTimeout = DEFAULTS.responseTimeout();

    /**
     * Deadline of one blocking call, retries included.
     */
    private Duration callTimeout = DEFAULTS.callTimeout();

    /**
     * Maximum size of a video written by downloadVideoContent. A larger one (announced or sent) fails the download
     * and leaves no file. Four times the 512 MiB the gateway proxies at most.
     */
    private DataSize maxDownloadSize = DEFAULTS.maxDownloadSize();

    /**
     * Model used when a generation request names none, for example "openai/sora-2". When not set, the gateway
     * chooses.
     */
    private @Nullable String defaultModel;

    /**
     * Output access used when a generation request sets none. When not set, the gateway's default ("both")
     * applies.
     */
    private @Nullable OutputAccess defaultOutputAccess;

    /**
     * Webhook endpoint (UUID) notified of a job's lifecycle when a generation request names none.
     */
    private @Nullable String defaultWebhookEndpointId;

    private final Retry retry = new Retry();

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getBaseUrl() {
        return this.baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public @Nullable String getApiKey() {
        return this.apiKey;
    }

    public void setApiKey(@Nullable String apiKey) {
        this.apiKey = apiKey;
    }

    public @Nullable String getManagementKey() {
        return this.managementKey;
    }

    public void setManagementKey(@Nullable String managementKey) {
        this.managementKey = managementKey;
    }

    public Duration getConnectTimeout() {
        return this.connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getResponseTimeout() {
        return this.responseTimeout;
    }

    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public Duration getCallTimeout() {
        return this.callTimeout;
    }

    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    public @Nullable String getDefaultModel() {
        return this.defaultModel;
    }

    public void setDefaultModel(@Nullable String defaultModel) {
        this.defaultModel = defaultModel;
    }

    public @Nullable OutputAccess getDefaultOutputAccess() {
        return this.defaultOutputAccess;
    }

    public void setDefaultOutputAccess(@Nullable OutputAccess defaultOutputAccess) {
        this.defaultOutputAccess = defaultOutputAccess;
    }

    public @Nullable String getDefaultWebhookEndpointId() {
        return this.defaultWebhookEndpointId;
    }

    public void setDefaultWebhookEndpointId(@Nullable String defaultWebhookEndpointId) {
        this.defaultWebhookEndpointId = defaultWebhookEndpointId;
    }

    /**
     * @return the largest video a download writes
     */
    public DataSize getMaxDownloadSize() {
        return this.maxDownloadSize;
    }

    /**
     * @param maxDownloadSize the largest video a download writes
     */
    public void setMaxDownloadSize(DataSize maxDownloadSize) {
        this.maxDownloadSize = maxDownloadSize;
    }

    public Retry getRetry() {
        return this.retry;
    }

    @Override
    public String toString() {
        return "AiStatsProperties{enabled=" + this.enabled + ", baseUrl=" + this.baseUrl + ", apiKey="
            + mask(this.apiKey) + ", managementKey=" + mask(this.managementKey) + ", connectTimeout="
            + this.connectTimeout + ", responseTimeout=" + this.responseTimeout + ", callTimeout=" + this.callTimeout
            + ", maxDownloadSize=" + this.maxDownloadSize + ", retry=" + this.retry + ", defaultModel="
            + this.defaultModel + ", defaultOutputAccess=" + this.defaultOutputAccess + ", defaultWebhookEndpointId="
            + this.defaultWebhookEndpointId + "}";
    }

    private static String mask(@Nullable String key) {
        return (key != null && !key.isBlank()) ? "******" : "none";
    }

    /**
     * Retry of safe requests (GET, DELETE, download URL) after a transient failure. A request that creates a job is
     * never retried once it may have reached the gateway.
     */
    public static class Retry {

        /**
         * Maximum number of retries of a safe request after a transient failure. 0 disables retries.
         */
        private int maxRetries = DEFAULTS.maxRetries();

        /**
         * Delay before the first retry; later delays double, with jitter.
         */
        private Duration initialBackoff = DEFAULTS.initialBackoff();

        /**
         * Maximum delay between two retries.
         */
        private Duration maxBackoff = DEFAULTS.maxBackoff();

        public int getMaxRetries() {
            return this.maxRetries;
        }

        public void setMaxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
        }

        public Duration getInitialBackoff() {
            return this.initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        public Duration getMaxBackoff() {
            return this.maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        @Override
        public String toString() {
            return "Retry{maxRetries=" + this.maxRetries + ", initialBackoff=" + this.initialBackoff + ", maxBackoff="
                + this.maxBackoff + "}";
        }
    }
}
