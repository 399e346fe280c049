package io.aistats.video;

import io.aistats.video.error.VideoRequestValidationException;
import io.aistats.video.model.WebSocketUrlOptions;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Lifecycle stream URLs are built from the base URL as the contract describes (no network involved).
 */
class WebSocketUrlTests {

    private static VideoClient client(String baseUrl) {
        return VideoClient.create(ReactiveVideoClient.create(WebClient.builder(),
            VideoClientSettings.builder().baseUrl(baseUrl).build()));
    }

    @Test
    void httpsBecomesWssWithoutOptions() {
        URI url = client("https://api.phaseo.app/v1").getAsyncJobWebSocketUrl("video",
            "G-01KDVDGQGGQ7M3R8X2VN5T9HBC", WebSocketUrlOptions.defaults());
        assertThat(url).hasToString("wss://api.phaseo.app/v1/async/video/G-01KDVDGQGGQ7M3R8X2VN5T9HBC/ws");
    }

    @Test
    void httpBecomesWsAndKeepsThePort() {
        URI url = client("http://127.0.0.1:8123/v1/").videos().websocketUrl("G-1");
        assertThat(url).hasToString("ws://127.0.0.1:8123/v1/async/video/G-1/ws");
    }

    @Test
    void optionsBecomeQueryParametersOnlyWhenSet() {
        VideoClient client = client("https://api.phaseo.app/v1");
        assertThat(client.videos().websocketUrl("G-1", WebSocketUrlOptions
                .interval(Duration.ofSeconds(5)).withCloseOnTerminal(false)))
            .hasToString("wss://api.phaseo.app/v1/async/video/G-1/ws?interval_ms=5000&close_on_terminal=false");
        assertThat(client.videos().websocketUrl("G-1", WebSocketUrlOptions.closeOnTerminal(true)))
            .hasToString("wss://api.phaseo.app/v1/async/video/G-1/ws?close_on_terminal=true");
        assertThat(client.videos().websocketUrl("G-1", WebSocketUrlOptions.interval(Duration.ofMillis(1500))))
            .hasToString("wss://api.phaseo.app/v1/async/video/G-1/ws?interval_ms=1500");
    }

    @Test
    void idsAreEncodedAsOnePathSegment() {
        URI url = client("https://api.phaseo.app/v1").getAsyncJobWebSocketUrl("video", "G-1;..%x y&z=w",
            WebSocketUrlOptions.defaults());
        assertThat(url).hasToString("wss://api.phaseo.app/v1/async/video/G-1;..%25x%20y&z=w/ws");
        assertThat(url.getRawPath()).endsWith("/ws");
        assertThat(url.getQuery()).isNull();
    }

    @Test
    void idsThatWouldChangeTheUrlAreRefused() {
        VideoClient client = client("https://api.phaseo.app/v1");
        assertThatThrownBy(() -> client.getAsyncJobWebSocketUrl("video", "G-1/../x y?z#w",
                WebSocketUrlOptions.defaults()))
            .isInstanceOf(VideoRequestValidationException.class)
            .satisfies((ex) -> assertThat(((VideoRequestValidationException) ex).field()).isEqualTo("id"));
    }

    @Test
    void kindAndIdMustNotBeBlank() {
        VideoClient client = client("https://api.phaseo.app/v1");
        assertThatThrownBy(() -> client.getAsyncJobWebSocketUrl(" ", "G-1", WebSocketUrlOptions.defaults()))
            .isInstanceOf(VideoRequestValidationException.class)
            .satisfies((ex) -> assertThat(((VideoRequestValidationException) ex).field()).isEqualTo("kind"));
        assertThatThrownBy(() -> client.videos().websocketUrl(""))
            .isInstanceOf(VideoRequestValidationException.class)
            .satisfies((ex) -> assertThat(((VideoRequestValidationException) ex).field()).isEqualTo("id"));
    }
}
