package io.aistats.video.internal.http;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Builds gateway URLs from the base URL. Every path segment and query value is percent-encoded on its own, so an
 * id can never change the shape of a URL.
 */
public final class GatewayUris {

    private final UriComponentsBuilder builder;

    private GatewayUris(URI baseUrl) {
        this.builder = UriComponentsBuilder.fromUri(baseUrl);
    }

    /**
     * Starts a URL below the base URL.
     * @param baseUrl the gateway base URL, for example {@code https://api.phaseo.app/v1}
     * @return a new builder
     */
    public static GatewayUris from(URI baseUrl) {
        return new GatewayUris(baseUrl);
    }

    /**
     * Appends path segments, each encoded (a {@code /} in a value becomes {@code %2F}).
     * @param segments the raw segment values
     * @return this builder
     */
    public GatewayUris segments(String... segments) {
        for (String segment : segments) {
            this.builder.path("/" + UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8));
        }
        return this;
    }

    /**
     * Adds a query parameter when the value is present.
     * @param name the parameter name
     * @param value the raw value, or {@code null} to skip the parameter
     * @return this builder
     */
    public GatewayUris query(String name, @Nullable Object value) {
        if (value != null) {
            this.builder.queryParam(name, encode(String.valueOf(value)));
        }
        return this;
    }

    /**
     * Adds one query parameter whose values are joined by commas (each value encoded, the commas not).
     * @param name the parameter name
     * @param values the raw values; nothing is added when empty
     * @return this builder
     */
    public GatewayUris queryJoined(String name, List<String> values) {
        if (!values.isEmpty()) {
            this.builder.queryParam(name, String.join(",", values.stream().map(GatewayUris::encode).toList()));
        }
        return this;
    }

    /**
     * @return the URL
     */
    public URI build() {
        return this.builder.build(true).toUri();
    }

    /**
     * @return the URL with its scheme switched to the WebSocket one ({@code https} to {@code wss}, {@code http} to
     * {@code ws})
     */
    public URI buildWebSocket() {
        URI uri = build();
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String wsScheme = scheme.equals("https") ? "wss" : "ws";
        return URI.create(wsScheme + uri.toString().substring(scheme.length()));
    }

    private static String encode(String value) {
        return UriUtils.encode(value, StandardCharsets.UTF_8);
    }
}
