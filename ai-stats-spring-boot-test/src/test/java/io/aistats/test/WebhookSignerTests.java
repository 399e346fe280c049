package io.aistats.test;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link WebhookSigner}, against the worked example of the gateway contract (§10.8).
 */
class WebhookSignerTests {

    private static final String BODY = "{\"id\":\"evt_video_G-01KDVDGQGGQ7M3R8X2VN5T9HBC_video_completed\","
            + "\"type\":\"video.completed\",\"created_at\":1767225600,\"delivery\":{\"key\":\"video.completed\","
            + "\"attempt\":1,\"max_attempts\":4},\"data\":{\"id\":\"G-01KDVDGQGGQ7M3R8X2VN5T9HBC\",\"object\":\"video\","
            + "\"kind\":\"video\",\"status\":\"completed\"}}";

    private static final String SIGNATURE = "db431098bde30b7966ec45be43e3f33b430acc53e9c7d1553655a1bad8fa012f";

    private final WebhookSigner signer = new WebhookSigner("whsec_test_secret");

    @Test
    void signsTheWorkedExample() {
        assertThat(BODY.getBytes(StandardCharsets.UTF_8)).hasSize(276);
        assertThat(this.signer.signature("1767225600", BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo(SIGNATURE);
    }

    @Test
    void reproducesTheVariationsTable() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(new WebhookSigner("test_secret").signature("1767225600", body))
            .isEqualTo("7f9b1298dc038cb07e03384aaebe4279088efc15145baa084f4383affbc21525");
        assertThat(this.signer.signature("1767225600", (BODY + "\n").getBytes(StandardCharsets.UTF_8)))
            .isEqualTo("b8e73bdaed86eb9e942a0d923b93fb126ca35c8a63759e6caacb6b7c663291cf");
        assertThat(this.signer.signature("1767225601", body))
            .isEqualTo("961a6fbebf6ebe283559e747144483028f19a695af52b80166a0bb16b3e23ce9");
    }

    @Test
    void buildsTheNineHeadersOfTheWorkedExample() {
        Map<String, String> headers = this.signer.headers(BODY, 1767225600L);
        assertThat(headers).containsExactly(entry("Content-Type", "application/json"),
                entry("User-Agent", "Phaseo-Async-Webhook/1.0"),
                entry("x-phaseo-event-id", "evt_video_G-01KDVDGQGGQ7M3R8X2VN5T9HBC_video_completed"),
                entry("x-phaseo-event-type", "video.completed"), entry("x-phaseo-delivery-key", "video.completed"),
                entry("x-phaseo-attempt", "1"), entry("x-phaseo-max-attempts", "4"),
                entry("x-phaseo-timestamp", "1767225600"), entry("x-phaseo-signature", SIGNATURE));
        assertThat(this.signer.headers(BODY.getBytes(StandardCharsets.UTF_8), Instant.ofEpochSecond(1767225600, 999)))
            .isEqualTo(headers);
    }

    @Test
    void signsBodiesThatAreNotEvents() {
        Map<String, String> headers = this.signer.headers("{not json", 1767225600L);
        assertThat(headers).containsOnlyKeys("Content-Type", "User-Agent", "x-phaseo-timestamp", "x-phaseo-signature");
        assertThat(headers.get("x-phaseo-signature"))
            .isEqualTo(this.signer.signature("1767225600", "{not json".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void hidesTheSecret() {
        assertThat(this.signer.toString()).doesNotContain("whsec_test_secret").doesNotContain("test_secret");
    }
}
