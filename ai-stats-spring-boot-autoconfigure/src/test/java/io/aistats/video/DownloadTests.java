package io.aistats.video;

import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.video.error.AiStatsConnectionException;
import io.aistats.video.error.NotFoundException;
import io.aistats.video.error.VideoNotReadyException;
import io.aistats.video.model.VideoGenerationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Downloads to a file appear complete or not at all, and leave no temporary file behind; a body that ends early is
 * an error for every reader.
 */
class DownloadTests extends AbstractSimulatorClientTests {

    private static final long TRUNCATED_SIZE = 8L * 1024 * 1024;

    private static final byte[] PREVIOUS = "previous content".getBytes(StandardCharsets.UTF_8);

    private static String videoId;

    @TempDir
    Path directory;

    @BeforeAll
    static void completeAJob() {
        videoId = SimulatorClients.completedJob(client, simulator);
    }

    @AfterEach
    void resetContentSize() {
        simulator.contentSize(AiStatsGatewaySimulator.sampleVideo().length);
    }

    @Test
    void replacesAnExistingFileWhole() throws IOException {
        Path target = Files.write(this.directory.resolve("video.mp4"), PREVIOUS);
        simulator.contentSize(3L * 1024 * 1024 + 17);

        client.videos().download(videoId, target);

        assertThat(Files.size(target)).isEqualTo(3L * 1024 * 1024 + 17);
        assertThat(filesIn(this.directory)).containsExactly(target);
    }

    @Test
    void connectionDroppedMidBodyLeavesNoFileAndNoTemporaryFile() throws IOException {
        simulator.contentSize(8L * 1024 * 1024);
        simulator.faults().dropConnectionMidBody(1, "GET", "/v1/videos/");
        Path target = this.directory.resolve("video.mp4");

        assertThatThrownBy(() -> client.downloadVideoContent(videoId, target))
            .isInstanceOf(AiStatsConnectionException.class);

        assertThat(target).doesNotExist();
        assertThat(filesIn(this.directory)).isEmpty();
    }

    @Test
    void connectionDroppedMidBodyKeepsThePreviousFile() throws IOException {
        Path target = Files.write(this.directory.resolve("video.mp4"), PREVIOUS);
        simulator.contentSize(8L * 1024 * 1024);
        simulator.faults().dropConnectionMidBody(1, "GET", "/v1/videos/");

        assertThatThrownBy(() -> client.downloadVideoContent(videoId, target))
            .isInstanceOf(AiStatsConnectionException.class);

        assertThat(target).hasBinaryContent(PREVIOUS);
        assertThat(filesIn(this.directory)).containsExactly(target);
    }

    /** The gateway cuts bodies without a declared size after 512 MiB: an early end is a failure, never a short file. */
    @ParameterizedTest(name = "declared length: {0}")
    @ValueSource(booleans = { true, false })
    void truncatedBodyFailsTypedAndLeavesNeitherTargetNorTemporaryFile(boolean declareLength) throws IOException {
        simulator.contentSize(TRUNCATED_SIZE);
        simulator.faults().truncateContent(1, declareLength);
        Path target = this.directory.resolve("video.mp4");

        assertThatThrownBy(() -> client.downloadVideoContent(videoId, target))
            .isInstanceOf(AiStatsConnectionException.class);

        assertThat(simulator.faults().pending()).isZero();
        assertThat(target).doesNotExist();
        assertThat(filesIn(this.directory)).isEmpty();
        assertThat(Files.size(client.downloadVideoContent(videoId, target))).isEqualTo(TRUNCATED_SIZE);
    }

    @ParameterizedTest(name = "declared length: {0}")
    @ValueSource(booleans = { true, false })
    void truncatedBodyGivesBlockingReadersAnErrorAfterTheBytesThatArrived(boolean declareLength) throws IOException {
        simulator.contentSize(TRUNCATED_SIZE);
        simulator.faults().truncateContent(1, declareLength);
        AtomicLong read = new AtomicLong();

        try (VideoContent content = client.getVideoContent(videoId)) {
            assertThat(content.contentLength().isPresent()).isEqualTo(declareLength);
            InputStream in = content.inputStream();
            byte[] buffer = new byte[64 * 1024];
            assertThatThrownBy(() -> {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    read.addAndGet(n);
                }
            }).isInstanceOf(AiStatsConnectionException.class);
        }

        assertThat(read.get()).isEqualTo(TRUNCATED_SIZE / 2);
    }

    @ParameterizedTest(name = "declared length: {0}")
    @ValueSource(booleans = { true, false })
    void truncatedBodyEndsTheReactiveBodyWithAnError(boolean declareLength) {
        simulator.contentSize(TRUNCATED_SIZE);
        simulator.faults().truncateContent(1, declareLength);
        AtomicLong read = new AtomicLong();

        StepVerifier.create(client.reactive().getVideoContent(videoId)
            .flatMapMany(ReactiveVideoContent::body)
            .doOnNext((buffer) -> {
                read.addAndGet(buffer.readableByteCount());
                DataBufferUtils.release(buffer);
            })
            .then())
            .expectError(AiStatsConnectionException.class)
            .verify(Duration.ofSeconds(30));

        assertThat(read.get()).isEqualTo(TRUNCATED_SIZE / 2);
    }

    @Test
    void errorAnswersLeaveNoFile() throws IOException {
        String queued = client.generateVideo(VideoGenerationRequest.of("Not yet")).id();
        Path target = this.directory.resolve("video.mp4");

        assertThatThrownBy(() -> client.downloadVideoContent(queued, target))
            .isInstanceOf(VideoNotReadyException.class);
        assertThatThrownBy(() -> client.downloadVideoContent("G-01KDVDGQGGQ7M3R8X2VN5T9HZZ", target))
            .isInstanceOf(NotFoundException.class);

        assertThat(filesIn(this.directory)).isEmpty();
    }

    @Test
    void cancellingADownloadDeletesTheTemporaryFile() throws IOException, InterruptedException {
        simulator.contentSize(400L * 1024 * 1024);
        Path target = this.directory.resolve("video.mp4");

        Disposable download = client.reactive().downloadVideoContent(videoId, target).subscribe();
        try {
            awaitPartialFile(Duration.ofSeconds(20));
        }
        finally {
            download.dispose();
        }

        assertThat(target).doesNotExist();
        assertThat(filesIn(this.directory)).isEmpty();
    }

    /** Waits until the temporary file has received bytes; there is no event to wait on, so this polls briefly. */
    private void awaitPartialFile(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Path file : filesIn(this.directory)) {
                if (file.getFileName().toString().endsWith(".part") && Files.size(file) > 0) {
                    return;
                }
            }
            Thread.sleep(2);
        }
        throw new AssertionError("no partial download appeared within " + timeout);
    }

    private static List<Path> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }
}
