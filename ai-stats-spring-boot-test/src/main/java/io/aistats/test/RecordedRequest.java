package io.aistats.test;

import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request the simulator received, recorded before any fault or route handled it. The {@code Authorization}
 * header is masked (key id kept, secret replaced by {@code ***}).
 *
 * @param method HTTP method, e.g. {@code POST}
 * @param path the decoded path, e.g. {@code /v1/videos}
 * @param query the raw query string without {@code ?}, empty when there is none
 * @param headers request headers by lower-case name
 * @param body the body when it is at most {@link #BODY_LIMIT} bytes, else {@code null}
 * @param bodySize the body size in bytes (counted up to the simulator's 16 MiB read limit + 1)
 * @param receivedAt simulator time of arrival
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
        byte @Nullable [] body, long bodySize, Instant receivedAt) {

    /** Largest body kept in a recording. */
    public static final int BODY_LIMIT = 64 * 1024;

    /**
     * @param name a header name (any case)
     * @return the first value of the header
     */
    public Optional<String> header(String name) {
        List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * @return the body as UTF-8 text; empty when there was no body or it was too large to keep
     */
    public String bodyAsString() {
        return this.body != null ? new String(this.body, StandardCharsets.UTF_8) : "";
    }

    @Override
    public String toString() {
        return this.method + " " + this.path + (this.query.isEmpty() ? "" : "?" + this.query) + " (" + this.bodySize
                + " body bytes)";
    }
}
