package io.aistats.test;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The optional body of {@code POST /v1/videos/{id}/download_url} (§3.5) with the gateway's lenient rules: empty,
 * white space or {@code null} mean defaults; {@code ttl_seconds} is truncated, must be positive and is clamped to
 * 60 ... 3600; {@code disposition} is {@code attachment} or {@code inline}; {@code index} is not negative; other keys
 * are ignored.
 *
 * @param ttlSeconds the link's time to live
 * @param disposition {@code attachment} or {@code inline}
 * @param index the output index
 */
record DownloadUrlRequest(long ttlSeconds, String disposition, int index) {

    static final DownloadUrlRequest DEFAULTS =
            new DownloadUrlRequest(DownloadLinks.DEFAULT_TTL_SECONDS, "attachment", 0);

    /**
     * @param body the raw body
     * @param json the mapper
     * @return the request
     * @throws InvalidBody with the gateway's error code and reason
     */
    static DownloadUrlRequest parse(byte[] body, JsonMapper json) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return DEFAULTS;
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        }
        catch (JacksonException ex) {
            throw new InvalidBody("invalid_json", "invalid_video_download_request_body",
                    "The request body must be valid JSON.");
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return DEFAULTS;
        }
        if (!node.isObject()) {
            throw invalid("The request body must be a JSON object.");
        }
        return new DownloadUrlRequest(ttl(first(node, "ttl_seconds", "ttlSeconds")),
                disposition(first(node, "disposition", "content_disposition", "contentDisposition")),
                index(node.get("index")));
    }

    private static @Nullable JsonNode first(JsonNode node, String... names) {
        for (String name : names) {
            if (node.has(name)) {
                return node.get(name);
            }
        }
        return null;
    }

    private static long ttl(@Nullable JsonNode value) {
        Double number = numeric(value);
        if (number == null || Double.isNaN(number)) {
            return DownloadLinks.DEFAULT_TTL_SECONDS;
        }
        double truncated = number < 0 ? Math.ceil(number) : Math.floor(number);
        if (truncated <= 0) {
            throw invalid("ttl_seconds must be a positive number of seconds.");
        }
        return JsNumbers.truncateAndClamp(truncated, 60, 3600);
    }

    private static String disposition(@Nullable JsonNode value) {
        if (value == null) {
            return "attachment";
        }
        if (!value.isString()) {
            throw invalid("disposition must be \"attachment\" or \"inline\".");
        }
        String disposition = value.stringValue().strip().toLowerCase(Locale.ROOT);
        if (disposition.isEmpty()) {
            return "attachment";
        }
        if (!disposition.equals("attachment") && !disposition.equals("inline")) {
            throw invalid("disposition must be \"attachment\" or \"inline\".");
        }
        return disposition;
    }

    private static int index(@Nullable JsonNode value) {
        if (value == null) {
            return 0;
        }
        Double number = numeric(value);
        if (number == null || Double.isNaN(number) || Double.isInfinite(number)) {
            throw invalid("index must be a non-negative integer.");
        }
        if (number < 0) {
            throw invalid("index must be a non-negative integer.");
        }
        return (int) Math.min(number, Integer.MAX_VALUE);
    }

    /** @return the number of a JSON number or numeric string, NaN for other strings, {@code null} otherwise */
    private static @Nullable Double numeric(@Nullable JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isString()) {
            return JsNumbers.number(value.stringValue());
        }
        return null;
    }

    private static InvalidBody invalid(String message) {
        return new InvalidBody("validation_error", "invalid_video_download_request", message);
    }

    /** A body the gateway refuses with 400. */
    static final class InvalidBody extends RuntimeException {

        private final String code;

        private final String reason;

        InvalidBody(String code, String reason, String message) {
            super(message, null, false, false);
            this.code = code;
            this.reason = reason;
        }

        String code() {
            return this.code;
        }

        String reason() {
            return this.reason;
        }
    }
}
