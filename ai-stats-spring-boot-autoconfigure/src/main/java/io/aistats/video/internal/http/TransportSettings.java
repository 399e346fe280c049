package io.aistats.video.internal.http;

import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.time.Duration;

/**
 * What the transport needs of a client's settings: where to send, how to authenticate, how long to wait and how
 * often to retry. Implemented by the client settings, so the transport does not depend on
 * the client's package.
 */
public interface TransportSettings {

    /**
     * @return the gateway's base URL, for example {@code https://api.phaseo.app/v1}
     */
    URI baseUrl();

    /**
     * @return the key sent as {@code Authorization: Bearer}, or {@code null} when none is configured
     */
    @Nullable String apiKey();

    /**
     * @return how long to wait for a connection
     */
    Duration connectTimeout();

    /**
     * @return how long to wait for each read of an answer
     */
    Duration responseTimeout();

    /**
     * @return how many times a safe request is retried; 0 for never
     */
    int maxRetries();

    /**
     * @return the first retry's back-off
     */
    Duration initialBackoff();

    /**
     * @return the largest back-off between retries
     */
    Duration maxBackoff();
}
