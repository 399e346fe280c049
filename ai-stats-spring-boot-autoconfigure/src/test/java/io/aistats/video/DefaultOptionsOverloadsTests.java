package io.aistats.video;

import io.aistats.video.model.DownloadUrlOptions;
import io.aistats.video.model.VideoJobStream;
import io.aistats.video.model.VideoJobUpdate;
import io.aistats.video.model.VideoListParams;
import io.aistats.video.model.WebSocketUrlOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overloads without options (as the TypeScript SDK's optional arguments) send exactly what their full forms send
 * with the default options, on the blocking and the reactive client and on both {@code videos()} views, over real
 * sockets to the gateway simulator.
 */
class DefaultOptionsOverloadsTests extends AbstractSimulatorClientTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static ReactiveVideoClient reactive;

    private static String videoId;

    @BeforeAll
    static void createCompletedJob() {
        reactive = client.reactive();
        videoId = SimulatorClients.completedJob(client, simulator);
    }

    @Test
    void listVideosSendsTheDefaultPageSizeOnly() {
        List<String> full = sentBy(() -> client.listVideos(VideoListParams.defaults()));
        assertThat(full).containsExactly("GET /v1/videos?limit=20 ");

        assertThat(sentBy(() -> client.listVideos())).isEqualTo(full);
        assertThat(sentBy(() -> client.videos().list())).isEqualTo(full);
        assertThat(sentBy(() -> reactive.listVideos().block(WAIT))).isEqualTo(full);
        assertThat(sentBy(() -> reactive.videos().list().block(WAIT))).isEqualTo(full);
        assertThat(client.listVideos().data()).extracting("id").containsExactly(videoId);
    }

    @Test
    void listAllVideosSendsTheDefaultPageSizeOnly() {
        List<String> full = sentBy(() -> drain(client.listAllVideos(VideoListParams.defaults())));
        assertThat(full).containsExactly("GET /v1/videos?limit=20 ");

        assertThat(sentBy(() -> drain(client.listAllVideos()))).isEqualTo(full);
        assertThat(sentBy(() -> drain(client.videos().listAll()))).isEqualTo(full);
        assertThat(sentBy(() -> reactive.listAllVideos().collectList().block(WAIT))).isEqualTo(full);
        assertThat(sentBy(() -> reactive.videos().listAll().collectList().block(WAIT))).isEqualTo(full);
    }

    @Test
    void getVideoDownloadUrlSendsNoOption() {
        List<String> full = sentBy(() -> client.getVideoDownloadUrl(videoId, DownloadUrlOptions.defaults()));
        assertThat(full).containsExactly("POST /v1/videos/" + videoId + "/download_url? {}");

        assertThat(sentBy(() -> client.getVideoDownloadUrl(videoId))).isEqualTo(full);
        assertThat(sentBy(() -> client.videos().downloadUrl(videoId))).isEqualTo(full);
        assertThat(sentBy(() -> reactive.getVideoDownloadUrl(videoId).block(WAIT))).isEqualTo(full);
        assertThat(sentBy(() -> reactive.videos().downloadUrl(videoId).block(WAIT))).isEqualTo(full);
        assertThat(client.getVideoDownloadUrl(videoId).url().toString())
            .contains("/v1/videos/" + videoId + "/content?");
    }

    @Test
    void getAsyncJobWebSocketUrlHasNoQueryAndSendsNothing() {
        URI full = client.getAsyncJobWebSocketUrl("video", videoId, WebSocketUrlOptions.defaults());
        assertThat(full).hasToString("ws://127.0.0.1:" + simulator.port() + "/v1/async/video/" + videoId + "/ws");

        List<URI> overloads = new ArrayList<>();
        List<String> sent = sentBy(() -> {
            overloads.add(client.getAsyncJobWebSocketUrl("video", videoId));
            overloads.add(client.videos().websocketUrl(videoId));
            overloads.add(reactive.getAsyncJobWebSocketUrl("video", videoId));
            overloads.add(reactive.videos().websocketUrl(videoId));
        });
        assertThat(overloads).containsOnly(full).hasSize(4);
        assertThat(sent).isEmpty();
    }

    @Test
    void streamVideoOpensTheStreamWithoutQueryOptions() {
        List<String> full = sentBy(() -> reactive.streamVideo(videoId, WebSocketUrlOptions.defaults()).blockLast(WAIT));
        assertThat(full).containsExactly("GET /v1/async/video/" + videoId + "/ws? ");

        assertThat(sentBy(() -> reactive.streamVideo(videoId).blockLast(WAIT))).isEqualTo(full);
        assertThat(sentBy(() -> drain(client.streamVideo(videoId, WebSocketUrlOptions.defaults())))).isEqualTo(full);
        List<VideoJobUpdate> updates = new ArrayList<>();
        assertThat(sentBy(() -> updates.addAll(drain(client.streamVideo(videoId))))).isEqualTo(full);
        assertThat(updates).singleElement().satisfies((update) -> {
            assertThat(update.type()).isEqualTo(VideoJobUpdate.Type.SNAPSHOT);
            assertThat(update.isFinal()).isTrue();
        });
    }

    /** The requests {@code call} made, as "METHOD path?query body", in order. */
    private static List<String> sentBy(Runnable call) {
        simulator.clearRequests();
        call.run();
        return simulator.requests().stream()
            .map((request) -> request.method() + " " + request.path() + "?" + request.query() + " "
                    + request.bodyAsString())
            .toList();
    }

    private static void drain(Stream<?> stream) {
        try (stream) {
            stream.forEach((item) -> { });
        }
    }

    private static List<VideoJobUpdate> drain(VideoJobStream stream) {
        List<VideoJobUpdate> updates = new ArrayList<>();
        try (stream) {
            stream.forEachRemaining(updates::add);
        }
        return updates;
    }
}
