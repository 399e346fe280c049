package io.aistats.video.webhook.endpoint;

import io.aistats.video.error.VideoRequestValidationException;
import io.aistats.video.internal.util.JsStrings;
import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * The client-side checks shared by webhook endpoint requests: what the gateway's schema would reject is refused before
 * anything is sent, naming the wire field. The gateway trims strings with JavaScript's rules ({@link JsStrings}).
 * Messages never echo a URL, which may carry a token.
 */
final class WebhookEndpointRequests {

    /** Longest endpoint name the gateway accepts. */
    static final int MAX_NAME_LENGTH = 120;

    private WebhookEndpointRequests() {
    }

    static @Nullable String name(@Nullable String name) {
        if (name == null) {
            return null;
        }
        String trimmed = JsStrings.trim(name);
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw new VideoRequestValidationException("name", "must have 1 to " + MAX_NAME_LENGTH
                    + " characters (after trimming) but has " + trimmed.length());
        }
        return trimmed;
    }

    static String url(@Nullable String url) {
        String trimmed = (url != null) ? JsStrings.trim(url) : "";
        if (trimmed.isEmpty()) {
            throw new VideoRequestValidationException("url", "is required");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        }
        catch (URISyntaxException ex) {
            throw new VideoRequestValidationException("url", "must be a valid absolute URL such as "
                    + "https://hooks.example.com/phaseo");
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
            throw new VideoRequestValidationException("url", "must be an absolute URL with a scheme and a host, "
                    + "such as https://hooks.example.com/phaseo");
        }
        return trimmed;
    }

    static @Nullable List<String> events(@Nullable List<String> events) {
        if (events == null) {
            return null;
        }
        List<String> trimmed = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            String event = events.get(i);
            if (event == null || JsStrings.isBlank(event)) {
                throw new VideoRequestValidationException("events[" + i + "]", "must not be blank");
            }
            trimmed.add(JsStrings.trim(event));
        }
        return List.copyOf(trimmed);
    }
}
