package io.aistats.test;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /v1/videos/{id}/content} (§3.4) and {@code POST /v1/videos/{id}/download_url} (§3.5).
 */
class ContentAndDownloadUrlTests {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static final String SECRET = "test-download-secret";

    private static final String WORKSPACE = "3f0c2a9e-5b1d-4c7e-9a2f-6d8e1b4c7a90";

    private AiStatsGatewaySimulator simulator;

    private GatewayHttp http;

    @BeforeEach
    void start() {
        this.simulator = AiStatsGatewaySimulator.builder().manualClock(T0).downloadSigningSecret(SECRET)
                .workspaceId(WORKSPACE).start();
        this.http = new GatewayHttp(this.simulator);
    }

    @AfterEach
    void stop() {
        this.simulator.close();
    }

    private String completedJob(String body) {
        String id = this.http.create(body);
        this.simulator.jobs().complete(id);
        return id;
    }

    private JsonNode link(String id, String body) {
        GatewayHttp.Response response = this.http.post("/v1/videos/" + id + "/download_url", body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        return response.json();
    }

    private GatewayHttp.Response anonymous(String url) {
        return this.http.call("GET", URI.create(url).getRawPath() + "?" + URI.create(url).getRawQuery()).send();
    }

    @Test
    void bearerDownloadsHaveTheGatewaysHeadersAndNoDisposition() {
        String id = completedJob("{\"prompt\":\"boat\"}");
        GatewayHttp.Response response = this.http.call("GET", "/v1/videos/" + id + "/content")
                .auth(this.simulator.apiKey()).header("Range", "bytes=0-99").send();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bytes()).isEqualTo(AiStatsGatewaySimulator.sampleVideo());
        assertThat(response.header("Content-Type")).isEqualTo("video/mp4");
        assertThat(response.header("Content-Length")).isEqualTo(String.valueOf(response.bytes().length));
        assertThat(response.header("Cache-Control")).isEqualTo("private, no-store");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(response.header("Content-Disposition")).isNull();
        assertThat(response.header("Accept-Ranges")).isNull();
        assertThat(response.header("Content-Range")).isNull();
    }

    @Test
    void theDefaultLinkIsAnAttachmentFor900Seconds() {
        String id = completedJob("{\"prompt\":\"boat\"}");
        JsonNode link = link(id, "");
        long expiresAt = T0.getEpochSecond() + 900;
        assertThat(link.get("expires_at").longValue()).isEqualTo(expiresAt);
        String url = link.get("download_url").stringValue();
        String token = DownloadLinks.token(WORKSPACE, id, 0, "attachment");
        assertThat(url).isEqualTo(this.simulator.origin() + "/v1/videos/" + id + "/content?download_token=" + token
                + "&download_sig=" + hmac(token + "." + expiresAt) + "&expires_at=" + expiresAt);
        assertThat(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)).isEqualTo(
                "{\"workspace_id\":\"" + WORKSPACE + "\",\"video_id\":\"" + id
                        + "\",\"index\":0,\"disposition\":\"attachment\"}");
        GatewayHttp.Response download = anonymous(url);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).isEqualTo("attachment; filename=\"" + id + ".mp4\"");
        assertThat(download.bytes()).isEqualTo(AiStatsGatewaySimulator.sampleVideo());
    }

    @Test
    void linksAreValidUntilExpiryInclusiveThenFallBackToBearer() {
        String id = completedJob("{\"prompt\":\"boat\"}");
        String url = link(id, "{\"ttl_seconds\":60,\"disposition\":\"INLINE\"}").get("download_url").stringValue();
        this.simulator.clock().advance(Duration.ofSeconds(60));
        GatewayHttp.Response atExpiry = anonymous(url);
        assertThat(atExpiry.status()).isEqualTo(200);
        assertThat(atExpiry.header("Content-Disposition")).isEqualTo("inline; filename=\"" + id + ".mp4\"");
        this.simulator.clock().advance(Duration.ofSeconds(1));
        GatewayHttp.Response expired = anonymous(url);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("reason").stringValue()).isEqualTo("missing_or_invalid_authorization_header");
        URI uri = URI.create(url);
        GatewayHttp.Response withBearer = this.http.call("GET", uri.getRawPath() + "?" + uri.getRawQuery())
                .auth(this.simulator.apiKey()).send();
        assertThat(withBearer.status()).isEqualTo(200);
        assertThat(withBearer.header("Content-Disposition")).isNull();
    }

    @Test
    void tamperedSignaturesFallBackToBearer() {
        String id = completedJob("{\"prompt\":\"boat\"}");
        String url = link(id, "").get("download_url").stringValue();
        String tampered = url.replaceFirst("download_sig=.", "download_sig=" + (url.contains("download_sig=0")
                ? "1" : "0"));
        assertThat(anonymous(tampered).status()).isEqualTo(401);
        String otherSecret = url.replaceFirst("download_sig=[0-9a-f]+", "download_sig=" + HexFormat.of()
                .formatHex(new byte[32]));
        assertThat(anonymous(otherSecret).status()).isEqualTo(401);
    }

    @Test
    void aValidLinkForAnotherVideoIsAMismatch() {
        String first = completedJob("{\"prompt\":\"one\"}");
        String second = completedJob("{\"prompt\":\"two\"}");
        URI url = URI.create(link(first, "").get("download_url").stringValue());
        GatewayHttp.Response response = this.http.call("GET", "/v1/videos/" + second + "/content?"
                + url.getRawQuery()).send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"validation_error\",\"reason\":"
                + "\"signed_download_video_mismatch\",\"message\":\"The signed download link belongs to another video.\","
                + "\"request_id\":null,\"workspace_id\":\"" + WORKSPACE + "\",\"video_id\":\"" + second
                + "\",\"status_code\":400,\"error_type\":\"user\",\"error_origin\":\"user\"}");
    }

    @Test
    void linksForOtherOutputsCarryTheIndex() {
        String id = completedJob("{\"model\":\"google/veo-3.1\",\"prompt\":\"two\",\"sample_count\":2}");
        String url = link(id, "{\"index\":\"1\"}").get("download_url").stringValue();
        assertThat(url).contains("/content?index=1&download_token=");
        assertThat(anonymous(url).status()).isEqualTo(200);
        GatewayHttp.Response missing = this.http.get("/v1/videos/" + id + "/content?index=5");
        assertThat(missing.status()).isEqualTo(502);
        assertThat(missing.json().get("reason").stringValue()).isEqualTo("missing_video_uri");
        assertThat(this.http.get("/v1/videos/" + id + "/content?index=abc").status()).isEqualTo(200);
        assertThat(this.http.get("/v1/videos/" + id + "/content?index=-3").status()).isEqualTo(200);
    }

    @Test
    void downloadUrlBodyRules() {
        String id = completedJob("{\"prompt\":\"boat\"}");
        long now = T0.getEpochSecond();
        assertThat(link(id, "  ").get("expires_at").longValue()).isEqualTo(now + 900);
        assertThat(link(id, "null").get("expires_at").longValue()).isEqualTo(now + 900);
        assertThat(link(id, "{\"ttl_seconds\":5}").get("expires_at").longValue()).isEqualTo(now + 60);
        assertThat(link(id, "{\"ttlSeconds\":99999}").get("expires_at").longValue()).isEqualTo(now + 3600);
        assertThat(link(id, "{\"ttl_seconds\":\"120.9\"}").get("expires_at").longValue()).isEqualTo(now + 120);
        assertThat(link(id, "{\"ttl_seconds\":\"soon\"}").get("expires_at").longValue()).isEqualTo(now + 900);
        assertThat(link(id, "{\"disposition\":\"\",\"other\":1}").get("download_url").stringValue())
                .contains(DownloadLinks.token(WORKSPACE, id, 0, "attachment"));
        assertThat(link(id, "{\"contentDisposition\":\"inline\"}").get("download_url").stringValue())
                .contains(DownloadLinks.token(WORKSPACE, id, 0, "inline"));
        for (String body : new String[] {"{\"ttl_seconds\":0}", "{\"ttl_seconds\":0.5}", "{\"ttl_seconds\":-10}",
                "{\"disposition\":\"download\"}", "{\"index\":-1}", "[1]", "\"text\"", "42"}) {
            GatewayHttp.Response response = this.http.post("/v1/videos/" + id + "/download_url", body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.json().get("error").stringValue()).isEqualTo("validation_error");
            assertThat(response.json().get("reason").stringValue()).isEqualTo("invalid_video_download_request");
        }
        GatewayHttp.Response invalid = this.http.post("/v1/videos/" + id + "/download_url", "{");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("error").stringValue()).isEqualTo("invalid_json");
        assertThat(invalid.json().get("reason").stringValue()).isEqualTo("invalid_video_download_request_body");
    }

    @Test
    void downloadUrlCheckOrderAndStatus() {
        GatewayHttp.Response unauthenticated = this.http.call("POST", "/v1/videos/G-X/download_url").json("{").send();
        assertThat(unauthenticated.status()).isEqualTo(401);
        GatewayHttp.Response badBodyFirst = this.http.post("/v1/videos/G-UNKNOWN/download_url", "{\"index\":-1}");
        assertThat(badBodyFirst.status()).isEqualTo(400);
        GatewayHttp.Response unknown = this.http.post("/v1/videos/G-UNKNOWN/download_url", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("reason").stringValue()).isEqualTo("video_not_found_or_not_owned");
        String running = this.http.create("{\"prompt\":\"boat\"}");
        this.simulator.jobs().progress(running, 10);
        GatewayHttp.Response notCompleted = this.http.post("/v1/videos/" + running + "/download_url", "");
        assertThat(notCompleted.status()).isEqualTo(400);
        assertThat(notCompleted.json().get("reason").stringValue())
                .isEqualTo("video_download_requires_completed_status");
        assertThat(notCompleted.json().get("status").stringValue()).isEqualTo("processing");
        String deleted = completedJob("{\"prompt\":\"deleted\"}");
        this.http.delete("/v1/videos/" + deleted);
        String url = link(deleted, "").get("download_url").stringValue();
        GatewayHttp.Response gone = anonymous(url);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("reason").stringValue()).isEqualTo("video_deleted");
        assertThat(gone.json().get("request_id").isNull()).isTrue();
    }

    @Test
    void contentOfUnfinishedOrUnsuccessfulJobs() {
        String queued = this.http.create("{\"prompt\":\"boat\"}");
        assertContentError(queued, 409, "not_ready", "video_not_ready");
        String cancelled = this.http.create("{\"prompt\":\"boat\"}");
        this.simulator.jobs().cancelByProvider(cancelled);
        assertContentError(cancelled, 409, "not_ready", "video_cancelled");
        String expired = this.http.create("{\"prompt\":\"boat\"}");
        this.simulator.jobs().expire(expired);
        assertContentError(expired, 409, "not_ready", "video_expired");
        String openAiFailed = this.http.create("{\"prompt\":\"boat\"}");
        this.simulator.jobs().fail(openAiFailed, "moderation");
        JsonNode openAi = assertContentError(openAiFailed, 502, "upstream_error", "video_generation_failed");
        assertThat(openAi.get("upstream_error").get("message").stringValue()).isEqualTo("moderation");
        assertThat(openAi.get("error_type").stringValue()).isEqualTo("system");
        assertThat(openAi.get("provider_failure_diagnostics").get("provider").stringValue()).isEqualTo("openai");
        String googleFailed = this.http.create("{\"model\":\"google/veo-3.1\",\"prompt\":\"boat\"}");
        this.simulator.jobs().fail(googleFailed, "quota");
        assertContentError(googleFailed, 502, "upstream_error", "video_generation_failed");
        String otherFailed = this.http.create("{\"model\":\"bytedance/seedance-1.0-pro\",\"prompt\":\"boat\"}");
        this.simulator.jobs().fail(otherFailed, "quota");
        assertContentError(otherFailed, 409, "not_ready", "video_generation_failed");
        assertContentError("G-UNKNOWN", 404, "not_found", "video_not_found_or_not_owned");
    }

    private JsonNode assertContentError(String id, int status, String error, String reason) {
        GatewayHttp.Response response = this.http.get("/v1/videos/" + id + "/content");
        assertThat(response.status()).as(id).isEqualTo(status);
        JsonNode body = response.json();
        assertThat(body.get("error").stringValue()).isEqualTo(error);
        assertThat(body.get("reason").stringValue()).isEqualTo(reason);
        assertThat(body.get("video_id").stringValue()).isEqualTo(id);
        assertThat(body.get("request_id").stringValue()).startsWith("G-");
        return body;
    }

    @Test
    void largeContentIsStreamedWithAnExactLengthAndAValidMp4Prefix() throws IOException {
        String id = completedJob("{\"prompt\":\"large\"}");
        long size = 300L * 1024 * 1024;
        this.simulator.contentSize(size);
        HttpResponse<InputStream> response = this.http.call("GET", "/v1/videos/" + id + "/content")
                .auth(this.simulator.apiKey()).sendRaw(HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(size);
        byte[] sample = AiStatsGatewaySimulator.sampleVideo();
        long total = 0;
        try (InputStream body = response.body()) {
            byte[] prefix = body.readNBytes(sample.length + 8);
            assertThat(prefix).startsWith(sample);
            long box = size - sample.length;
            assertThat(prefix).endsWith((byte) (box >>> 24), (byte) (box >>> 16), (byte) (box >>> 8), (byte) box,
                    (byte) 'f', (byte) 'r', (byte) 'e', (byte) 'e');
            total += prefix.length;
            byte[] buffer = new byte[256 * 1024];
            for (int read; (read = body.read(buffer)) != -1;) {
                total += read;
            }
        }
        catch (UncheckedIOException ex) {
            throw ex.getCause();
        }
        assertThat(total).isEqualTo(size);
    }

    @Test
    void smallContentSizesServeAPrefixAndInvalidSizesAreRefused() {
        String id = completedJob("{\"prompt\":\"small\"}");
        this.simulator.contentSize(100);
        assertThat(this.http.get("/v1/videos/" + id + "/content").bytes()).hasSize(100);
        this.simulator.contentSize(0);
        assertThat(this.http.get("/v1/videos/" + id + "/content").bytes()).isEmpty();
        long sample = AiStatsGatewaySimulator.sampleVideo().length;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.simulator.contentSize(sample + 3))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.simulator.contentSize(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theGatewaysProxyLimitCanBeEnforced() {
        try (AiStatsGatewaySimulator limited = AiStatsGatewaySimulator.builder().manualClock()
                .enforceContentLimit(true).start()) {
            GatewayHttp limitedHttp = new GatewayHttp(limited);
            String id = limitedHttp.create("{\"prompt\":\"big\"}");
            limited.jobs().complete(id);
            limited.contentSize(513L * 1024 * 1024);
            GatewayHttp.Response response = limitedHttp.get("/v1/videos/" + id + "/content");
            assertThat(response.status()).isEqualTo(502);
            assertThat(response.json().get("reason").stringValue()).isEqualTo("video_content_too_large");
        }
    }

    private static String hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        }
        catch (java.security.GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
