package io.aistats.autoconfigure.webhook;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Configuration properties of the webhook receiver, bound from {@code ai-stats.webhook.*}. The receiver is active
 * once {@code ai-stats.webhook.secret} or {@code ai-stats.webhook.secrets} is set.
 * <p>
 * {@link #toString()} never shows the secrets.
 */
@ConfigurationProperties(AiStatsWebhookProperties.PREFIX)
public class AiStatsWebhookProperties implements InitializingBean {

    static final String PREFIX = "ai-stats.webhook";

    /**
     * Path of the endpoint that receives the gateway's webhook deliveries (POST).
     */
    private String path = "/ai-stats/webhooks";

    /**
     * Signing secret ("whsec_...") of the gateway's webhook endpoint, as returned when the endpoint was created or
     * its secret rotated. Used as it is, prefix included.
     */
    private @Nullable String secret;

    /**
     * Further signing secrets accepted besides "secret", for example the old and the new secret while a rotation is
     * rolled out.
     */
    private List<String> secrets = new ArrayList<>();

    /**
     * Maximum distance between a delivery's signing timestamp and the local clock, in either direction. Older (or
     * future) deliveries are rejected as possible replays.
     */
    private Duration tolerance = Duration.ofMinutes(5);

    /**
     * Maximum size of a delivery body. Larger deliveries are answered with 413 without being read further. The
     * gateway sends one job object with at most ten attempts of webhook state: about 12 KB at most, 37 KB when every
     * response preview is control characters; 64 KB holds both while bounding what a sender without the secret can
     * make the receiver read.
     */
    private DataSize maxPayloadSize = DataSize.ofKilobytes(64);

    /**
     * Maximum number of bytes all deliveries being read may hold together, reserved from each declared
     * Content-Length or as chunks arrive. Deliveries beyond it are answered with 503 and Retry-After, so that the
     * gateway delivers them again later. At least max-payload-size; the default holds 128 bodies of the default
     * max-payload-size, far more than the gateway sends at once.
     */
    private DataSize maxInFlightBytes = DataSize.ofMegabytes(8);

    /**
     * Time a delivery body may take to arrive completely. A slower body (or a stalled one) is dropped with 408. The
     * gateway sends its few kilobytes at once.
     */
    private Duration readTimeout = Duration.ofSeconds(10);

    /**
     * Whether to publish events on the application's task executor and answer the gateway at once. Keeps slow
     * listeners clear of the gateway's 30 s timeout, but a listener failure can then no longer cause a redelivery.
     */
    private boolean async;

    private final Dedupe dedupe = new Dedupe();

    private final Security security = new Security();

    /**
     * @return the endpoint path
     */
    public String getPath() {
        return this.path;
    }

    /**
     * @param path the endpoint path
     */
    public void setPath(String path) {
        this.path = path;
    }

    /**
     * @return the signing secret
     */
    public @Nullable String getSecret() {
        return this.secret;
    }

    /**
     * @param secret the signing secret
     */
    public void setSecret(@Nullable String secret) {
        this.secret = secret;
    }

    /**
     * @return further accepted signing secrets
     */
    public List<String> getSecrets() {
        return this.secrets;
    }

    /**
     * @param secrets further accepted signing secrets
     */
    public void setSecrets(List<String> secrets) {
        this.secrets = secrets;
    }

    /**
     * @return the timestamp tolerance
     */
    public Duration getTolerance() {
        return this.tolerance;
    }

    /**
     * @param tolerance the timestamp tolerance; positive
     */
    public void setTolerance(Duration tolerance) {
        this.tolerance = positive("tolerance", tolerance);
    }

    /**
     * @return the maximum body size
     */
    public DataSize getMaxPayloadSize() {
        return this.maxPayloadSize;
    }

    /**
     * @param maxPayloadSize the maximum body size; positive
     */
    public void setMaxPayloadSize(DataSize maxPayloadSize) {
        if (maxPayloadSize == null || maxPayloadSize.toBytes() <= 0) {
            throw notPositive("max-payload-size", maxPayloadSize);
        }
        this.maxPayloadSize = maxPayloadSize;
    }

    /**
     * @return the bytes all deliveries being read may hold together
     */
    public DataSize getMaxInFlightBytes() {
        return this.maxInFlightBytes;
    }

    /**
     * @param maxInFlightBytes the bytes all deliveries being read may hold together; positive
     */
    public void setMaxInFlightBytes(DataSize maxInFlightBytes) {
        if (maxInFlightBytes == null || maxInFlightBytes.toBytes() <= 0) {
            throw notPositive("max-in-flight-bytes", maxInFlightBytes);
        }
        this.maxInFlightBytes = maxInFlightBytes;
    }

    /**
     * @return the time a body may take to arrive completely
     */
    public Duration getReadTimeout() {
        return this.readTimeout;
    }

    /**
     * @param readTimeout the time a body may take to arrive completely; positive
     */
    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = positive("read-timeout", readTimeout);
    }

    /**
     * Checks what depends on two properties once all are bound, so that the failure names the property.
     */
    @Override
    public void afterPropertiesSet() {
        if (this.maxInFlightBytes.toBytes() < this.maxPayloadSize.toBytes()) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + ".max-in-flight-bytes",
                    this.maxInFlightBytes, "must be at least " + PREFIX + ".max-payload-size (" + this.maxPayloadSize
                            + "), or no delivery of the maximum size could be read");
        }
    }

    /**
     * @return whether listeners run on the task executor after the answer
     */
    public boolean isAsync() {
        return this.async;
    }

    /**
     * @param async whether listeners run on the task executor after the answer
     */
    public void setAsync(boolean async) {
        this.async = async;
    }

    /**
     * @return the de-duplication settings
     */
    public Dedupe getDedupe() {
        return this.dedupe;
    }

    /**
     * @return the Spring Security settings
     */
    public Security getSecurity() {
        return this.security;
    }

    /**
     * Every configured secret with text: {@code secret} first, then {@code secrets}, without repetitions.
     * @return the secrets, possibly empty
     */
    List<String> resolveSecrets() {
        Set<String> all = new LinkedHashSet<>();
        if (StringUtils.hasText(this.secret)) {
            all.add(this.secret.trim());
        }
        for (String candidate : this.secrets) {
            if (StringUtils.hasText(candidate)) {
                all.add(candidate.trim());
            }
        }
        return List.copyOf(all);
    }

    /**
     * Checked as the value is bound, so that a bad value fails startup naming its property, although the beans
     * that use it are created later.
     */
    private static Duration positive(String name, @Nullable Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw notPositive(name, duration);
        }
        return duration;
    }

    private static InvalidConfigurationPropertyValueException notPositive(String name, @Nullable Object value) {
        return new InvalidConfigurationPropertyValueException(PREFIX + "." + name, value, "must be positive");
    }

    @Override
    public String toString() {
        return "AiStatsWebhookProperties[path=" + this.path + ", secrets=" + resolveSecrets().size() + " configured"
                + ", tolerance=" + this.tolerance + ", maxPayloadSize=" + this.maxPayloadSize
                + ", maxInFlightBytes=" + this.maxInFlightBytes + ", readTimeout=" + this.readTimeout + ", async="
                + this.async
                + "]";
    }

    /**
     * De-duplication of deliveries by event id.
     */
    public static class Dedupe {

        /**
         * Where handled event ids are claimed and remembered: "memory" for one application instance, "jdbc" for a
         * table of the application's DataSource shared by every instance (see ai-stats.jdbc.*).
         */
        private Store store = Store.MEMORY;

        /**
         * Maximum number of handled event ids remembered in memory; the oldest are forgotten first.
         */
        private int capacity = 10_000;

        /**
         * How long a handled event id is remembered. Should exceed the gateway's retry window (about 22 minutes).
         */
        private Duration ttl = Duration.ofHours(24);

        /**
         * How long a claimed event id is held for the instance publishing it before another instance may take it
         * over. Must exceed the time listeners take; the default is well above the gateway's 30 s wait for an
         * answer.
         */
        private Duration lease = Duration.ofMinutes(2);

        /**
         * Interval at which the "jdbc" store deletes ids older than the time to live, off the request path.
         */
        private Duration purgeInterval = Duration.ofMinutes(10);

        /**
         * @return where event ids are claimed
         */
        public Store getStore() {
            return this.store;
        }

        /**
         * @param store where event ids are claimed
         */
        public void setStore(Store store) {
            this.store = store;
        }

        /**
         * @return the number of ids remembered at most
         */
        public int getCapacity() {
            return this.capacity;
        }

        /**
         * @param capacity the number of ids remembered at most; positive
         */
        public void setCapacity(int capacity) {
            if (capacity <= 0) {
                throw notPositive("dedupe.capacity", capacity);
            }
            this.capacity = capacity;
        }

        /**
         * @return how long an id is remembered
         */
        public Duration getTtl() {
            return this.ttl;
        }

        /**
         * @param ttl how long an id is remembered; positive
         */
        public void setTtl(Duration ttl) {
            this.ttl = positive("dedupe.ttl", ttl);
        }

        /**
         * @return how long a claim holds before it may be taken over
         */
        public Duration getLease() {
            return this.lease;
        }

        /**
         * @param lease how long a claim holds before it may be taken over; positive
         */
        public void setLease(Duration lease) {
            this.lease = positive("dedupe.lease", lease);
        }

        /**
         * @return the interval between purges of the "jdbc" store
         */
        public Duration getPurgeInterval() {
            return this.purgeInterval;
        }

        /**
         * @param purgeInterval the interval between purges of the "jdbc" store; positive
         */
        public void setPurgeInterval(Duration purgeInterval) {
            this.purgeInterval = positive("dedupe.purge-interval", purgeInterval);
        }

        /**
         * Where event ids are claimed.
         */
        public enum Store {

            /** In memory: one application instance; forgotten on restart. */
            MEMORY,

            /** In a table of the application's DataSource, shared by every instance. */
            JDBC
        }
    }

    /**
     * Integration with Spring Security.
     */
    public static class Security {

        /**
         * Whether to register a security filter chain, ordered before the application's, that lets deliveries to
         * the webhook path through Spring Security: all requests to the path are permitted and CSRF protection is
         * off for it, because the signature authenticates them. Other paths keep the application's security.
         */
        private boolean permitAll = true;

        /**
         * @return whether the webhook path is opened in Spring Security
         */
        public boolean isPermitAll() {
            return this.permitAll;
        }

        /**
         * @param permitAll whether the webhook path is opened in Spring Security
         */
        public void setPermitAll(boolean permitAll) {
            this.permitAll = permitAll;
        }
    }
}
