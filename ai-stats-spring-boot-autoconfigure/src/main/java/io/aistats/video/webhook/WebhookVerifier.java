package io.aistats.video.webhook;

import io.aistats.video.error.InvalidWebhookSignatureException;
import io.aistats.video.error.MalformedWebhookHeadersException;
import io.aistats.video.error.StaleWebhookTimestampException;
import io.aistats.video.error.WebhookVerificationException;
import io.aistats.video.internal.util.Durations;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies the signature of a gateway webhook delivery over its raw body, before anything parses it.
 * <p>
 * The gateway signs {@code timestamp + "." + body} with HMAC-SHA256, keyed with the UTF-8 bytes of the complete
 * {@code whsec_...} secret (not decoded), and sends lower-case hex. This verifier
 * <ul>
 * <li>rejects a missing timestamp or signature header, and a timestamp further than the tolerance (default five
 * minutes, both directions) from its clock, because the gateway itself enforces no window;</li>
 * <li>accepts several secrets at once, so that an endpoint's secret can be rotated without losing deliveries;</li>
 * <li>accepts an optional {@code sha256=} prefix and upper-case hex, like the gateway's own TypeScript verifier;</li>
 * <li>compares in constant time and never puts a secret or a signature into an exception message.</li>
 * </ul>
 * Instances are immutable and thread-safe.
 */
public final class WebhookVerifier {

    /** The tolerance the gateway's official verifiers use: five minutes. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String ALGORITHM = "HmacSHA256";

    private static final String SIGNATURE_PREFIX = "sha256=";

    private static final int SIGNATURE_HEX_LENGTH = 64;

    /** More digits than unix seconds will need for millennia; the bound keeps the arithmetic free of overflow. */
    private static final int MAX_TIMESTAMP_DIGITS = 15;

    private final List<SecretKeySpec> keys;

    private final Duration tolerance;

    private final Clock clock;

    /**
     * Creates a verifier with the default tolerance and the system clock.
     * @param secrets the endpoint's signing secrets ({@code whsec_...}), used as they are; at least one
     */
    public WebhookVerifier(String... secrets) {
        this(List.of(secrets), DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    /**
     * @param secrets the endpoint's signing secrets ({@code whsec_...}); a delivery signed with any of them is
     * accepted; surrounding blanks are removed
     * @param tolerance maximum distance between a delivery's timestamp and the clock, in either direction; positive
     * @param clock the receiver's clock
     * @throws IllegalArgumentException when no secret is given, a secret is blank or the tolerance is not positive
     */
    public WebhookVerifier(Collection<String> secrets, Duration tolerance, Clock clock) {
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(tolerance, "tolerance");
        Objects.requireNonNull(clock, "clock");
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("At least one webhook signing secret is required");
        }
        List<SecretKeySpec> keys = new ArrayList<>(secrets.size());
        for (String secret : secrets) {
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("A webhook signing secret must not be blank");
            }
            keys.add(key(secret.trim()));
        }
        Durations.requirePositive(tolerance, "Webhook timestamp tolerance");
        this.keys = List.copyOf(keys);
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /**
     * Verifies a delivery from its headers (names are case-insensitive).
     * @param headers the request headers; {@code x-phaseo-timestamp} and {@code x-phaseo-signature} are read
     * @param body the raw body bytes exactly as received
     * @return the signing time, in unix seconds
     * @throws MalformedWebhookHeadersException when a header is missing or the timestamp is not a number
     * @throws StaleWebhookTimestampException when the timestamp is outside the tolerance
     * @throws InvalidWebhookSignatureException when the signature does not match under any secret
     */
    public long verify(HttpHeaders headers, byte[] body) {
        return verify(headers.getFirst(WebhookHeaders.TIMESTAMP), headers.getFirst(WebhookHeaders.SIGNATURE), body);
    }

    /**
     * Verifies a delivery.
     * @param timestamp the {@code x-phaseo-timestamp} header value
     * @param signature the {@code x-phaseo-signature} header value
     * @param body the raw body bytes exactly as received
     * @return the signing time, in unix seconds
     * @throws MalformedWebhookHeadersException when a header is missing or the timestamp is not a number
     * @throws StaleWebhookTimestampException when the timestamp is outside the tolerance
     * @throws InvalidWebhookSignatureException when the signature does not match under any secret
     */
    public long verify(@Nullable String timestamp, @Nullable String signature, byte[] body) {
        Objects.requireNonNull(body, "body");
        long seconds = checkHeaders(timestamp, signature);
        String signedTimestamp = Objects.requireNonNull(timestamp).trim();
        byte[] received = decodeSignature(Objects.requireNonNull(signature));
        boolean matched = false;
        for (SecretKeySpec key : this.keys) {
            // no early exit: the time taken does not reveal which secret matched
            matched |= MessageDigest.isEqual(received, hmac(key, signedTimestamp, body));
        }
        if (!matched) {
            throw new InvalidWebhookSignatureException("Webhook signature does not match the body under "
                    + ((this.keys.size() == 1) ? "the configured secret" : "any of the " + this.keys.size()
                    + " configured secrets"));
        }
        return seconds;
    }

    /**
     * Checks what can be checked without the body, so that a web adapter can refuse a delivery before reading it:
     * both headers are present, the timestamp is unix seconds within the tolerance, and the signature has the form
     * of one. {@link #verify(String, String, byte[])} repeats these checks before it computes the HMAC.
     * @param timestamp the {@code x-phaseo-timestamp} header value
     * @param signature the {@code x-phaseo-signature} header value
     * @return the signing time, in unix seconds
     * @throws MalformedWebhookHeadersException when a header is missing or the timestamp is not a number
     * @throws StaleWebhookTimestampException when the timestamp is outside the tolerance
     * @throws InvalidWebhookSignatureException when the signature is not 64 hex characters
     */
    public long checkHeaders(@Nullable String timestamp, @Nullable String signature) {
        if (timestamp == null || timestamp.isBlank()) {
            throw new MalformedWebhookHeadersException(WebhookVerificationException.Reason.MISSING_HEADER,
                    "Webhook delivery has no " + WebhookHeaders.TIMESTAMP + " header");
        }
        if (signature == null || signature.isBlank()) {
            throw new MalformedWebhookHeadersException(WebhookVerificationException.Reason.MISSING_HEADER,
                    "Webhook delivery has no " + WebhookHeaders.SIGNATURE + " header");
        }
        long seconds = parseTimestamp(timestamp.trim());
        checkTolerance(seconds);
        decodeSignature(signature);
        return seconds;
    }

    /**
     * Computes the signature the gateway sends for a body: lower-case hex HMAC-SHA256 of
     * {@code timestamp + "." + body}, keyed with the UTF-8 bytes of the complete secret.
     * @param secret the signing secret ({@code whsec_...}), used as it is
     * @param timestamp the timestamp header value (unix seconds as a decimal string)
     * @param body the raw body bytes
     * @return 64 lower-case hex characters
     */
    public static String sign(String secret, String timestamp, byte[] body) {
        return HexFormat.of().formatHex(hmac(key(secret), timestamp, body));
    }

    /**
     * @return the maximum distance between a delivery's timestamp and the clock
     */
    public Duration tolerance() {
        return this.tolerance;
    }

    private static long parseTimestamp(String timestamp) {
        if (timestamp.length() > MAX_TIMESTAMP_DIGITS || !timestamp.chars().allMatch((c) -> c >= '0' && c <= '9')) {
            throw new MalformedWebhookHeadersException(WebhookVerificationException.Reason.MALFORMED_TIMESTAMP,
                    "Webhook " + WebhookHeaders.TIMESTAMP + " header is not unix seconds");
        }
        return Long.parseLong(timestamp);
    }

    private void checkTolerance(long seconds) {
        long now = this.clock.instant().getEpochSecond();
        long distance = Math.abs(now - seconds);
        if (distance > this.tolerance.toSeconds()) {
            throw new StaleWebhookTimestampException("Webhook timestamp " + seconds + " is " + distance
                    + " s away from the receiver's clock (tolerance " + this.tolerance.toSeconds() + " s)");
        }
    }

    private static byte[] decodeSignature(String signature) {
        String hex = signature.trim();
        if (hex.regionMatches(true, 0, SIGNATURE_PREFIX, 0, SIGNATURE_PREFIX.length())) {
            hex = hex.substring(SIGNATURE_PREFIX.length());
        }
        hex = hex.toLowerCase(Locale.ROOT);
        if (hex.length() != SIGNATURE_HEX_LENGTH || !hex.chars().allMatch(HexFormat::isHexDigit)) {
            throw new InvalidWebhookSignatureException(
                    "Webhook signature is not " + SIGNATURE_HEX_LENGTH + " hex characters");
        }
        return HexFormat.of().parseHex(hex);
    }

    private static SecretKeySpec key(String secret) {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    private static byte[] hmac(SecretKeySpec key, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            return mac.doFinal(body);
        }
        catch (GeneralSecurityException ex) {
            // HmacSHA256 is mandatory in every Java runtime
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }

    @Override
    public String toString() {
        return "WebhookVerifier[secrets=" + this.keys.size() + ", tolerance=" + this.tolerance + "]";
    }
}
