package io.aistats.test;

import io.netty.handler.codec.http.HttpHeaders;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's WebSocket lifecycle stream (§7) over real sockets: the pre-upgrade answers, the frames, the client
 * frames and the close rules. The clock is manual, so every frame follows from a step of the test.
 */
class JobStreamRoutesTests {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static final String OTHER_KEY = "phaseo_v1_sk_otherkid01_abcdefghijklmnopqrstuvwxyz012345";

    private AiStatsGatewaySimulator simulator;

    private GatewayHttp http;

    @BeforeEach
    void start() {
        this.simulator = AiStatsGatewaySimulator.builder().manualClock(T0)
                .otherWorkspaceKey("8d1e2f3a-4b5c-4d6e-8f70-1a2b3c4d5e6f", OTHER_KEY)
                .start();
        this.http = new GatewayHttp(this.simulator);
    }

    @AfterEach
    void stop() {
        this.simulator.close();
    }

    @Test
    void aRequestWithoutUpgradeIsAnswered426ShapeCBeforeAuthentication() {
        GatewayHttp.Response response = this.http.call("GET", "/v1/async/video/G-01KDVDGQGGQ7M3R8X2VN5T9HBC/ws").send();

        assertThat(response.status()).isEqualTo(426);
        assertThat(response.header("Upgrade")).isEqualTo("websocket");
        assertThat(response.body()).isEqualTo("{\"error\":{\"code\":\"websocket_upgrade_required\","
                + "\"message\":\"Use WebSocket upgrade for async job updates.\"}}");
    }

    @Test
    void anUpgradeWithBadCredentialsIsAnswered401ShapeA() {
        Answer missing = upgradeAttempt("/v1/async/video/G-x/ws", null);
        Answer unknown = upgradeAttempt("/v1/async/video/G-x/ws",
                "Bearer phaseo_v1_sk_unknownkid_abcdefghijklmnopqrstuvwxyz012345");
        Answer management = upgradeAttempt("/v1/async/video/G-x/ws", "Bearer " + this.simulator.managementKey());

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().get("error").stringValue()).isEqualTo("unauthorised");
        assertThat(missing.json().get("reason").stringValue()).isEqualTo("missing_or_invalid_authorization_header");
        assertThat(missing.json().get("status_code").intValue()).isEqualTo(401);
        assertThat(unknown.json().get("reason").stringValue()).isEqualTo("key_not_found_or_revoked");
        assertThat(management.json().get("reason").stringValue()).isEqualTo("management_key_not_valid_for_gateway");
    }

    @Test
    void anUnknownKindIsAnswered400AfterAuthentication() {
        Answer answer = upgradeAttempt("/v1/async/image/G-x/ws", "Bearer " + this.simulator.apiKey());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").stringValue()).isEqualTo("validation_error");
        assertThat(answer.json().get("reason").stringValue()).isEqualTo("invalid_async_job_path");
    }

    @Test
    void anEmptyJobIdIsAnswered400AfterAuthentication() {
        Answer anonymous = upgradeAttempt("/v1/async/video//ws", null);
        Answer answer = upgradeAttempt("/v1/async/video//ws", "Bearer " + this.simulator.apiKey());

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").stringValue()).isEqualTo("validation_error");
        assertThat(answer.json().get("reason").stringValue()).isEqualTo("invalid_async_job_path");
    }

    @Test
    void anUnknownJobABatchJobOrAnotherWorkspacesJobIsAnswered404() {
        String id = this.http.create("{\"prompt\":\"boat\"}");

        Answer unknown = upgradeAttempt("/v1/async/video/G-01KDVDGQGGQ7M3R8X2VN5T9HBC/ws",
                "Bearer " + this.simulator.apiKey());
        Answer batch = upgradeAttempt("/v1/async/batch/" + id + "/ws", "Bearer " + this.simulator.apiKey());
        Answer foreign = upgradeAttempt("/v1/async/video/" + id + "/ws", "Bearer " + OTHER_KEY);

        for (Answer answer : new Answer[] { unknown, batch, foreign }) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.json().get("error").stringValue()).isEqualTo("not_found");
            assertThat(answer.json().get("reason").stringValue()).isEqualTo("async_job_not_found_or_not_owned");
        }
    }

    @Test
    void theUpgradeCarriesNoCorsHeaders() {
        String id = this.http.create("{\"prompt\":\"boat\"}");

        HttpHeaders headers = HttpClient.create()
                .headers(h -> h.set("Authorization", "Bearer " + this.simulator.apiKey()))
                .websocket()
                .uri(wsUrl(id, ""))
                .handle((in, out) -> Mono.just(in.headers()))
                .blockFirst(StreamProbe.WAIT);

        assertThat(headers).isNotNull();
        assertThat(headers.contains("Access-Control-Allow-Origin")).isFalse();
    }

    @Test
    void aJobIsReportedFromSnapshotToCompletionAndTheServerClosesWith1000() {
        String id = this.http.create("{\"prompt\":\"boat\"}");
        try (StreamProbe probe = StreamProbe.open(this.simulator, id, "")) {
            JsonNode snapshot = probe.nextFrame();
            assertThat(snapshot.get("type").stringValue()).isEqualTo("job.snapshot");
            assertThat(snapshot.get("data").get("id").stringValue()).isEqualTo(id);
            assertThat(snapshot.get("data").get("status").stringValue()).isEqualTo("queued");
            assertThat(snapshot.get("data").get("lifecycle_status").stringValue()).isEqualTo("pending");
            assertThat(snapshot.get("data").get("websocket_url").stringValue())
                    .isEqualTo("ws://127.0.0.1:" + this.simulator.port() + "/v1/async/video/" + id + "/ws");

            this.simulator.clock().advance(Duration.ofSeconds(1));
            JsonNode processing = probe.nextFrame();
            assertThat(processing.get("type").stringValue()).isEqualTo("job.updated");
            assertThat(processing.get("data").get("status").stringValue()).isEqualTo("processing");
            assertThat(processing.get("data").get("progress").intValue()).isZero();

            this.simulator.clock().advance(Duration.ofSeconds(3));
            JsonNode completed = probe.nextFrame();
            assertThat(completed.get("type").stringValue()).isEqualTo("job.updated");
            assertThat(completed.get("data").get("status").stringValue()).isEqualTo("completed");
            assertThat(completed.get("data").get("progress").intValue()).isEqualTo(100);
            assertThat(completed.get("data").get("download_url").stringValue()).contains("download_token=");
            assertThat(probe.next()).isEqualTo("close 1000 closed");
        }
        assertThat(this.simulator.streams().awaitOpen(0, StreamProbe.WAIT)).isTrue();
    }

    @Test
    void aFailedJobEndsTheStreamAfterItsFrame() {
        String id = this.http.create("{\"prompt\":\"boat\"}");
        try (StreamProbe probe = StreamProbe.open(this.simulator, id, "")) {
            assertThat(probe.nextFrame().get("data").get("status").stringValue()).isEqualTo("queued");

            this.simulator.jobs().fail(id, "The provider failed");

            assertThat(probe.nextFrame().get("data").get("status").stringValue()).isEqualTo("failed");
            assertThat(probe.next()).isEqualTo("close 1000 closed");
        }
    }

    @Test
    void aJobThatEndedBeforeTheConnectionYieldsOneSnapshotAndTheClose() {
        String id = this.http.create("{\"prompt\":\"boat\"}");
        this.simulator.jobs().cancelByProvider(id);
        try (StreamProbe probe = StreamProbe.open(this.simulator, id, "")) {
            JsonNode snapshot = probe.nextFrame();

            assertThat(snapshot.get("type").stringValue()).isEqualTo("job.snapshot");
            assertThat(snapshot.get("data").get("status").stringValue()).isEqualTo("cancelled");
            assertThat(probe.next()).isEqualTo("close 1000 closed");
        }
    }

    @Test
    void anExpiredJobDoesNotCloseTheStream() {
        String id = this.http.create("{\"prompt\":\"boat\"}");
        try (StreamProbe probe = StreamProbe.open(this.simulator, id, "")) {
            probe.nextFrame();

            this.simulator.jobs().expire(id);

            assertThat(probe.nextFrame().get("data").get("status").stringValue()).isEqualTo("expired");
            // still open: a ping is answered
            probe.send("ping");
            assertThat(probe.next()).isEqualTo("{\"type\":\"pong\"}");
        }
    }

    @Test
    void withCloseOnTerminalFalseACompletedJobStaysOpenAndReportsItsRenewedLinkOnEveryTick() {
        String id = this.http.create("{\"prompt\":\"boat\"}");
        this.simulator.jobs().complete(id);
        try (StreamProbe probe = StreamProbe.open(this.simulator, id, "interval_ms=1000&close_on_terminal=off")) {
            JsonNode snapshot = probe.nextFrame();
            assertThat(snapshot.get("data").get("status").stringValue()).isEqualTo("completed");

            this.simulator.clock().advance(Duration.ofMillis(500));
            probe.send("ping");
            assertThat(probe.next()).as("no tick yet").isEqualTo("{\"type\":\"pong\"}");

            this.simulator.clock().advance(Duration.ofMillis(600));
            JsonNode renewed = probe.nextFrame();
            assertThat(renewed.get("type").stringValue()).isEqualTo("job.updated");
            assertThat(renewed.get("data").get("expires_at").longValue())
                    .isEqualTo(snapshot.get("data").get("expires_at").longValue() + 1);
        }
    }

    @Test
    void refreshSendsAnUpdateOnlyWhenSomethingChanged() {
        String id = this.http.create("{\"prompt\":\"boat\"}");
        try (StreamProbe probe = StreamProbe.open(this.simulator, id, "")) {
            probe.nextFrame();

            probe.send("refresh").send("ping");
            assertThat(probe.next()).as("nothing changed").isEqualTo("{\"type\":\"pong\"}");

            this.simulator.jobs().progress(id, 40);
            JsonNode update = probe.nextFrame();
            assertThat(update.get("type").stringValue()).isEqualTo("job.updated");
            assertThat(update.get("data").get("status").stringValue()).isEqualTo("processing");
        }
    }

    @Test
    void onlyTheExactRawPingIsAnswered() {
        String id = this.http.create("{\"prompt\":\"boat\"}");
        try (StreamProbe probe = StreamProbe.open(this.simulator, id, "")) {
            probe.nextFrame();

            probe.send("PING").send("\"ping\"").send("ping\n").send("{\"type\":\"ping\"}").send("hello")
                    .send("ping");

            assertThat(probe.next()).isEqualTo("{\"type\":\"pong\"}");
            probe.send("ping");
            assertThat(probe.next()).as("exactly one pong per raw ping").isEqualTo("{\"type\":\"pong\"}");
            assertThat(this.simulator.streams().receivedFrames()).containsExactly("PING", "\"ping\"", "ping\n",
                    "{\"type\":\"ping\"}", "hello", "ping", "ping");
        }
    }

    @Test
    void aDeletedJobStillStreams() {
        String id = this.http.create("{\"prompt\":\"boat\"}");
        this.simulator.jobs().complete(id);
        assertThat(this.http.delete("/v1/videos/" + id).status()).isEqualTo(200);
        try (StreamProbe probe = StreamProbe.open(this.simulator, id, "")) {
            JsonNode snapshot = probe.nextFrame();

            assertThat(snapshot.get("type").stringValue()).isEqualTo("job.snapshot");
            assertThat(snapshot.get("data").get("status").stringValue()).isEqualTo("completed");
            assertThat(probe.next()).isEqualTo("close 1000 closed");
        }
    }

    @Test
    void droppingAStreamClosesItsConnectionWithoutACloseFrame() {
        String id = this.http.create("{\"prompt\":\"boat\"}");
        try (StreamProbe probe = StreamProbe.open(this.simulator, id, "")) {
            probe.nextFrame();
            assertThat(this.simulator.streams().openJobIds()).containsExactly(id);

            assertThat(this.simulator.streams().dropAll()).isEqualTo(1);

            assertThat(probe.next()).doesNotStartWith("close 1000");
            assertThat(this.simulator.streams().awaitOpen(0, StreamProbe.WAIT)).isTrue();
            assertThat(this.simulator.streams().openedCount()).isEqualTo(1);
        }
    }

    @Test
    void intervalAndCloseOnTerminalAreParsedLikeTheGateway() {
        assertThat(JobStreamRoutes.interval(null)).isEqualTo(2500);
        assertThat(JobStreamRoutes.interval("")).isEqualTo(2500);
        assertThat(JobStreamRoutes.interval("soon")).isEqualTo(2500);
        assertThat(JobStreamRoutes.interval("500")).isEqualTo(1000);
        assertThat(JobStreamRoutes.interval("5000.9")).isEqualTo(5000);
        assertThat(JobStreamRoutes.interval(" 3000 ")).isEqualTo(3000);
        assertThat(JobStreamRoutes.interval("1e4")).isEqualTo(10000);
        assertThat(JobStreamRoutes.interval("60000")).isEqualTo(10000);
        assertThat(JobStreamRoutes.closeOnTerminal(null)).isTrue();
        assertThat(JobStreamRoutes.closeOnTerminal("")).isTrue();
        assertThat(JobStreamRoutes.closeOnTerminal("yes")).isTrue();
        assertThat(JobStreamRoutes.closeOnTerminal(" OFF ")).isFalse();
        assertThat(JobStreamRoutes.closeOnTerminal("0")).isFalse();
        assertThat(JobStreamRoutes.closeOnTerminal("No")).isFalse();
        assertThat(JobStreamRoutes.closeOnTerminal("false")).isFalse();
    }

    private String wsUrl(String id, String query) {
        return "ws://127.0.0.1:" + this.simulator.port() + "/v1/async/video/" + id + "/ws"
                + (query.isEmpty() ? "" : "?" + query);
    }

    /** A plain GET with {@code Upgrade: websocket}, which the route checks before anything else. */
    private Answer upgradeAttempt(String path, @Nullable String authorization) {
        return HttpClient.create()
                .headers(h -> {
                    h.set("Upgrade", "websocket");
                    if (authorization != null) {
                        h.set("Authorization", authorization);
                    }
                })
                .get()
                .uri(this.simulator.origin() + path)
                .responseSingle((response, body) -> body.asByteArray().defaultIfEmpty(new byte[0])
                        .map(bytes -> new Answer(response.status().code(), new String(bytes, StandardCharsets.UTF_8))))
                .block(StreamProbe.WAIT);
    }

    private record Answer(int status, String body) {

        JsonNode json() {
            return GatewayHttp.JSON.readTree(this.body);
        }
    }
}
