package io.aistats.video;

import io.aistats.test.RecordedRequest;
import io.aistats.video.error.NotFoundException;
import io.aistats.video.error.VideoRequestValidationException;
import io.aistats.video.model.DownloadUrlOptions;
import io.aistats.video.model.VideoJobStream;
import io.aistats.video.model.WebSocketUrlOptions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Ids that could change the shape of a URL are refused by every operation that takes one, before anything reaches
 * the gateway (here the simulator, over a real socket); other ids travel as exactly one encoded path segment.
 */
class VideoIdRefusalTests extends AbstractSimulatorClientTests {

    private static final List<String> REFUSED = List.of(".", "..", " .. ", "../models", "G-1/content", "G-1\\x",
            "G-1?x=1", "G-1#top", "G-1\u0000", "G-1\nHost: evil", "G-\u007f1", "G-1\u0085", "a/" + "x".repeat(10_000));

    @TempDir
    static Path directory;

    @Test
    void everyOperationRefusesIdsThatCouldChangeTheUrl() throws IOException {
        long before = simulator.requests().size();
        for (String id : REFUSED) {
            operations(id).forEach((operation, call) -> assertThatThrownBy(call).as("%s with %s", operation, id)
                .isInstanceOfSatisfying(VideoRequestValidationException.class, (ex) -> {
                    assertThat(ex.field()).isIn("video_id", "id", "kind");
                    assertThat(ex.getMessage()).as("names the id, shortened")
                        .contains(shown(id))
                        .hasSizeLessThan(300)
                        .doesNotContain("\n", "\u0000");
                }));
        }
        assertThat(simulator.requests()).as("nothing reached the gateway").hasSize((int) before);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).as("no download file was started").isEmpty();
        }
    }

    @Test
    void otherIdsAreSentAsOneEncodedPathSegment() {
        for (String id : List.of("G-1 %41;x", "...", ".x", "G-1:ä")) {
            assertThatThrownBy(() -> client.getVideo(id)).as(id).isInstanceOf(NotFoundException.class);
            RecordedRequest request = last();
            assertThat(request.path()).as(id).isEqualTo("/v1/videos/" + id);
            assertThat(request.query()).isEmpty();
        }
        assertThat(client.getAsyncJobWebSocketUrl("video", "G-1 %41", WebSocketUrlOptions.defaults()).getRawPath())
            .endsWith("/async/video/G-1%20%2541/ws");
    }

    private static Map<String, ThrowingCallable> operations(String id) {
        ReactiveVideoClient reactive = client.reactive();
        Map<String, ThrowingCallable> operations = new LinkedHashMap<>();
        operations.put("getVideo", () -> client.getVideo(id));
        operations.put("videos().get", () -> client.videos().get(id));
        operations.put("getVideoContent", () -> client.getVideoContent(id).close());
        operations.put("downloadVideoContent", () -> client.downloadVideoContent(id, directory.resolve("v.mp4")));
        operations.put("getVideoDownloadUrl", () -> client.getVideoDownloadUrl(id, DownloadUrlOptions.defaults()));
        operations.put("cancelVideo", () -> client.cancelVideo(id));
        operations.put("deleteVideo", () -> client.deleteVideo(id));
        operations.put("getAsyncJobWebSocketUrl", () -> client.getAsyncJobWebSocketUrl("video", id,
                WebSocketUrlOptions.defaults()));
        operations.put("getAsyncJobWebSocketUrl(kind)", () -> client.getAsyncJobWebSocketUrl(id, "G-1",
                WebSocketUrlOptions.defaults()));
        operations.put("streamVideo", () -> {
            try (VideoJobStream stream = client.streamVideo(id, WebSocketUrlOptions.defaults())) {
                stream.hasNext();
            }
        });
        operations.put("awaitCompletion", () -> client.awaitCompletion(id, Duration.ofSeconds(5)));
        operations.put("reactive streamVideo", () -> reactive.streamVideo(id, WebSocketUrlOptions.defaults())
            .blockLast(Duration.ofSeconds(5)));
        operations.put("reactive getVideo", () -> reactive.getVideo(id).block(Duration.ofSeconds(5)));
        return operations;
    }

    private static String shown(String id) {
        String trimmed = id.equals(" .. ") ? ".." : id;
        Function<String, String> escaped = (text) -> text.replace("\u0000", "\\u0000").replace("\n", "\\u000a")
            .replace("\u007f", "\\u007f").replace("\u0085", "\\u0085");
        return "\"" + escaped.apply(trimmed.substring(0, Math.min(64, trimmed.length())));
    }

    private static RecordedRequest last() {
        List<RecordedRequest> requests = simulator.requests();
        return requests.get(requests.size() - 1);
    }
}
