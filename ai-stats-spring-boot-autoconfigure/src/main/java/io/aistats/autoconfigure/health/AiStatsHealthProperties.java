package io.aistats.autoconfigure.health;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Configuration properties of the AI Stats gateway health indicator, bound from {@code ai-stats.health.*}. The
 * indicator itself is switched with {@code management.health.ai-stats.enabled}.
 */
@ConfigurationProperties("ai-stats.health")
public class AiStatsHealthProperties {

    /**
     * Maximum time one health check may take, per gateway call; a slower gateway is reported DOWN. Kept short and
     * separate from the video client's timeouts so that a slow gateway cannot stall the health endpoint.
     */
    private Duration timeout = Duration.ofSeconds(2);

    /**
     * Whether to also make a cheap authenticated call (the video model catalogue) so that a missing, revoked or
     * expired API key is reported DOWN with the gateway's reason.
     */
    private boolean verifyKey = false;

    /**
     * How long the result of a check is reused before the gateway is asked again, so that frequent probes do not
     * hammer it. 0 checks on every probe.
     */
    private Duration cacheTtl = Duration.ofSeconds(10);

    /**
     * @return the maximum time of one health check call
     */
    public Duration getTimeout() {
        return this.timeout;
    }

    /**
     * @param timeout the maximum time of one health check call; must be positive
     */
    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * @return whether the API key is verified with an authenticated call
     */
    public boolean isVerifyKey() {
        return this.verifyKey;
    }

    /**
     * @param verifyKey whether to verify the API key with an authenticated call
     */
    public void setVerifyKey(boolean verifyKey) {
        this.verifyKey = verifyKey;
    }

    /**
     * @return how long a check result is reused
     */
    public Duration getCacheTtl() {
        return this.cacheTtl;
    }

    /**
     * @param cacheTtl how long a check result is reused; zero to check on every probe
     */
    public void setCacheTtl(Duration cacheTtl) {
        this.cacheTtl = cacheTtl;
    }
}
