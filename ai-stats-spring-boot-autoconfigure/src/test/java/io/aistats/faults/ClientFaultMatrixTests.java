package io.aistats.faults;

import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.test.AiStatsSimulatorExtension;
import io.aistats.test.RecordedRequest;
import io.aistats.video.ReactiveVideoClient;
import io.aistats.video.VideoClient;
import io.aistats.video.VideoClientSettings;
import io.aistats.video.VideoContent;
import io.aistats.video.error.AiStatsConnectionException;
import io.aistats.video.error.AiStatsDecodingException;
import io.aistats.video.error.AiStatsTimeoutException;
import io.aistats.video.error.NotImplementedException;
import io.aistats.video.error.RateLimitException;
import io.aistats.video.error.ServerException;
import io.aistats.video.error.UpstreamException;
import io.aistats.video.error.VideoCancellationUnsupportedException;
import io.aistats.video.model.DownloadUrlOptions;
import io.aistats.video.model.VideoGenerationRequest;
import io.aistats.video.model.VideoJob;
import io.aistats.video.model.VideoListParams;
import io.aistats.video.model.VideoPage;
import io.aistats.video.model.VideoStatus;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.web.reactive.function.client.WebClient;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every client operation against every fault the gateway can show, as one table: which typed outcome the caller
 * gets, how many requests reached the gateway (safe operations are retried, {@code POST /videos} and cancel never
 * are), and that no fault ever sends a second create. Unknown members and statuses must decode, not fail.
 * <p>
 * Complements the specific retry, error and download tests with the systematic view; each row runs against a real
 * simulator over a socket.
 */
class ClientFaultMatrixTests {

    /** Retries of the clients under test: a safe call is attempted at most 1 + this many times. */
    private static final int MAX_RETRIES = 2;

    private static final int SAFE_ATTEMPTS = 1 + MAX_RETRIES;

    private static final Duration SHORT_RESPONSE_TIMEOUT = Duration.ofMillis(300);

    private static final Duration SLOW_ANSWER = Duration.ofMillis(1500);

    private static final long CONTENT_SIZE = 256 * 1024;

    @RegisterExtension
    static final AiStatsSimulatorExtension gateway =
            AiStatsSimulatorExtension.of(AiStatsGatewaySimulator.Builder::manualClock);

    private static AiStatsGatewaySimulator simulator;

    private static final ResponseRewriter rewriter = new ResponseRewriter();

    private static VideoClient client;

    private static VideoClient impatientClient;

    private static String completedVideoId;

    @TempDir
    private Path directory;

    @BeforeAll
    static void startSimulator() {
        simulator = gateway.simulator();
        simulator.contentSize(CONTENT_SIZE);
        VideoClientSettings settings = VideoClientSettings.builder()
            .baseUrl(simulator.baseUrl())
            .apiKey(simulator.apiKey())
            .connectTimeout(Duration.ofSeconds(2))
            .responseTimeout(Duration.ofSeconds(10))
            .callTimeout(Duration.ofSeconds(30))
            .maxRetries(MAX_RETRIES)
            .initialBackoff(Duration.ofMillis(10))
            .maxBackoff(Duration.ofMillis(40))
            .build();
        WebClient.Builder webClient = WebClient.builder().filter(rewriter.filter());
        client = VideoClient.create(ReactiveVideoClient.create(webClient, settings));
        impatientClient = client.withSettings((builder) -> builder.responseTimeout(SHORT_RESPONSE_TIMEOUT));
        completedVideoId = completedJob();
    }

    @AfterEach
    void disarm() {
        simulator.faults().reset();
        rewriter.disarm();
    }

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (Operation operation : Operation.values()) {
            boolean safe = operation.retried;
            // a burst shorter than the retries: safe calls recover, once-only calls surface the first failure
            rows.add(row(Fault.BURST_OF_5XX_RECOVERABLE, operation, safe ? null : UpstreamException.class,
                safe ? SAFE_ATTEMPTS : 1));
            // a burst longer than the retries: the last failure (503) or, for once-only calls, the first (500)
            rows.add(row(Fault.BURST_OF_5XX, operation, ServerException.class, safe ? SAFE_ATTEMPTS : 1));
            rows.add(row(Fault.BURST_OF_429, operation, RateLimitException.class, safe ? SAFE_ATTEMPTS : 1));
            rows.add(row(Fault.SLOWER_THAN_TIMEOUT, operation, AiStatsTimeoutException.class,
                safe ? SAFE_ATTEMPTS : 1));
            rows.add(row(Fault.RESET_MID_BODY, operation, resetOutcome(operation), resetAttempts(operation)));
            if (operation.json) {
                rows.add(row(Fault.TRUNCATED_JSON, operation, AiStatsDecodingException.class, 1));
            }
            if (operation.json && operation.succeeds) {
                rows.add(row(Fault.GARBLED_JSON, operation, AiStatsDecodingException.class, 1));
                rows.add(row(Fault.UNKNOWN_MEMBERS, operation, null, 1));
            }
            if (operation.returnsJobs) {
                rows.add(row(Fault.UNKNOWN_STATUS, operation, null, 1));
            }
        }
        return rows.stream();
    }

    /**
     * A cut connection is retried for safe JSON calls; once a content body has started it reaches the reader, and a
     * once-only call reports it. Cancel's answer is an error status whose body is cut: the status still counts.
     */
    private static @Nullable Class<? extends Throwable> resetOutcome(Operation operation) {
        if (operation == Operation.CANCEL) {
            return NotImplementedException.class;
        }
        return (operation.retried && operation.json) ? null : AiStatsConnectionException.class;
    }

    private static int resetAttempts(Operation operation) {
        return (operation.retried && operation.json) ? 2 : 1;
    }

    private static Arguments row(Fault fault, Operation operation, @Nullable Class<? extends Throwable> failure,
            int requests) {
        Class<? extends Throwable> expected = (failure == null && !operation.succeeds)
            ? VideoCancellationUnsupportedException.class : failure;
        return Arguments.of(fault, operation, expected, requests);
    }

    @ParameterizedTest(name = "{0} x {1} -> {2} after {3} request(s)")
    @MethodSource("table")
    void faultGivesItsTypedOutcome(Fault fault, Operation operation, @Nullable Class<? extends Throwable> expected,
            int expectedRequests) {
        String videoId = (operation == Operation.DELETE) ? completedJob() : completedVideoId;
        Path target = this.directory.resolve("video.mp4");
        Invocation invocation = new Invocation(fault == Fault.SLOWER_THAN_TIMEOUT ? impatientClient : client,
            videoId, target);
        int jobsBefore = simulator.jobs().all().size();
        simulator.clearRequests();
        fault.arm(operation.method, operation.path(videoId));

        if (expected == null) {
            Object result = operation.call.apply(invocation);
            assertThat(result).isNotNull();
            fault.checkDecoded(result);
        }
        else {
            assertThatThrownBy(() -> operation.call.apply(invocation)).isExactlyInstanceOf(expected);
        }

        assertThat(requests(operation.method, operation.path(videoId))).as("requests of %s", operation)
            .isEqualTo(expectedRequests);
        assertThat(requests("POST", "/v1/videos")).as("creates").isEqualTo(operation == Operation.CREATE ? 1 : 0);
        if (fault != Fault.SLOWER_THAN_TIMEOUT) {
            // a create the gateway received may have made a job (the cut connection), never a second one
            assertThat(simulator.jobs().all().size() - jobsBefore).isBetween(0, operation == Operation.CREATE ? 1 : 0);
        }
        if (operation == Operation.DOWNLOAD && expected != null) {
            assertThat(target).doesNotExist();
        }
    }

    private static long requests(String method, String path) {
        return simulator.requests().stream()
            .filter((RecordedRequest request) -> request.method().equals(method) && request.path().equals(path))
            .count();
    }

    private static String completedJob() {
        VideoJob job = client.generateVideo(VideoGenerationRequest.of("A lighthouse in a storm"));
        simulator.jobs().complete(job.id());
        return job.id();
    }

    /** What an operation runs with. */
    record Invocation(VideoClient client, String videoId, Path target) {
    }

    /** The client's operations, with the request each one sends and whether it may be sent again. */
    enum Operation {

        CREATE("POST", "/v1/videos", false, true, true, true,
            (call) -> call.client().generateVideo(VideoGenerationRequest.of("A paper boat"))),
        GET("GET", "/v1/videos/{id}", true, true, true, true, (call) -> call.client().getVideo(call.videoId())),
        LIST("GET", "/v1/videos", true, true, true, true,
            (call) -> call.client().listVideos(VideoListParams.defaults())),
        LIST_MODELS("GET", "/v1/videos/models", true, true, true, false,
            (call) -> call.client().listVideoModels()),
        CONTENT("GET", "/v1/videos/{id}/content", true, false, true, false, Operation::readContent),
        DOWNLOAD("GET", "/v1/videos/{id}/content", true, false, true, false,
            (call) -> call.client().downloadVideoContent(call.videoId(), call.target())),
        DOWNLOAD_URL("POST", "/v1/videos/{id}/download_url", true, true, true, false,
            (call) -> call.client().getVideoDownloadUrl(call.videoId(), DownloadUrlOptions.defaults())),
        CANCEL("POST", "/v1/videos/{id}/cancel", false, true, false, false,
            (call) -> call.client().cancelVideo(call.videoId())),
        DELETE("DELETE", "/v1/videos/{id}", true, true, true, false,
            (call) -> call.client().deleteVideo(call.videoId()));

        final String method;

        private final String pathTemplate;

        final boolean retried;

        final boolean json;

        /** Whether the operation succeeds without a fault (cancel always answers 501). */
        final boolean succeeds;

        final boolean returnsJobs;

        final Function<Invocation, Object> call;

        Operation(String method, String pathTemplate, boolean retried, boolean json, boolean succeeds,
                boolean returnsJobs, Function<Invocation, Object> call) {
            this.method = method;
            this.pathTemplate = pathTemplate;
            this.retried = retried;
            this.json = json;
            this.succeeds = succeeds;
            this.returnsJobs = returnsJobs;
            this.call = call;
        }

        String path(String videoId) {
            return this.pathTemplate.replace("{id}", videoId);
        }

        private static Object readContent(Invocation call) {
            try (VideoContent content = call.client().getVideoContent(call.videoId())) {
                long read = content.transferTo(OutputStream.nullOutputStream());
                assertThat(read).isEqualTo(CONTENT_SIZE);
                return read;
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    /** What goes wrong between the client and the gateway. */
    enum Fault {

        /** 502 then 503, then the real answer. */
        BURST_OF_5XX_RECOVERABLE {
            @Override
            void arm(String method, String path) {
                simulator.faults().failNext(1, 502, method, path).failNext(1, 503, method, path);
            }
        },
        /** 500 (plain text), 504, 503, 502, 503: more than the retries. */
        BURST_OF_5XX {
            @Override
            void arm(String method, String path) {
                simulator.faults().failNext(1, 500, method, path).failNext(1, 504, method, path)
                    .failNext(1, 503, method, path).failNext(1, 502, method, path).failNext(1, 503, method, path);
            }
        },
        BURST_OF_429 {
            @Override
            void arm(String method, String path) {
                simulator.faults().failNext(5, 429, method, path);
            }
        },
        /** Every answer comes later than the client's response timeout. */
        SLOWER_THAN_TIMEOUT {
            @Override
            void arm(String method, String path) {
                simulator.faults().latency(SLOW_ANSWER);
            }
        },
        /** Headers and part of the body, then the connection is closed. */
        RESET_MID_BODY {
            @Override
            void arm(String method, String path) {
                simulator.faults().dropConnectionMidBody(1, method, path);
            }
        },
        /** 200 with a JSON document cut off in the middle. */
        TRUNCATED_JSON {
            @Override
            void arm(String method, String path) {
                simulator.faults().garbleNext(1, method, path);
            }
        },
        /** 200 with bytes that are not JSON at all. */
        GARBLED_JSON {
            @Override
            void arm(String method, String path) {
                rewriter.garble();
            }
        },
        /** Members no version of the client models, at every level. */
        UNKNOWN_MEMBERS {
            @Override
            void arm(String method, String path) {
                rewriter.addUnknownMembers();
            }

            @Override
            void checkDecoded(Object result) {
                for (VideoJob job : jobsOf(result)) {
                    assertThat(job.extras()).containsKey(ResponseRewriter.UNKNOWN_MEMBER);
                    assertThat(job.status()).isNotNull();
                    assertThat(job.status().isKnown()).isTrue();
                }
            }
        },
        /** A status the client has never heard of. */
        UNKNOWN_STATUS {
            @Override
            void arm(String method, String path) {
                rewriter.replaceStatuses();
            }

            @Override
            void checkDecoded(Object result) {
                List<VideoJob> jobs = jobsOf(result);
                assertThat(jobs).isNotEmpty();
                for (VideoJob job : jobs) {
                    assertThat(job.id()).isNotBlank();
                    assertThat(job.status()).isEqualTo(VideoStatus.of(ResponseRewriter.UNKNOWN_STATUS));
                    assertThat(job.status().isKnown()).isFalse();
                    assertThat(job.isTerminal()).isFalse();
                }
            }
        };

        abstract void arm(String method, String path);

        /** Checks a successful answer beyond its being there. */
        void checkDecoded(Object result) {
            if (result instanceof Path file) {
                assertThat(file).hasSize(CONTENT_SIZE);
            }
        }

        static List<VideoJob> jobsOf(Object result) {
            if (result instanceof VideoJob job) {
                return List.of(job);
            }
            if (result instanceof VideoPage page) {
                return page.data();
            }
            return List.of();
        }
    }
}
