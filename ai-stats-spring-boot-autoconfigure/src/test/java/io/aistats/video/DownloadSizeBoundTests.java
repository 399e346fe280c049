package io.aistats.video;

import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.test.AiStatsSimulatorExtension;
import io.aistats.video.error.VideoContentTooLargeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Downloads are bounded in size, over the simulator: a video announced larger than the bound, or streamed past it
 * without a {@code Content-Length}, fails with {@link VideoContentTooLargeException} and leaves no file; the bound
 * comes from the settings or from the call.
 */
class DownloadSizeBoundTests {

    @RegisterExtension
    static final AiStatsSimulatorExtension gateway =
            AiStatsSimulatorExtension.of(AiStatsGatewaySimulator.Builder::manualClock);

    private static final long THREE_MIB = 3L * 1024 * 1024;

    private static AiStatsGatewaySimulator simulator;

    private static String videoId;

    @TempDir
    Path directory;

    @BeforeAll
    static void completeAJob() {
        simulator = gateway.simulator();
        videoId = SimulatorClients.completedJob(SimulatorClients.blocking(simulator), simulator);
    }

    @BeforeEach
    void announceThreeMebibytes() {
        simulator.contentSize(THREE_MIB);
    }

    @Test
    void announcedSizeAboveTheBoundFailsBeforeAnythingIsWritten() throws IOException {
        VideoClient client = SimulatorClients.blocking(SimulatorClients.settings(simulator)
            .maxDownloadSize(DataSize.ofMegabytes(1)).build());
        Path target = this.directory.resolve("video.mp4");

        assertThatThrownBy(() -> client.downloadVideoContent(videoId, target))
            .isInstanceOfSatisfying(VideoContentTooLargeException.class, (ex) -> {
                assertThat(ex.maxBytes()).isEqualTo(1_048_576);
                assertThat(ex).hasMessageContaining("Content-Length " + THREE_MIB);
            });
        assertThat(filesIn(this.directory)).isEmpty();
        assertThatThrownBy(() -> client.reactive().downloadVideoContent(videoId, target).block(Duration.ofSeconds(30)))
            .isInstanceOf(VideoContentTooLargeException.class);
        assertThat(filesIn(this.directory)).isEmpty();
    }

    @Test
    void bodyStreamedPastTheBoundWithoutContentLengthFailsAndLeavesNoFile() throws IOException {
        ExchangeFilterFunction withoutLength = ExchangeFilterFunction.ofResponseProcessor((response) -> Mono.just(
                response.mutate().headers((headers) -> headers.remove(HttpHeaders.CONTENT_LENGTH)).build()));
        VideoClient client = VideoClient.create(ReactiveVideoClient.create(WebClient.builder().filter(withoutLength),
                SimulatorClients.settings(simulator).maxDownloadSize(DataSize.ofMegabytes(1)).build()));
        Path target = this.directory.resolve("video.mp4");

        try (VideoContent content = client.getVideoContent(videoId)) {
            assertThat(content.contentLength()).as("the length is not announced").isEmpty();
        }
        assertThatThrownBy(() -> client.downloadVideoContent(videoId, target))
            .isInstanceOfSatisfying(VideoContentTooLargeException.class,
                    (ex) -> assertThat(ex).hasMessageContaining("more than 1048576 bytes sent"));
        assertThat(filesIn(this.directory)).isEmpty();
    }

    @Test
    void theCallCanSetItsOwnBound() throws IOException {
        VideoClient client = SimulatorClients.blocking(simulator);
        assertThat(client.reactive().settings().maxDownloadSize()).isEqualTo(DataSize.ofGigabytes(2));
        Path target = this.directory.resolve("video.mp4");

        assertThatThrownBy(() -> client.downloadVideoContent(videoId, target, DataSize.ofMegabytes(2)))
            .isInstanceOf(VideoContentTooLargeException.class);
        assertThat(filesIn(this.directory)).isEmpty();

        assertThat(client.downloadVideoContent(videoId, target, DataSize.ofBytes(THREE_MIB))).isEqualTo(target);
        assertThat(Files.size(target)).as("a video of exactly the bound").isEqualTo(THREE_MIB);
        assertThat(client.downloadVideoContent(videoId, target)).isEqualTo(target);
    }

    private static List<Path> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }
}
