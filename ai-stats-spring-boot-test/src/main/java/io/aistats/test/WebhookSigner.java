package io.aistats.test;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook deliveries exactly like the gateway, for tests of webhook receivers: lower-case hex HMAC-SHA256 of
 * {@code timestamp + "." + body}, keyed with the UTF-8 bytes of the complete {@code whsec_...} secret.
 * <pre>{@code
 * WebhookSigner signer = new WebhookSigner("whsec_test_secret");
 * Map<String, String> headers = signer.headers(body, Instant.now());
 * }</pre>
 * Immutable and thread-safe.
 */
public final class WebhookSigner {

    /** The gateway's {@code User-Agent} for deliveries. */
    public static final String USER_AGENT = "Phaseo-Async-Webhook/1.0";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /**
     * @param secret the endpoint's signing secret, for example {@code whsec_test_secret}; used as it is, prefix
     * included
     */
    public WebhookSigner(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("Webhook signing secret must not be empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /**
     * Computes the {@code x-phaseo-signature} value.
     * @param timestamp the {@code x-phaseo-timestamp} value (unix seconds as a decimal string)
     * @param body the exact body bytes
     * @return 64 lower-case hex characters
     */
    public String signature(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(this.key);
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            return HexFormat.of().formatHex(mac.doFinal(body));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }

    /**
     * Builds the nine headers the gateway sends with a delivery: {@code Content-Type}, {@code User-Agent}, and the
     * seven {@code x-phaseo-*} headers. Event id, type, delivery key, attempt and maximum attempts are read from the
     * body as the gateway fills them; a header whose member the body lacks (or a body that is not JSON) is left out,
     * while timestamp and signature are always present.
     * @param body the exact body bytes
     * @param timestampSeconds the signing time in unix seconds
     * @return the headers in the gateway's order, unmodifiable
     */
    public Map<String, String> headers(byte[] body, long timestampSeconds) {
        String timestamp = Long.toString(timestampSeconds);
        JsonNode root = readQuietly(body);
        JsonNode delivery = (root != null) ? root.path("delivery") : null;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", USER_AGENT);
        putIfPresent(headers, "x-phaseo-event-id", member(root, "id"));
        putIfPresent(headers, "x-phaseo-event-type", member(root, "type"));
        putIfPresent(headers, "x-phaseo-delivery-key", member(delivery, "key"));
        putIfPresent(headers, "x-phaseo-attempt", member(delivery, "attempt"));
        putIfPresent(headers, "x-phaseo-max-attempts", member(delivery, "max_attempts"));
        headers.put("x-phaseo-timestamp", timestamp);
        headers.put("x-phaseo-signature", signature(timestamp, body));
        return Collections.unmodifiableMap(headers);
    }

    /**
     * Like {@link #headers(byte[], long)}, signed at the given time.
     * @param body the exact body bytes
     * @param signedAt the signing time (fractions of a second are dropped)
     * @return the headers in the gateway's order, unmodifiable
     */
    public Map<String, String> headers(byte[] body, Instant signedAt) {
        return headers(body, signedAt.getEpochSecond());
    }

    /**
     * Like {@link #headers(byte[], long)} for a body given as text (sent as UTF-8).
     * @param body the body
     * @param timestampSeconds the signing time in unix seconds
     * @return the headers in the gateway's order, unmodifiable
     */
    public Map<String, String> headers(String body, long timestampSeconds) {
        return headers(body.getBytes(StandardCharsets.UTF_8), timestampSeconds);
    }

    private static @Nullable JsonNode readQuietly(byte[] body) {
        try {
            JsonNode root = MAPPER.readTree(body);
            return (root != null && root.isObject()) ? root : null;
        }
        catch (JacksonException ex) {
            // a deliberately malformed body still gets its timestamp and signature
            return null;
        }
    }

    private static @Nullable String member(@Nullable JsonNode node, String name) {
        JsonNode value = (node != null) ? node.get(name) : null;
        return (value != null && value.isValueNode() && !value.isNull()) ? value.asString() : null;
    }

    private static void putIfPresent(Map<String, String> headers, String name, @Nullable String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }

    @Override
    public String toString() {
        return "WebhookSigner[secret=******]";
    }
}
