package io.aistats.video.stream;

import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.video.JobStreamClient;
import io.aistats.video.ReactiveVideoClient;
import io.aistats.video.VideoClient;
import io.aistats.video.error.AiStatsConfigurationException;
import io.aistats.video.error.AiStatsConnectionException;
import io.aistats.video.error.AiStatsTimeoutException;
import io.aistats.video.error.AuthenticationException;
import io.aistats.video.error.JobTimeoutException;
import io.aistats.video.error.NotFoundException;
import io.aistats.video.error.UpgradeRequiredException;
import io.aistats.video.error.VideoRequestValidationException;
import io.aistats.video.internal.http.ErrorDecoder;
import io.aistats.video.model.JobStreamSettings;
import io.aistats.video.model.VideoJob;
import io.aistats.video.model.VideoJobStream;
import io.aistats.video.model.VideoJobUpdate;
import io.aistats.video.model.VideoStatus;
import io.aistats.video.model.WebSocketUrlOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lifecycle stream client against the gateway simulator over real sockets: the stream itself, the refused
 * upgrades, the fallback to polling, the keep-alive and waiting for completion. The simulator clock is manual and
 * every step waits for a frame or a counter, never for time to pass.
 */
class JobStreamClientTests {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private AiStatsGatewaySimulator simulator;

    private ReactiveVideoClient client;

    @BeforeEach
    void start() {
        this.simulator = AiStatsGatewaySimulator.builder().manualClock(T0).start();
        this.client = StreamTestSupport.client(this.simulator);
    }

    @AfterEach
    void stop() {
        this.simulator.close();
    }

    @Test
    void aJobIsFollowedFromItsSnapshotToCompletion() {
        String id = StreamTestSupport.createJob(this.client).id();

        try (UpdateRecorder updates = UpdateRecorder.record(this.client.streamVideo(id,
                WebSocketUrlOptions.defaults()))) {
            assertUpdate(updates.next(), VideoJobUpdate.Type.SNAPSHOT, VideoStatus.QUEUED);
            this.simulator.clock().advance(Duration.ofSeconds(1));
            assertUpdate(updates.next(), VideoJobUpdate.Type.UPDATED, VideoStatus.PROCESSING);
            this.simulator.clock().advance(Duration.ofSeconds(3));
            VideoJobUpdate completed = updates.next();
            assertUpdate(completed, VideoJobUpdate.Type.UPDATED, VideoStatus.COMPLETED);
            assertThat(completed.job().progress()).isEqualTo(100);
            assertThat(completed.job().downloadUrl()).contains("download_token=");
            assertThat(completed.isFinal()).isTrue();
            updates.expectComplete();
        }

        assertThat(this.simulator.streams().awaitOpen(0, StreamTestSupport.WAIT)).isTrue();
        assertThat(this.simulator.streams().openedCount()).isEqualTo(1);
        assertThat(this.simulator.requestCount("GET", "/v1/videos/")).as("no polling while the stream works").isZero();
    }

    @Test
    void theUpgradeCarriesTheBearerKeyAndTheQueryOptions() {
        String id = StreamTestSupport.createJob(this.client).id();
        this.simulator.jobs().complete(id);
        this.simulator.clearRequests();

        StepVerifier.create(this.client.streamVideo(id, WebSocketUrlOptions
                .interval(Duration.ofMillis(5000)).withCloseOnTerminal(true)))
            .assertNext((update) -> assertUpdate(update, VideoJobUpdate.Type.SNAPSHOT, VideoStatus.COMPLETED))
            .expectComplete()
            .verify(StreamTestSupport.WAIT);

        var upgrade = this.simulator.requests().get(0);
        assertThat(upgrade.path()).isEqualTo("/v1/async/video/" + id + "/ws");
        assertThat(upgrade.query()).isEqualTo("interval_ms=5000&close_on_terminal=true");
        assertThat(upgrade.header("Authorization")).hasValueSatisfying(
                (value) -> assertThat(value).startsWith("Bearer phaseo_v1_sk_"));
        assertThat(upgrade.header("X-Phaseo-Client")).hasValue("ai-stats-java");
    }

    @Test
    void aFailedJobEndsTheStream() {
        String id = StreamTestSupport.createJob(this.client).id();

        try (UpdateRecorder updates = UpdateRecorder.record(this.client.streamVideo(id,
                WebSocketUrlOptions.defaults()))) {
            assertUpdate(updates.next(), VideoJobUpdate.Type.SNAPSHOT, VideoStatus.QUEUED);
            this.simulator.jobs().fail(id, "The provider failed to generate the video.");
            VideoJobUpdate failed = updates.next();
            assertUpdate(failed, VideoJobUpdate.Type.UPDATED, VideoStatus.FAILED);
            assertThat(failed.isTerminal()).isTrue();
            updates.expectComplete();
        }
    }

    @Test
    void anExpiredJobEndsTheStreamAlthoughTheGatewayKeepsTheSocketOpen() {
        String id = StreamTestSupport.createJob(this.client).id();

        try (UpdateRecorder updates = UpdateRecorder.record(this.client.streamVideo(id,
                WebSocketUrlOptions.defaults()))) {
            assertUpdate(updates.next(), VideoJobUpdate.Type.SNAPSHOT, VideoStatus.QUEUED);
            this.simulator.jobs().expire(id);
            assertUpdate(updates.next(), VideoJobUpdate.Type.UPDATED, VideoStatus.EXPIRED);
            updates.expectComplete();
        }

        // the simulator never closes on expiry: the client closed the connection
        assertThat(this.simulator.streams().awaitOpen(0, StreamTestSupport.WAIT)).isTrue();
    }

    @Test
    void aStreamDroppedMidJobFallsBackToPollingAndReconnectsWithoutLosingOrRepeatingAPhase() {
        String id = StreamTestSupport.createJob(this.client).id();
        List<VideoJobUpdate> seen = new ArrayList<>();

        try (UpdateRecorder updates = UpdateRecorder.record(this.client.streamVideo(id,
                WebSocketUrlOptions.defaults()).doOnNext(seen::add))) {
            assertUpdate(updates.next(), VideoJobUpdate.Type.SNAPSHOT, VideoStatus.QUEUED);
            // reconnection keeps failing until the test lets it through, so the next phase can only be polled
            this.simulator.faults().failNext(10_000, 503, "GET", "/v1/async/");
            assertThat(this.simulator.streams().dropAll()).isEqualTo(1);
            assertThat(this.simulator.streams().awaitOpen(0, StreamTestSupport.WAIT)).isTrue();
            this.simulator.clock().advance(Duration.ofSeconds(1));
            assertUpdate(updates.next(), VideoJobUpdate.Type.POLLED, VideoStatus.PROCESSING);

            this.simulator.faults().reset();
            assertThat(this.simulator.streams().awaitOpened(2, StreamTestSupport.WAIT)).isTrue();
            this.simulator.clock().advance(Duration.ofSeconds(3));
            assertUpdate(updates.next(), VideoJobUpdate.Type.UPDATED, VideoStatus.COMPLETED);
            updates.expectComplete();
        }

        assertThat(seen).extracting((update) -> update.status().normalized())
            .containsExactly(VideoStatus.QUEUED, VideoStatus.PROCESSING, VideoStatus.COMPLETED);
        assertThat(this.simulator.requestCount("GET", "/v1/videos/" + id)).isPositive();
    }

    @Test
    void aStreamThatCannotBeOpenedIsReplacedByPolling() {
        String id = StreamTestSupport.createJob(this.client).id();
        this.simulator.faults().failNext(10_000, 502, "GET", "/v1/async/");

        assertPolledFromQueuedToCompleted(this.client, id);

        assertThat(this.simulator.streams().openedCount()).isZero();
    }

    @Test
    void aRefusedUpgradeIsFollowedByPollingOnly() {
        String id = StreamTestSupport.createJob(this.client).id();
        this.simulator.faults().failNext(1, 426, "GET", "/v1/async/");

        assertPolledFromQueuedToCompleted(this.client, id);

        assertThat(this.simulator.requestCount("GET", "/v1/async/")).as("no further upgrade attempt").isEqualTo(1);
    }

    @Test
    void badCredentialsFailTheStreamWithAnAuthenticationException() {
        ReactiveVideoClient stranger = StreamTestSupport.client(StreamTestSupport.settings(this.simulator)
            .apiKey("phaseo_v1_sk_unknownkid_abcdefghijklmnopqrstuvwxyz012345").build(),
                StreamTestSupport.streamSettings());
        String id = StreamTestSupport.createJob(this.client).id();

        StepVerifier.create(stranger.streamVideo(id, WebSocketUrlOptions.defaults()))
            .expectErrorSatisfies((failure) -> {
                assertThat(failure).isInstanceOf(AuthenticationException.class);
                AuthenticationException authentication = (AuthenticationException) failure;
                assertThat(authentication.statusCode()).isEqualTo(401);
                assertThat(authentication.code()).isEqualTo("unauthorised");
                assertThat(authentication.reason()).isEqualTo("key_not_found_or_revoked");
                assertThat(failure.getMessage()).doesNotContain("abcdefghijklmnopqrstuvwxyz012345");
            })
            .verify(StreamTestSupport.WAIT);

        assertThat(this.simulator.requestCount("GET", "/v1/videos/")).as("no polling with a bad key").isZero();
    }

    @Test
    void anUnknownJobFailsTheStreamWithANotFoundException() {
        StepVerifier.create(this.client.streamVideo("G-01KDVDGQGGQ7M3R8X2VN5T9HBC", WebSocketUrlOptions.defaults()))
            .expectErrorSatisfies((failure) -> {
                assertThat(failure).isInstanceOf(NotFoundException.class);
                assertThat(((NotFoundException) failure).reason()).isEqualTo("async_job_not_found_or_not_owned");
            })
            .verify(StreamTestSupport.WAIT);
    }

    @Test
    void aSingleConnectionReportsARefusedUpgradeAsAnUpgradeRequiredException() {
        String id = StreamTestSupport.createJob(this.client).id();
        this.simulator.faults().failNext(1, 426, "GET", "/v1/async/");
        JobStreamClient streams = new JobStreamClient(this.client, StreamTestSupport.streamSettings());

        StepVerifier.create(streams.connect(id, WebSocketUrlOptions.defaults()))
            .expectErrorSatisfies((failure) -> assertThat(failure).isInstanceOf(UpgradeRequiredException.class)
                .extracting((ex) -> ((UpgradeRequiredException) ex).statusCode()).isEqualTo(426))
            .verify(StreamTestSupport.WAIT);
    }

    @Test
    void aPlainGetOfTheStreamUrlIsAnswered426AndDecodedAsUpgradeRequired() throws Exception {
        String id = StreamTestSupport.createJob(this.client).id();
        URI http = URI.create(this.simulator.baseUrl() + "/async/video/" + id + "/ws");

        HttpResponse<byte[]> response = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(http).header("Authorization", "Bearer " + this.simulator.apiKey()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(426);
        assertThat(response.headers().firstValue("Upgrade")).hasValue("websocket");
        var decoded = ErrorDecoder.decode(response.statusCode(), response.body(), this.simulator.apiKey());
        assertThat(decoded).isInstanceOf(UpgradeRequiredException.class);
        assertThat(decoded.code()).isEqualTo("websocket_upgrade_required");
        assertThat(decoded.gatewayMessage()).isEqualTo("Use WebSocket upgrade for async job updates.");
    }

    @Test
    void aSingleConnectionFailsWhenTheServerDropsIt() {
        String id = StreamTestSupport.createJob(this.client).id();
        JobStreamClient streams = new JobStreamClient(this.client, StreamTestSupport.streamSettings());

        try (UpdateRecorder updates = UpdateRecorder.record(streams.connect(id, WebSocketUrlOptions.defaults()))) {
            assertUpdate(updates.next(), VideoJobUpdate.Type.SNAPSHOT, VideoStatus.QUEUED);
            this.simulator.streams().dropAll();
            assertThat(updates.expectError()).isInstanceOf(AiStatsConnectionException.class).hasMessageContaining(id);
        }
    }

    @Test
    void aMissingApiKeyFailsBeforeConnecting() {
        ReactiveVideoClient keyless = StreamTestSupport.client(StreamTestSupport.settings(this.simulator).apiKey(null)
            .build(), StreamTestSupport.streamSettings());

        StepVerifier.create(keyless.streamVideo("G-01KDVDGQGGQ7M3R8X2VN5T9HBC", WebSocketUrlOptions.defaults()))
            .expectError(AiStatsConfigurationException.class)
            .verify(StreamTestSupport.WAIT);
        assertThat(this.simulator.requests()).isEmpty();
    }

    @Test
    void keepAlivePingsAreAnsweredAndKeepAQuietStreamAlive() {
        ReactiveVideoClient pinging = StreamTestSupport.client(StreamTestSupport.settings(this.simulator).build(),
                StreamTestSupport.streamSettings().withKeepAliveInterval(Duration.ofMillis(50))
                    .withIdleTimeout(Duration.ofMillis(400)));
        String id = StreamTestSupport.createJob(pinging).id();

        try (UpdateRecorder updates = UpdateRecorder.record(pinging.streamVideo(id,
                WebSocketUrlOptions.defaults()))) {
            assertUpdate(updates.next(), VideoJobUpdate.Type.SNAPSHOT, VideoStatus.QUEUED);
            // a second and a half of pings answered by pongs: well beyond the idle timeout without a job frame
            assertThat(this.simulator.streams().awaitReceived("ping", 30, StreamTestSupport.WAIT)).isTrue();
            this.simulator.jobs().fail(id, "The provider failed to generate the video.");
            assertUpdate(updates.next(), VideoJobUpdate.Type.UPDATED, VideoStatus.FAILED);
            updates.expectComplete();
        }

        assertThat(this.simulator.streams().openedCount()).as("never taken for dead").isEqualTo(1);
        assertThat(this.simulator.streams().receivedFrames()).containsOnly("ping");
    }

    @Test
    void aStreamThatFallsSilentIsTakenForDead() {
        // a server that sends the snapshot and then ignores pings, as a half-open connection behind a proxy would
        String snapshot = "{\"type\":\"job.snapshot\",\"data\":{\"id\":\"G-1\",\"status\":\"queued\"}}";
        DisposableServer silent = HttpServer.create().host("127.0.0.1").port(0)
            .route((routes) -> routes.ws("/v1/async/video/{id}/ws", (in, out) -> out
                .sendString(Mono.just(snapshot))
                .then()
                .and(in.receive().then())))
            .bindNow();
        try {
            ReactiveVideoClient client = StreamTestSupport.client(StreamTestSupport.settings(this.simulator)
                .baseUrl("http://127.0.0.1:" + silent.port() + "/v1").build(), JobStreamSettings.defaults());
            JobStreamClient streams = new JobStreamClient(client, StreamTestSupport.streamSettings()
                .withKeepAliveInterval(Duration.ofMillis(100)).withIdleTimeout(Duration.ofMillis(400)));

            try (UpdateRecorder updates = UpdateRecorder.record(streams.connect("G-1",
                    WebSocketUrlOptions.defaults()))) {
                assertUpdate(updates.next(), VideoJobUpdate.Type.SNAPSHOT, VideoStatus.QUEUED);
                assertThat(updates.expectError()).isInstanceOf(AiStatsTimeoutException.class)
                    .hasMessageContaining("G-1").hasMessageContaining("PT0.4S");
            }
        }
        finally {
            silent.disposeNow();
        }
    }

    @Test
    void awaitCompletionReturnsTheTerminalJob() throws Exception {
        String id = StreamTestSupport.createJob(this.client).id();

        CompletableFuture<VideoJob> completion = this.client.awaitCompletion(id, StreamTestSupport.WAIT).toFuture();
        assertThat(this.simulator.streams().awaitOpened(1, StreamTestSupport.WAIT)).isTrue();
        this.simulator.clock().advance(Duration.ofSeconds(4));

        VideoJob job = completion.get(StreamTestSupport.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(job.id()).isEqualTo(id);
        assertThat(job.status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(job.pollAfterSeconds()).as("the job object, not the stream's data").isEqualTo(20);
    }

    @Test
    void awaitCompletionReturnsAFailedJobAsAResult() {
        VideoClient blocking = VideoClient.create(this.client);
        String id = StreamTestSupport.createJob(this.client).id();
        this.simulator.jobs().fail(id, "The provider failed to generate the video.");

        VideoJob job = blocking.awaitCompletion(id, StreamTestSupport.WAIT);

        assertThat(job.status()).isEqualTo(VideoStatus.FAILED);
        assertThat(job.error()).isNotNull();
    }

    @Test
    void awaitCompletionTimesOutNamingTheJobAndLeavesTheJobAlone() {
        VideoClient blocking = VideoClient.create(this.client);
        String id = StreamTestSupport.createJob(this.client).id();
        // long enough for the snapshot to arrive on a cold JVM, so that the last status is known
        Duration timeout = Duration.ofSeconds(1);

        assertThatThrownBy(() -> blocking.awaitCompletion(id, timeout))
            .isInstanceOfSatisfying(JobTimeoutException.class, (ex) -> {
                assertThat(ex.videoId()).isEqualTo(id);
                assertThat(ex.timeout()).isEqualTo(timeout);
                assertThat(ex.lastStatus()).isEqualTo(VideoStatus.QUEUED.value());
                assertThat(ex.getMessage()).contains(id).contains("PT1S").contains("left running");
            });

        assertThat(this.simulator.streams().awaitOpen(0, StreamTestSupport.WAIT)).as("the stream was closed").isTrue();
        assertThat(this.simulator.jobs().get(id).status()).isEqualTo("queued");
        assertThat(this.simulator.requestCount("DELETE", "/v1/videos")).isZero();
        assertThat(this.simulator.requestCount("POST", "/v1/videos/" + id + "/cancel")).isZero();
    }

    @Test
    void awaitCompletionRejectsANonPositiveTimeout() {
        StepVerifier.create(this.client.awaitCompletion("G-1", Duration.ZERO))
            .expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(VideoRequestValidationException.class)
                .hasMessageContaining("timeout"))
            .verify(StreamTestSupport.WAIT);
    }

    @Test
    void theBlockingStreamIteratesUntilTheJobEnds() {
        VideoClient blocking = VideoClient.create(this.client);
        String id = StreamTestSupport.createJob(this.client).id();
        List<VideoStatus> statuses = new ArrayList<>();

        try (VideoJobStream updates = blocking.streamVideo(id, WebSocketUrlOptions.defaults())) {
            statuses.add(updates.next().status());
            this.simulator.clock().advance(Duration.ofSeconds(1));
            statuses.add(updates.next().status());
            this.simulator.clock().advance(Duration.ofSeconds(3));
            statuses.add(updates.next().status());
            assertThat(updates.hasNext()).isFalse();
        }

        assertThat(statuses).containsExactly(VideoStatus.QUEUED, VideoStatus.PROCESSING, VideoStatus.COMPLETED);
    }

    @Test
    void closingTheBlockingStreamClosesTheConnection() {
        VideoClient blocking = VideoClient.create(this.client);
        String id = StreamTestSupport.createJob(this.client).id();

        try (VideoJobStream updates = blocking.streamVideo(id, WebSocketUrlOptions.defaults())) {
            assertThat(updates.next().status()).isEqualTo(VideoStatus.QUEUED);
        }

        assertThat(this.simulator.streams().awaitOpen(0, StreamTestSupport.WAIT)).isTrue();
        assertThat(this.simulator.jobs().get(id).status()).isEqualTo("queued");
    }

    @Test
    void aDerivedClientKeepsItsStreamSettings() {
        ReactiveVideoClient derived = this.client.withSettings(
                (settings) -> settings.callTimeout(Duration.ofMinutes(1)));
        String id = StreamTestSupport.createJob(derived).id();
        this.simulator.faults().failNext(10_000, 503, "GET", "/v1/async/");

        // polling every 50 ms (not every 20 s) shows the derived client's stream settings
        assertPolledFromQueuedToCompleted(derived, id);
    }

    /**
     * Follows a queued job whose stream cannot be opened: the client polls the queued snapshot, then the completion
     * once the clock has moved past the job's processing time, and ends.
     */
    private void assertPolledFromQueuedToCompleted(ReactiveVideoClient client, String id) {
        try (UpdateRecorder updates = UpdateRecorder.record(client.streamVideo(id, WebSocketUrlOptions.defaults()))) {
            assertUpdate(updates.next(), VideoJobUpdate.Type.POLLED, VideoStatus.QUEUED);
            this.simulator.clock().advance(Duration.ofSeconds(4));
            assertUpdate(updates.next(), VideoJobUpdate.Type.POLLED, VideoStatus.COMPLETED);
            updates.expectComplete();
        }
    }

    private static void assertUpdate(VideoJobUpdate update, VideoJobUpdate.Type type, VideoStatus status) {
        assertThat(update.type()).as("type of %s", update).isEqualTo(type);
        assertThat(update.status()).as("status of %s", update).isNotNull();
        assertThat(update.status().normalized()).as("status of %s", update).isEqualTo(status);
        assertThat(update.receivedAt()).isNotNull();
    }
}
