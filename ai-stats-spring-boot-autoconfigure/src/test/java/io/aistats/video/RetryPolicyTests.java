package io.aistats.video;

import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.video.error.AiStatsApiException;
import io.aistats.video.error.AiStatsConnectionException;
import io.aistats.video.error.AiStatsDecodingException;
import io.aistats.video.error.AiStatsTimeoutException;
import io.aistats.video.error.NotFoundException;
import io.aistats.video.error.RateLimitException;
import io.aistats.video.error.ServerException;
import io.aistats.video.error.UpstreamException;
import io.aistats.video.error.VideoCancellationUnsupportedException;
import io.aistats.video.model.DownloadUrlOptions;
import io.aistats.video.model.VideoGenerationRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The retry policy against injected faults: safe calls are retried on transient failures, create and cancel never
 * are, and exhausted retries surface the typed exception of the last attempt.
 */
class RetryPolicyTests extends AbstractSimulatorClientTests {

    private static final String VIDEO_ROUTES = "/v1/videos/";

    private static String videoId;

    @BeforeAll
    static void completeAJob() {
        videoId = SimulatorClients.completedJob(client, simulator);
    }

    @ParameterizedTest
    @ValueSource(ints = { 503, 502, 429, 500, 504, 408 })
    void getIsRetriedOnATransientStatus(int status) {
        long before = gets();
        simulator.faults().failNext(1, status, "GET", VIDEO_ROUTES);

        assertThat(client.getVideo(videoId).id()).isEqualTo(videoId);

        assertThat(gets() - before).isEqualTo(2);
    }

    @Test
    void getIsRetriedOnADroppedConnection() {
        long before = gets();
        simulator.faults().dropConnectionMidBody(1, "GET", VIDEO_ROUTES);

        assertThat(client.getVideo(videoId).id()).isEqualTo(videoId);

        assertThat(gets() - before).isEqualTo(2);
    }

    @Test
    void exhaustedRetriesSurfaceTheLastTypedFailure() {
        long before = gets();
        simulator.faults().failNext(10, 503, "GET", VIDEO_ROUTES);

        assertThatThrownBy(() -> client.getVideo(videoId)).isInstanceOfSatisfying(ServerException.class, (ex) -> {
            assertThat(ex.statusCode()).isEqualTo(503);
            assertThat(ex.code()).isEqualTo("upstream_error");
            assertThat(ex.reason()).isEqualTo("video_provider_timeout");
            assertThat(ex.requestId()).startsWith("G-");
        });
        // one attempt plus maxRetries (2)
        assertThat(gets() - before).isEqualTo(3);
    }

    @Test
    void retriesCanBeSwitchedOff() {
        VideoClient noRetries = client.withSettings((settings) -> settings.maxRetries(0));
        long before = gets();
        simulator.faults().failNext(1, 502, "GET", VIDEO_ROUTES);

        assertThatThrownBy(() -> noRetries.getVideo(videoId)).isInstanceOfSatisfying(UpstreamException.class,
            (ex) -> assertThat(ex.statusCode()).isEqualTo(502));
        assertThat(gets() - before).isEqualTo(1);
    }

    @Test
    void nonTransientErrorsAreNotRetried() {
        long before = gets();
        assertThatThrownBy(() -> client.getVideo("G-01KDVDGQGGQ7M3R8X2VN5T9HZZ")).isInstanceOf(NotFoundException.class);
        assertThat(gets() - before).isEqualTo(1);
    }

    @Test
    void failedJobContentIsNotRetried() {
        String failed = client.generateVideo(VideoGenerationRequest.builder().model("openai/sora-2")
            .prompt("Doomed").build()).id();
        simulator.jobs().fail(failed, "The provider refused the prompt.");
        long before = gets();

        assertThatThrownBy(() -> client.getVideoContent(failed)).isInstanceOfSatisfying(AiStatsApiException.class,
            (ex) -> {
                assertThat(ex.reason()).isEqualTo("video_generation_failed");
                assertThat(ex.statusCode()).isIn(409, 502);
            });
        assertThat(gets() - before).isEqualTo(1);
    }

    @Test
    void deleteAndDownloadUrlAreRetried() {
        String deletable = SimulatorClients.completedJob(client, simulator);
        long deletesBefore = simulator.requestCount("DELETE", VIDEO_ROUTES);
        simulator.faults().failNext(1, 503, "DELETE", VIDEO_ROUTES);
        assertThat(client.deleteVideo(deletable).deleted()).isTrue();
        assertThat(simulator.requestCount("DELETE", VIDEO_ROUTES) - deletesBefore).isEqualTo(2);

        long postsBefore = simulator.requestCount("POST", VIDEO_ROUTES);
        simulator.faults().failNext(1, 502, "POST", VIDEO_ROUTES);
        assertThat(client.getVideoDownloadUrl(videoId, DownloadUrlOptions.defaults()).url()).isNotNull();
        assertThat(simulator.requestCount("POST", VIDEO_ROUTES) - postsBefore).isEqualTo(2);
    }

    @Test
    void contentIsRetriedUntilTheBodyStarts() {
        long before = gets();
        simulator.faults().failNext(1, 503, "GET", VIDEO_ROUTES);

        try (VideoContent content = client.getVideoContent(videoId)) {
            assertThat(content.contentLength()).hasValue(simulator.contentSize());
        }
        assertThat(gets() - before).isEqualTo(2);
    }

    @Test
    void contentIsNotRetriedOnceTheBodyStarted() {
        simulator.contentSize(4L * 1024 * 1024);
        try {
            long before = gets();
            simulator.faults().dropConnectionMidBody(1, "GET", VIDEO_ROUTES);

            try (VideoContent content = client.getVideoContent(videoId)) {
                assertThatThrownBy(() -> content.transferTo(new ByteArrayOutputStream()))
                    .isInstanceOf(AiStatsConnectionException.class);
            }
            assertThat(gets() - before).isEqualTo(1);
        }
        finally {
            simulator.contentSize(AiStatsGatewaySimulator.sampleVideo().length);
        }
    }

    @Test
    void createIsNotRetriedOnServiceUnavailable() {
        long jobsBefore = simulator.jobs().all().size();
        long before = creates();
        simulator.faults().failNext(1, 503, "POST", "/v1/videos");

        assertThatThrownBy(() -> client.generateVideo(VideoGenerationRequest.of("Once")))
            .isInstanceOfSatisfying(ServerException.class, (ex) -> {
                assertThat(ex.statusCode()).isEqualTo(503);
                assertThat(ex.code()).isEqualTo("upstream_error");
                assertThat(ex.generationId()).startsWith("G-");
                assertThat(ex.requestId()).isEqualTo(ex.generationId());
            });
        assertThat(creates() - before).isEqualTo(1);
        assertThat(simulator.jobs().all()).hasSize((int) jobsBefore);
    }

    @Test
    void createIsNotRetriedOnRateLimit() {
        long before = creates();
        simulator.faults().failNext(1, 429, "POST", "/v1/videos");

        assertThatThrownBy(() -> client.generateVideo(VideoGenerationRequest.of("Once")))
            .isInstanceOfSatisfying(RateLimitException.class, (ex) -> {
                assertThat(ex.statusCode()).isEqualTo(429);
                assertThat(ex.code()).isEqualTo("key_limit_exceeded");
            });
        assertThat(creates() - before).isEqualTo(1);
    }

    @Test
    void createIsNotRetriedOnADroppedConnectionBecauseTheJobMayExist() {
        long jobsBefore = simulator.jobs().all().size();
        long before = creates();
        simulator.faults().dropConnectionMidBody(1, "POST", "/v1/videos");

        assertThatThrownBy(() -> client.generateVideo(VideoGenerationRequest.of("Once")))
            .isInstanceOf(AiStatsConnectionException.class)
            .isNotInstanceOf(AiStatsTimeoutException.class);
        assertThat(creates() - before).isEqualTo(1);
        // the gateway did create the job: a retry would have billed a second one
        assertThat(simulator.jobs().all()).hasSize((int) jobsBefore + 1);
    }

    @Test
    void createIsNotRetriedOnATimeout() {
        VideoClient impatient = client.withSettings((settings) -> settings.responseTimeout(Duration.ofMillis(300)));
        long before = creates();
        simulator.faults().latency(Duration.ofSeconds(2));

        assertThatThrownBy(() -> impatient.generateVideo(VideoGenerationRequest.of("Once")))
            .isInstanceOf(AiStatsTimeoutException.class);
        assertThat(creates() - before).isEqualTo(1);
    }

    @Test
    void cancelIsNotRetried() {
        long before = simulator.requestCount("POST", VIDEO_ROUTES);
        simulator.faults().failNext(1, 503, "POST", VIDEO_ROUTES);
        assertThatThrownBy(() -> client.cancelVideo(videoId)).isInstanceOf(ServerException.class);
        assertThat(simulator.requestCount("POST", VIDEO_ROUTES) - before).isEqualTo(1);

        assertThatThrownBy(() -> client.cancelVideo(videoId))
            .isInstanceOf(VideoCancellationUnsupportedException.class);
        assertThat(simulator.requestCount("POST", VIDEO_ROUTES) - before).isEqualTo(2);
    }

    @Test
    void slowAnswersTimeOutAndSafeCallsAreRetried() {
        VideoClient impatient = client.withSettings((settings) -> settings.responseTimeout(Duration.ofMillis(300))
            .maxRetries(1));
        long before = gets();
        simulator.faults().latency(Duration.ofSeconds(2));

        assertThatThrownBy(() -> impatient.getVideo(videoId)).isInstanceOf(AiStatsTimeoutException.class)
            .hasMessageContaining("GET /videos/" + videoId);
        assertThat(gets() - before).isEqualTo(2);
    }

    @Test
    void theBlockingCallTimeoutBoundsTheWholeCall() {
        VideoClient impatient = client.withSettings((settings) -> settings.callTimeout(Duration.ofMillis(300)));
        simulator.faults().latency(Duration.ofSeconds(2));

        assertThatThrownBy(() -> impatient.listVideoModels()).isInstanceOf(AiStatsTimeoutException.class)
            .hasMessageContaining("call timeout");
    }

    @Test
    void garbledJsonIsADecodingErrorAndNotRetried() {
        long before = gets();
        simulator.faults().garbleNext(1, "GET", VIDEO_ROUTES);

        assertThatThrownBy(() -> client.getVideo(videoId)).isInstanceOfSatisfying(AiStatsDecodingException.class,
            (ex) -> {
                assertThat(ex.statusCode()).isEqualTo(200);
                assertThat(ex.getMessage()).contains("GET /videos/" + videoId, "HTTP 200");
            });
        assertThat(gets() - before).isEqualTo(1);
    }

    @Test
    void garbledCreateAnswerIsADecodingError() {
        simulator.faults().garbleNext(1, "POST", "/v1/videos");

        assertThatThrownBy(() -> client.generateVideo(VideoGenerationRequest.of("Once")))
            .isInstanceOf(AiStatsDecodingException.class);
    }

    private static long gets() {
        return simulator.requestCount("GET", VIDEO_ROUTES);
    }

    private static long creates() {
        return simulator.requests().stream()
            .filter((request) -> request.method().equals("POST") && request.path().equals("/v1/videos"))
            .count();
    }
}
