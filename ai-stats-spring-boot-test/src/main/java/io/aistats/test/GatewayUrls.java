package io.aistats.test;

import java.net.URI;

/**
 * The fixed URL paths the gateway writes into responses (§0.5); the origin is the caller's or the public one.
 */
final class GatewayUrls {

    private GatewayUrls() {
    }

    /** @return the origin without a trailing slash, e.g. {@code http://127.0.0.1:8080} */
    static String origin(URI origin) {
        String text = origin.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** @return {@code {origin}/v1/videos/{id}} */
    static String polling(URI origin, String videoId) {
        return origin(origin) + "/v1/videos/" + videoId;
    }

    /** @return {@code {origin}/v1/videos/{id}/content} */
    static String content(URI origin, String videoId) {
        return polling(origin, videoId) + "/content";
    }

    /** @return {@code {origin}/v1/videos/{id}/cancel} */
    static String cancel(URI origin, String videoId) {
        return polling(origin, videoId) + "/cancel";
    }

    /** @return {@code ws(s)://.../v1/async/video/{id}/ws} */
    static String websocket(URI origin, String videoId) {
        return webSocketScheme(origin(origin)) + "/v1/async/video/" + videoId + "/ws";
    }

    /** @return the URL with {@code https:} replaced by {@code wss:} and {@code http:} by {@code ws:} */
    static String webSocketScheme(String url) {
        if (url.startsWith("https:")) {
            return "wss:" + url.substring(6);
        }
        if (url.startsWith("http:")) {
            return "ws:" + url.substring(5);
        }
        return url;
    }
}
