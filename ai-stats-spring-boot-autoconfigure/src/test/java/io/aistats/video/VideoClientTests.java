package io.aistats.video;

import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.test.RecordedRequest;
import io.aistats.video.error.NotFoundException;
import io.aistats.video.error.VideoCancellationUnsupportedException;
import io.aistats.video.error.VideoDeletedException;
import io.aistats.video.error.VideoRequestValidationException;
import io.aistats.video.model.DownloadDisposition;
import io.aistats.video.model.DownloadUrlOptions;
import io.aistats.video.model.ListOrder;
import io.aistats.video.model.OutputAccess;
import io.aistats.video.model.SignedDownloadUrl;
import io.aistats.video.model.VideoDeleted;
import io.aistats.video.model.VideoGenerationRequest;
import io.aistats.video.model.VideoJob;
import io.aistats.video.model.VideoListParams;
import io.aistats.video.model.VideoModelList;
import io.aistats.video.model.VideoPage;
import io.aistats.video.model.VideoStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every operation of the blocking client against the gateway simulator, over real sockets.
 */
class VideoClientTests extends AbstractSimulatorClientTests {

    @Test
    void generateVideoReturnsTheQueuedJobAndSendsTheClientHeaders() {
        VideoJob job = client.generateVideo(VideoGenerationRequest.builder()
            .model("openai/sora-2").prompt("A paper boat drifting down a rain-soaked street").seconds("8").build());

        assertThat(job.id()).startsWith("G-");
        assertThat(job.status()).isEqualTo(VideoStatus.QUEUED);
        assertThat(simulator.jobs().get(job.id()).prompt()).isEqualTo("A paper boat drifting down a rain-soaked street");
        RecordedRequest create = lastRequest("POST", "/v1/videos");
        // the simulator records the key with its secret part masked
        String keyPrefix = simulator.apiKey().substring(0, simulator.apiKey().lastIndexOf('_'));
        assertThat(create.header("Authorization")).hasValueSatisfying(
            (value) -> assertThat(value).startsWith("Bearer " + keyPrefix + "_"));
        assertThat(create.header("X-Phaseo-Client")).hasValue("ai-stats-java");
        assertThat(create.header("X-Phaseo-Client-Version")).hasValueSatisfying((v) -> assertThat(v).isNotBlank());
        assertThat(create.header("Content-Type")).hasValueSatisfying((v) -> assertThat(v).startsWith("application/json"));
        assertThat(create.header("Idempotency-Key")).isEmpty();
        assertThat(create.bodyAsString()).contains("\"model\":\"openai/sora-2\"", "\"seconds\":\"8\"")
            .doesNotContain("null");
    }

    @Test
    void generateVideoFillsInTheConfiguredDefaults() {
        VideoClient withDefaults = client.withSettings((settings) -> settings.defaultModel("google/veo-3.1-lite")
            .defaultOutputAccess(OutputAccess.SIGNED_URL));
        VideoJob job = withDefaults.generateVideo(VideoGenerationRequest.of("A lighthouse at dawn"));

        assertThat(lastRequest("POST", "/v1/videos").bodyAsString())
            .contains("\"model\":\"google/veo-3.1-lite\"", "\"access\":\"signed_url\"");
        assertThat(simulator.jobs().get(job.id()).model()).isEqualTo("google/veo-3.1-lite");
        assertThat(simulator.jobs().get(job.id()).outputAccess()).isEqualTo("signed_url");

        VideoJob explicit = withDefaults.generateVideo(VideoGenerationRequest.builder().model("openai/sora-2")
            .prompt("A lighthouse at dusk").build());
        assertThat(simulator.jobs().get(explicit.id()).model()).isEqualTo("openai/sora-2");
    }

    @Test
    void getVideoReadsTheJob() {
        String id = SimulatorClients.completedJob(client, simulator);

        VideoJob job = client.getVideo(id);

        assertThat(job.id()).isEqualTo(id);
        assertThat(job.status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(job.isTerminal()).isTrue();
        assertThat(client.videos().get(id)).isEqualTo(job);
    }

    @Test
    void listVideosSendsAnExplicitLimitAndTheFilters() {
        SimulatorClients.completedJob(client, simulator);
        client.generateVideo(VideoGenerationRequest.of("Still queued"));

        VideoPage page = client.listVideos(VideoListParams.limit(1));
        assertThat(page.data()).hasSize(1);
        assertThat(page.hasMore()).isTrue();
        assertThat(lastRequest("GET", "/v1/videos").query()).isEqualTo("limit=1");

        VideoPage completed = client.videos().list(VideoListParams.limit(100)
            .withStatuses(VideoStatus.COMPLETED, VideoStatus.FAILED).withOrder(ListOrder.ASC).withAfter("G-unknown"));
        assertThat(lastRequest("GET", "/v1/videos").query())
            .isEqualTo("limit=100&status=completed,failed&order=asc&after=G-unknown");
        assertThat(completed.data()).isNotEmpty()
            .allSatisfy((job) -> assertThat(job.status()).isEqualTo(VideoStatus.COMPLETED));
    }

    @Test
    void getVideoContentStreamsTheBodyWithItsHeaders() throws IOException {
        String id = SimulatorClients.completedJob(client, simulator);

        try (VideoContent content = client.getVideoContent(id)) {
            assertThat(content.videoId()).isEqualTo(id);
            assertThat(content.contentType()).isEqualTo("video/mp4");
            assertThat(content.contentLength()).hasValue(simulator.contentSize());
            assertThat(content.contentDisposition()).isEmpty();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(content.transferTo(out)).isEqualTo(simulator.contentSize());
            assertThat(out.toByteArray()).isEqualTo(AiStatsGatewaySimulator.sampleVideo());
        }
        RecordedRequest request = lastRequest("GET", "/v1/videos/" + id + "/content");
        assertThat(request.header("Accept")).hasValue("*/*");
        assertThat(request.header("Range")).isEmpty();
    }

    @Test
    void contentClosedEarlyReleasesTheConnection() throws IOException {
        String id = SimulatorClients.completedJob(client, simulator);
        simulator.contentSize(32L * 1024 * 1024);
        try {
            try (VideoContent content = client.getVideoContent(id)) {
                byte[] head = content.inputStream().readNBytes(1024);
                assertThat(head).hasSize(1024);
            }
            assertThat(client.getVideo(id).id()).isEqualTo(id);
        }
        finally {
            simulator.contentSize(AiStatsGatewaySimulator.sampleVideo().length);
        }
    }

    @Test
    void downloadVideoContentWritesTheFile(@TempDir Path directory) throws IOException {
        String id = SimulatorClients.completedJob(client, simulator);
        Path target = directory.resolve("nested").resolve("video.mp4");

        assertThat(client.downloadVideoContent(id, target)).isEqualTo(target.toAbsolutePath());

        assertThat(Files.readAllBytes(target)).isEqualTo(AiStatsGatewaySimulator.sampleVideo());
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void getVideoDownloadUrlSendsTheOptionsAndReturnsAWorkingLink() throws IOException {
        String id = SimulatorClients.completedJob(client, simulator);

        SignedDownloadUrl link = client.getVideoDownloadUrl(id, DownloadUrlOptions
            .ttl(Duration.ofMinutes(2)).withDisposition(DownloadDisposition.INLINE));

        assertThat(lastRequest("POST", "/v1/videos/" + id + "/download_url").bodyAsString())
            .isEqualTo("{\"ttl_seconds\":120,\"disposition\":\"inline\"}");
        assertThat(link.url().toString()).startsWith(simulator.baseUrl() + "/videos/" + id + "/content?")
            .contains("download_token=", "download_sig=", "expires_at=");
        assertThat(link.expiresAt()).isEqualTo(simulator.clock().now().plusSeconds(120));
        assertThat(link.isExpired(Instant.EPOCH)).isFalse();

        SignedDownloadUrl defaults = client.videos().downloadUrl(id);
        assertThat(lastRequest("POST", "/v1/videos/" + id + "/download_url").bodyAsString()).isEqualTo("{}");
        assertThat(defaults.expiresAt()).isEqualTo(simulator.clock().now().plusSeconds(900));
    }

    @Test
    void cancelVideoIsATypedNotImplementedSentOnce() {
        String id = client.generateVideo(VideoGenerationRequest.of("Never cancelled")).id();
        long before = simulator.requestCount("POST", "/v1/videos/" + id + "/cancel");

        assertThatThrownBy(() -> client.cancelVideo(id))
            .isInstanceOfSatisfying(VideoCancellationUnsupportedException.class, (ex) -> {
                assertThat(ex.statusCode()).isEqualTo(501);
                assertThat(ex.code()).isEqualTo("not_implemented_yet");
                assertThat(ex.reason()).isEqualTo("video_cancellation_disabled");
                assertThat(ex.requestId()).startsWith("G-");
                assertThat(ex.videoId()).isEqualTo(id);
            });
        assertThat(simulator.requestCount("POST", "/v1/videos/" + id + "/cancel")).isEqualTo(before + 1);
    }

    @Test
    void deleteVideoTombstonesTheJob() {
        String id = SimulatorClients.completedJob(client, simulator);

        VideoDeleted deleted = client.deleteVideo(id);

        assertThat(deleted.id()).isEqualTo(id);
        assertThat(deleted.object()).isEqualTo("video.deleted");
        assertThat(deleted.deleted()).isTrue();
        assertThatThrownBy(() -> client.getVideo(id)).isInstanceOfSatisfying(VideoDeletedException.class,
            (ex) -> assertThat(ex.reason()).isEqualTo("video_deleted"));
        assertThat(client.videos().delete(id).deleted()).isTrue();
    }

    @Test
    void listVideoModelsReadsTheCatalogue() {
        VideoModelList models = client.listVideoModels();

        assertThat(models.data()).isNotEmpty();
        assertThat(models.data()).extracting((model) -> model.model()).contains("openai/sora-2");
        assertThat(lastRequest("GET", "/v1/videos/models").header("Accept")).hasValue("application/json");
    }

    @Test
    void videoIdsArePathEncodedNeverSpliced() {
        long before = simulator.requests().size();
        assertThatThrownBy(() -> client.getVideo("models/../G-1?x=1"))
            .isInstanceOf(VideoRequestValidationException.class);
        assertThat(simulator.requests()).as("refused before sending").hasSize((int) before);
        assertThatThrownBy(() -> client.getVideo("models; G-1 %3F x=1"))
            .isInstanceOf(NotFoundException.class);
        RecordedRequest request = lastRequest("GET", "/v1/videos/");
        assertThat(request.path()).isEqualTo("/v1/videos/models; G-1 %3F x=1");
        assertThat(request.query()).isEmpty();
    }

    @Test
    void blankIdsAreRefusedBeforeSending() {
        long before = simulator.requests().size();
        assertThatThrownBy(() -> client.getVideo(" ")).isInstanceOfSatisfying(VideoRequestValidationException.class,
            (ex) -> assertThat(ex.field()).isEqualTo("video_id"));
        assertThatThrownBy(() -> client.deleteVideo("")).isInstanceOf(VideoRequestValidationException.class);
        assertThat(simulator.requests()).hasSize((int) before);
    }

    @Test
    void withSettingsDerivesAClientAndLeavesThisOneUnchanged() {
        VideoClient other = client.withSettings((settings) -> settings.maxRetries(0));
        assertThat(other.reactive().settings().maxRetries()).isZero();
        assertThat(client.reactive().settings().maxRetries()).isEqualTo(2);
        assertThat(other.listVideoModels().data()).isNotEmpty();
    }

    private static RecordedRequest lastRequest(String method, String path) {
        List<RecordedRequest> matching = simulator.requests().stream()
            .filter((request) -> request.method().equals(method) && request.path().startsWith(path))
            .toList();
        assertThat(matching).as("requests %s %s", method, path).isNotEmpty();
        return matching.get(matching.size() - 1);
    }
}
