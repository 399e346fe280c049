package io.aistats.video.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A signed link to a completed job's video ({@code POST /videos/{id}/download_url}). Anyone holding the link can
 * download the video, without credentials, until {@code expiresAt} inclusive: treat it as a secret.
 * @param url the link (opaque; first-party gateway URL)
 * @param expiresAt the last second the link works
 */
public record SignedDownloadUrl(@JsonProperty("download_url") URI url,
        @JsonProperty("expires_at") Instant expiresAt) {

    public SignedDownloadUrl {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /**
     * Reads the gateway's answer ({@code download_url} and {@code expires_at} in unix seconds).
     * @param members the JSON object
     * @return the link
     * @throws IllegalArgumentException when {@code download_url} or {@code expires_at} is missing or malformed
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SignedDownloadUrl fromJson(Map<String, ?> members) {
        String url = Wire.string(members.get("download_url"));
        Instant expiresAt = Wire.instant(members.get("expires_at"));
        if (url == null || expiresAt == null) {
            throw new IllegalArgumentException("download_url response lacks " + ((url == null) ? "download_url"
                    : "expires_at"));
        }
        return new SignedDownloadUrl(URI.create(url), expiresAt);
    }

    /**
     * @param now the current time
     * @return whether the link no longer works at {@code now} (it works while {@code now <= expiresAt})
     */
    public boolean isExpired(Instant now) {
        return now.isAfter(this.expiresAt);
    }

    /** The expiry and the link without its signed query. */
    @Override
    public String toString() {
        return "SignedDownloadUrl[url=" + Wire.redactQuery(this.url.toString()) + ", expiresAt=" + this.expiresAt
                + "]";
    }
}
