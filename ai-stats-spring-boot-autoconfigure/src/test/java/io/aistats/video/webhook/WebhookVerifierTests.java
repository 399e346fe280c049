package io.aistats.video.webhook;

import io.aistats.video.error.InvalidWebhookSignatureException;
import io.aistats.video.error.MalformedWebhookHeadersException;
import io.aistats.video.error.StaleWebhookTimestampException;
import io.aistats.video.error.WebhookVerificationException;
import io.aistats.video.event.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link WebhookVerifier}, anchored on the worked example of the gateway contract (§10.8).
 */
class WebhookVerifierTests {

    static final String SECRET = "whsec_test_secret";

    static final String TIMESTAMP = "1767225600";

    static final String BODY = "{\"id\":\"evt_video_G-01KDVDGQGGQ7M3R8X2VN5T9HBC_video_completed\",\"type\":\"video.completed\","
            + "\"created_at\":1767225600,\"delivery\":{\"key\":\"video.completed\",\"attempt\":1,\"max_attempts\":4},"
            + "\"data\":{\"id\":\"G-01KDVDGQGGQ7M3R8X2VN5T9HBC\",\"object\":\"video\",\"kind\":\"video\","
            + "\"status\":\"completed\"}}";

    static final String SIGNATURE = "db431098bde30b7966ec45be43e3f33b430acc53e9c7d1553655a1bad8fa012f";

    private static final byte[] BODY_BYTES = BODY.getBytes(StandardCharsets.UTF_8);

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1767225600));

    private final WebhookVerifier verifier = new WebhookVerifier(List.of(SECRET), Duration.ofMinutes(5), this.clock);

    @Test
    void workedExampleBodyIsExactlyAsSpecified() {
        assertThat(BODY_BYTES).hasSize(276);
    }

    @Test
    void signsTheWorkedExample() {
        assertThat(WebhookVerifier.sign(SECRET, TIMESTAMP, BODY_BYTES)).isEqualTo(SIGNATURE);
    }

    @Test
    void signaturesOfTheVariationsTableDiffer() {
        assertThat(WebhookVerifier.sign("test_secret", TIMESTAMP, BODY_BYTES))
            .isEqualTo("7f9b1298dc038cb07e03384aaebe4279088efc15145baa084f4383affbc21525");
        assertThat(WebhookVerifier.sign(SECRET, TIMESTAMP, (BODY + "\n").getBytes(StandardCharsets.UTF_8)))
            .isEqualTo("b8e73bdaed86eb9e942a0d923b93fb126ca35c8a63759e6caacb6b7c663291cf");
        assertThat(WebhookVerifier.sign(SECRET, "1767225601", BODY_BYTES))
            .isEqualTo("961a6fbebf6ebe283559e747144483028f19a695af52b80166a0bb16b3e23ce9");
    }

    @Test
    void acceptsTheWorkedExample() {
        assertThat(this.verifier.verify(TIMESTAMP, SIGNATURE, BODY_BYTES)).isEqualTo(1767225600L);
    }

    @Test
    void acceptsTheWorkedExampleFromHeadersOfAnyCase() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("X-Phaseo-Timestamp", TIMESTAMP);
        headers.add("X-PHASEO-SIGNATURE", SIGNATURE);
        assertThat(this.verifier.verify(headers, BODY_BYTES)).isEqualTo(1767225600L);
    }

    @Test
    void rejectsTheKeyWithoutItsPrefix() {
        WebhookVerifier withoutPrefix = new WebhookVerifier(List.of("test_secret"), Duration.ofMinutes(5), this.clock);
        assertThatExceptionOfType(InvalidWebhookSignatureException.class)
            .isThrownBy(() -> withoutPrefix.verify(TIMESTAMP, SIGNATURE, BODY_BYTES))
            .satisfies((ex) -> assertThat(ex.reason()).isEqualTo(WebhookVerificationException.Reason.SIGNATURE_MISMATCH));
    }

    @Test
    void rejectsTheBodyWithATrailingNewline() {
        assertThatExceptionOfType(InvalidWebhookSignatureException.class).isThrownBy(
                () -> this.verifier.verify(TIMESTAMP, SIGNATURE, (BODY + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rejectsAnotherTimestamp() {
        assertThatExceptionOfType(InvalidWebhookSignatureException.class)
            .isThrownBy(() -> this.verifier.verify("1767225601", SIGNATURE, BODY_BYTES));
    }

    @Test
    void rejectsATamperedBody() {
        byte[] tampered = BODY.replace("completed\"}}", "failed\"}}").getBytes(StandardCharsets.UTF_8);
        assertThatExceptionOfType(InvalidWebhookSignatureException.class)
            .isThrownBy(() -> this.verifier.verify(TIMESTAMP, SIGNATURE, tampered));
    }

    @Test
    void acceptsUpperCaseHexAndTheSha256Prefix() {
        this.verifier.verify(TIMESTAMP, SIGNATURE.toUpperCase(Locale.ROOT), BODY_BYTES);
        this.verifier.verify(TIMESTAMP, "sha256=" + SIGNATURE, BODY_BYTES);
        this.verifier.verify(TIMESTAMP, "SHA256=" + SIGNATURE.toUpperCase(Locale.ROOT), BODY_BYTES);
        this.verifier.verify(" " + TIMESTAMP + " ", " " + SIGNATURE + " ", BODY_BYTES);
    }

    @Test
    void rejectsOtherPrefixesAndMalformedSignatures() {
        for (String signature : List.of("v1=" + SIGNATURE, SIGNATURE.substring(1), SIGNATURE + "00",
                SIGNATURE.substring(0, 63) + "g", SIGNATURE + "," + SIGNATURE)) {
            assertThatExceptionOfType(InvalidWebhookSignatureException.class).as(signature)
                .isThrownBy(() -> this.verifier.verify(TIMESTAMP, signature, BODY_BYTES));
        }
    }

    @Test
    void acceptsTimestampsAtTheEdgeOfTheToleranceInBothDirections() {
        this.clock.set(Instant.ofEpochSecond(1767225600 + 300));
        this.verifier.verify(TIMESTAMP, SIGNATURE, BODY_BYTES);
        this.clock.set(Instant.ofEpochSecond(1767225600 - 300));
        this.verifier.verify(TIMESTAMP, SIGNATURE, BODY_BYTES);
    }

    @Test
    void rejectsTimestampsBeyondTheToleranceInBothDirections() {
        this.clock.set(Instant.ofEpochSecond(1767225600 + 301));
        assertThatExceptionOfType(StaleWebhookTimestampException.class)
            .isThrownBy(() -> this.verifier.verify(TIMESTAMP, SIGNATURE, BODY_BYTES))
            .withMessageContaining("301 s")
            .satisfies((ex) -> assertThat(ex.reason()).isEqualTo(WebhookVerificationException.Reason.STALE_TIMESTAMP));
        this.clock.set(Instant.ofEpochSecond(1767225600 - 301));
        assertThatExceptionOfType(StaleWebhookTimestampException.class)
            .isThrownBy(() -> this.verifier.verify(TIMESTAMP, SIGNATURE, BODY_BYTES));
    }

    @Test
    void checksTheToleranceBeforeTheSignature() {
        this.clock.advance(Duration.ofHours(1));
        assertThatExceptionOfType(StaleWebhookTimestampException.class)
            .isThrownBy(() -> this.verifier.verify(TIMESTAMP, "0".repeat(64), BODY_BYTES));
    }

    @Test
    void usesTheConfiguredTolerance() {
        WebhookVerifier strict = new WebhookVerifier(List.of(SECRET), Duration.ofSeconds(10), this.clock);
        this.clock.advance(Duration.ofSeconds(11));
        assertThatExceptionOfType(StaleWebhookTimestampException.class)
            .isThrownBy(() -> strict.verify(TIMESTAMP, SIGNATURE, BODY_BYTES));
        assertThat(strict.tolerance()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void rejectsMissingHeaders() {
        assertThatExceptionOfType(MalformedWebhookHeadersException.class)
            .isThrownBy(() -> this.verifier.verify(null, SIGNATURE, BODY_BYTES))
            .withMessageContaining("x-phaseo-timestamp")
            .satisfies((ex) -> assertThat(ex.reason()).isEqualTo(WebhookVerificationException.Reason.MISSING_HEADER));
        assertThatExceptionOfType(MalformedWebhookHeadersException.class)
            .isThrownBy(() -> this.verifier.verify(TIMESTAMP, " ", BODY_BYTES))
            .withMessageContaining("x-phaseo-signature");
        assertThatExceptionOfType(MalformedWebhookHeadersException.class)
            .isThrownBy(() -> this.verifier.verify(new HttpHeaders(), BODY_BYTES));
    }

    @Test
    void rejectsTimestampsThatAreNotUnixSeconds() {
        for (String timestamp : List.of("2026-01-01T00:00:00Z", "1767225600.5", "-1767225600", "0x69558a00",
                "1".repeat(16))) {
            assertThatExceptionOfType(MalformedWebhookHeadersException.class).as(timestamp)
                .isThrownBy(() -> this.verifier.verify(timestamp, SIGNATURE, BODY_BYTES))
                .satisfies((ex) -> assertThat(ex.reason())
                    .isEqualTo(WebhookVerificationException.Reason.MALFORMED_TIMESTAMP));
        }
    }

    @Test
    void acceptsAnyOfSeveralSecrets() {
        String newSecret = "whsec_q9ZtV2mH8cXr4LkP0aN6yBwE1uJ7sDfG3hTiQoRvW5e";
        WebhookVerifier rotating = new WebhookVerifier(List.of(newSecret, SECRET), Duration.ofMinutes(5), this.clock);
        rotating.verify(TIMESTAMP, SIGNATURE, BODY_BYTES);
        rotating.verify(TIMESTAMP, WebhookVerifier.sign(newSecret, TIMESTAMP, BODY_BYTES), BODY_BYTES);
        assertThatExceptionOfType(InvalidWebhookSignatureException.class)
            .isThrownBy(() -> rotating.verify(TIMESTAMP, WebhookVerifier.sign("whsec_other", TIMESTAMP, BODY_BYTES),
                    BODY_BYTES))
            .withMessageContaining("any of the 2 configured secrets");
    }

    @Test
    void neverRevealsSecretsOrSignatures() {
        String wrong = WebhookVerifier.sign("whsec_other", TIMESTAMP, BODY_BYTES);
        assertThatExceptionOfType(WebhookVerificationException.class)
            .isThrownBy(() -> this.verifier.verify(TIMESTAMP, wrong, BODY_BYTES))
            .satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(SECRET, "test_secret", SIGNATURE, wrong,
                    SIGNATURE.substring(0, 8), wrong.substring(0, 8)));
        assertThat(this.verifier.toString()).doesNotContain(SECRET).contains("secrets=1");
    }

    @Test
    void refusesMisconfiguration() {
        Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookVerifier(List.of(), Duration.ofMinutes(5), clock))
            .withMessageContaining("At least one");
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookVerifier(List.of(" "), Duration.ofMinutes(5), clock))
            .withMessageContaining("blank");
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookVerifier(List.of(SECRET), Duration.ZERO, clock))
            .withMessageContaining("tolerance");
    }
}
