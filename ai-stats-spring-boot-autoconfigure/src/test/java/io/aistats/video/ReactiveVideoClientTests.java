package io.aistats.video;

import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.test.AiStatsSimulatorExtension;
import io.aistats.video.error.AiStatsConfigurationException;
import io.aistats.video.error.NotFoundException;
import io.aistats.video.error.VideoCancellationUnsupportedException;
import io.aistats.video.model.DownloadUrlOptions;
import io.aistats.video.model.VideoGenerationRequest;
import io.aistats.video.model.VideoJob;
import io.aistats.video.model.VideoListParams;
import io.aistats.video.model.VideoStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the reactive client against the gateway simulator, over real sockets.
 */
class ReactiveVideoClientTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final AiStatsSimulatorExtension gateway =
            AiStatsSimulatorExtension.of(AiStatsGatewaySimulator.Builder::manualClock);

    private static AiStatsGatewaySimulator simulator;

    private static ReactiveVideoClient client;

    @BeforeAll
    static void startSimulator() {
        simulator = gateway.simulator();
        client = SimulatorClients.reactive(simulator);
    }

    @Test
    void generateThenGet() {
        VideoJob created = client.generateVideo(VideoGenerationRequest.of("A fox in the snow")).block(WAIT);
        assertThat(created).isNotNull();
        simulator.jobs().complete(created.id());

        StepVerifier.create(client.videos().get(created.id()))
            .assertNext((job) -> {
                assertThat(job.id()).isEqualTo(created.id());
                assertThat(job.status()).isEqualTo(VideoStatus.COMPLETED);
            })
            .expectComplete()
            .verify(WAIT);
    }

    @Test
    void nothingIsSentBeforeSubscription() {
        long before = simulator.requests().size();
        Mono<VideoJob> create = client.generateVideo(VideoGenerationRequest.of("Lazy"));
        client.getVideo("G-LAZY");
        client.listVideoModels();
        assertThat(simulator.requests()).hasSize((int) before);
        StepVerifier.create(create).expectNextCount(1).expectComplete().verify(WAIT);
    }

    @Test
    void listAndListModels() {
        client.generateVideo(VideoGenerationRequest.of("Listed")).block(WAIT);

        StepVerifier.create(client.listVideos(VideoListParams.limit(5)))
            .assertNext((page) -> assertThat(page.data()).isNotEmpty().hasSizeLessThanOrEqualTo(5))
            .expectComplete()
            .verify(WAIT);
        StepVerifier.create(client.videos().listModels())
            .assertNext((models) -> assertThat(models.data()).isNotEmpty())
            .expectComplete()
            .verify(WAIT);
    }

    @Test
    void contentBodyStreamsEveryByte() {
        String id = completedJob();

        StepVerifier.create(client.getVideoContent(id).flatMap((content) -> {
                assertThat(content.contentType()).isEqualTo("video/mp4");
                assertThat(content.contentLength()).hasValue(simulator.contentSize());
                return content.body().map(ReactiveVideoClientTests::sizeAndRelease).reduce(0L, Long::sum);
            }))
            .expectNext(simulator.contentSize())
            .expectComplete()
            .verify(WAIT);
    }

    @Test
    void downloadToFile(@TempDir Path directory) throws IOException {
        String id = completedJob();
        Path target = directory.resolve("out.mp4");

        StepVerifier.create(client.videos().download(id, target))
            .expectNext(target.toAbsolutePath())
            .expectComplete()
            .verify(WAIT);
        assertThat(Files.size(target)).isEqualTo(simulator.contentSize());
    }

    @Test
    void downloadUrlCancelAndDelete() {
        String id = completedJob();

        StepVerifier.create(client.getVideoDownloadUrl(id, DownloadUrlOptions.ttl(Duration.ofMinutes(30))))
            .assertNext((link) -> assertThat(link.expiresAt()).isEqualTo(simulator.clock().now().plusSeconds(1800)))
            .expectComplete()
            .verify(WAIT);
        StepVerifier.create(client.videos().cancel(id))
            .expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(VideoCancellationUnsupportedException.class))
            .verify(WAIT);
        StepVerifier.create(client.deleteVideo(id))
            .assertNext((deleted) -> assertThat(deleted.deleted()).isTrue())
            .expectComplete()
            .verify(WAIT);
    }

    @Test
    void errorsAreSignalledNotThrown() {
        Mono<VideoJob> missing = client.getVideo("G-01KDVDGQGGQ7M3R8X2VN5T9HBX");
        StepVerifier.create(missing)
            .expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(NotFoundException.class,
                (notFound) -> assertThat(notFound.reason()).isEqualTo("video_not_found_or_not_owned")))
            .verify(WAIT);

        ReactiveVideoClient keyless = client.withSettings((settings) -> settings.apiKey(null));
        Mono<VideoJob> call = keyless.getVideo("G-1");
        StepVerifier.create(call).expectError(AiStatsConfigurationException.class).verify(WAIT);
    }

    private static String completedJob() {
        VideoJob job = client.generateVideo(VideoGenerationRequest.of("A fox in the snow")).block(WAIT);
        assertThat(job).isNotNull();
        simulator.jobs().complete(job.id());
        return job.id();
    }

    private static long sizeAndRelease(DataBuffer buffer) {
        long size = buffer.readableByteCount();
        DataBufferUtils.release(buffer);
        return size;
    }
}
