package io.aistats.video;

import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.test.AiStatsSimulatorExtension;
import io.aistats.video.ReactiveVideoClient.Options;
import io.aistats.video.error.NotFoundException;
import io.aistats.video.error.VideoRequestValidationException;
import io.aistats.video.model.DownloadUrlOptions;
import io.aistats.video.model.VideoGenerationRequest;
import io.aistats.video.model.VideoJob;
import io.aistats.video.model.VideoListParams;
import io.aistats.video.model.WebSocketUrlOptions;
import io.aistats.video.observation.DefaultVideoOperationObservationConvention;
import io.aistats.video.observation.VideoOperationObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.WebClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code aistats.video.operation} observations of the client, and the {@code http.client.requests} observations
 * of the WebClient below them, against the gateway simulator.
 */
class VideoClientObservationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static final String OPERATION = DefaultVideoOperationObservationConvention.NAME;

    @RegisterExtension
    static final AiStatsSimulatorExtension gateway =
            AiStatsSimulatorExtension.of(AiStatsGatewaySimulator.Builder::manualClock);

    private static AiStatsGatewaySimulator simulator;

    private final TestObservationRegistry registry = TestObservationRegistry.create();

    @BeforeAll
    static void startSimulator() {
        simulator = gateway.simulator();
    }

    @Test
    void recordsAnOperationAndItsHttpExchangeTaggedWithTheRouteNotTheId() {
        VideoClient client = observedClient();
        String videoId = client.generateVideo(VideoGenerationRequest.of("A lighthouse at dusk")).id();
        this.registry.clear();

        client.getVideo(videoId);

        assertThat(this.registry).hasNumberOfObservationsEqualTo(2)
            .hasObservationWithNameEqualTo(OPERATION)
            .that()
            .hasContextualNameEqualTo("video get")
            .hasLowCardinalityKeyValue("operation", "get")
            .hasLowCardinalityKeyValue("outcome", "success")
            .hasLowCardinalityKeyValue("error.type", "none")
            .doesNotHaveHighCardinalityKeyValueWithKey("video.id")
            .hasBeenStarted()
            .hasBeenStopped();
        assertThat(this.registry).hasObservationWithNameEqualTo("http.client.requests")
            .that()
            .hasLowCardinalityKeyValue("method", "GET")
            .hasLowCardinalityKeyValue("uri", "/v1/videos/{id}")
            .hasLowCardinalityKeyValue("status", "200")
            .hasLowCardinalityKeyValue("outcome", "SUCCESS")
            .hasParentObservationContextMatching((parent) -> parent instanceof VideoOperationObservationContext);
        List<Observation.Context> contexts = handledContexts();
        assertThat(contexts).allSatisfy((context) -> assertThat(context.getLowCardinalityKeyValues().stream()
            .map((keyValue) -> keyValue.getValue())).noneMatch((value) -> value.contains(videoId)));
        assertThat(contexts).filteredOn(VideoOperationObservationContext.class::isInstance)
            .singleElement()
            .satisfies((context) -> assertThat(((VideoOperationObservationContext) context).getVideoId())
                .isEqualTo(videoId));
    }

    @Test
    void tagsEveryRouteWithItsTemplate() {
        VideoClient client = observedClient();
        String videoId = client.generateVideo(VideoGenerationRequest.of("A kite over a beach")).id();
        simulator.jobs().complete(videoId);
        client.listVideos(VideoListParams.defaults());
        client.getVideoDownloadUrl(videoId, DownloadUrlOptions.defaults());
        client.listVideoModels();
        client.deleteVideo(videoId);

        assertThat(handledContexts().stream()
            .filter(ClientRequestObservationContext.class::isInstance)
            .map((context) -> context.getLowCardinalityKeyValue("method").getValue() + " "
                    + context.getLowCardinalityKeyValue("uri").getValue()))
            .containsExactlyInAnyOrder("POST /v1/videos", "GET /v1/videos", "POST /v1/videos/{id}/download_url",
                    "GET /v1/videos/models", "DELETE /v1/videos/{id}");
        assertThat(operations()).containsExactlyInAnyOrder("generate", "list", "download_url", "models", "delete");
    }

    @Test
    void recordsAFailedOperationWithItsErrorType() {
        VideoClient client = observedClient();

        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> client.getVideo("G-does-not-exist"));

        assertThat(this.registry).hasObservationWithNameEqualTo(OPERATION)
            .that()
            .hasLowCardinalityKeyValue("operation", "get")
            .hasLowCardinalityKeyValue("outcome", "error")
            .hasLowCardinalityKeyValue("error.type", "NotFoundException")
            .assertThatError()
            .isInstanceOf(NotFoundException.class);
        assertThat(this.registry).hasObservationWithNameEqualTo("http.client.requests")
            .that()
            .hasLowCardinalityKeyValue("uri", "/v1/videos/{id}")
            .hasLowCardinalityKeyValue("status", "404")
            .hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR");
    }

    @Test
    void recordsARequestRefusedBeforeSendingAsAnError() {
        VideoClient client = observedClient();

        assertThatExceptionOfType(VideoRequestValidationException.class).isThrownBy(() -> client.cancelVideo(" "));

        assertThat(this.registry).hasNumberOfObservationsEqualTo(1)
            .hasSingleObservationThat()
            .hasLowCardinalityKeyValue("operation", "cancel")
            .hasLowCardinalityKeyValue("outcome", "error")
            .hasLowCardinalityKeyValue("error.type", "VideoRequestValidationException");
    }

    @Test
    void recordsADownloadWithTheContentRequestAsItsChild(@TempDir Path directory) throws Exception {
        VideoClient client = observedClient();
        String videoId = client.generateVideo(VideoGenerationRequest.of("Rain on a window")).id();
        simulator.jobs().complete(videoId);
        this.registry.clear();

        Path file = client.downloadVideoContent(videoId, directory.resolve("video.mp4"));

        assertThat(Files.size(file)).isPositive();
        assertThat(operations()).containsExactlyInAnyOrder("content", "download");
        assertThat(this.registry).hasAnObservation((observation) -> observation.hasNameEqualTo(OPERATION)
            .hasLowCardinalityKeyValue("operation", "content")
            .hasParentObservationContextMatching((parent) -> parent instanceof VideoOperationObservationContext
                    && ((VideoOperationObservationContext) parent).getOperation().value().equals("download")));
        assertThat(this.registry).hasObservationWithNameEqualTo("http.client.requests")
            .that()
            .hasLowCardinalityKeyValue("uri", "/v1/videos/{id}/content");
    }

    @Test
    void recordsAStreamThatTheConsumerStopsFollowingAsCancelled() {
        ReactiveVideoClient client = observedReactiveClient();
        String videoId = client.generateVideo(VideoGenerationRequest.of("A slow river")).block(WAIT).id();
        this.registry.clear();
        List<?> updates = client.streamVideo(videoId, WebSocketUrlOptions.defaults()).take(1).collectList().block(WAIT);

        assertThat(updates).hasSize(1);

        assertThat(this.registry).hasObservationWithNameEqualTo(OPERATION)
            .that()
            .hasLowCardinalityKeyValue("operation", "stream")
            .hasLowCardinalityKeyValue("outcome", "cancelled")
            .hasLowCardinalityKeyValue("error.type", "none");
    }

    @Test
    void recordsAwaitingACompletedJob() {
        VideoClient client = observedClient();
        String videoId = client.generateVideo(VideoGenerationRequest.of("A paper plane")).id();
        simulator.jobs().complete(videoId);
        this.registry.clear();

        VideoJob job = client.awaitCompletion(videoId, Duration.ofSeconds(10));

        assertThat(job.isTerminal()).isTrue();
        assertThat(this.registry).hasObservationWithNameEqualTo(OPERATION)
            .that()
            .hasLowCardinalityKeyValue("operation", "await")
            .hasLowCardinalityKeyValue("outcome", "success");
    }

    @Test
    void usesACustomConventionAndKeepsItInDerivedClients() {
        ReactiveVideoClient reactive = ReactiveVideoClient.create(WebClient::builder,
                SimulatorClients.settings(simulator).build(), Options.defaults().withObservations(this.registry,
                        new DefaultVideoOperationObservationConvention() {
                            @Override
                            public String getName() {
                                return "custom.video.operation";
                            }
                        }));
        ReactiveVideoClient derived = reactive.withSettings((settings) -> settings.maxRetries(0));

        derived.listVideoModels().block(WAIT);

        assertThat(this.registry).hasSingleObservationThat()
            .hasNameEqualTo("custom.video.operation")
            .hasLowCardinalityKeyValue("operation", "models");
    }

    @Test
    void recordsNothingAndStillWorksWithoutARegistry() {
        ReactiveVideoClient client = ReactiveVideoClient.create(WebClient.builder(),
                SimulatorClients.settings(simulator).build());
        ReactiveVideoClient noop = ReactiveVideoClient.create(WebClient::builder,
                SimulatorClients.settings(simulator).build(),
                Options.defaults().withObservations(ObservationRegistry.NOOP, null));

        assertThat(client.listVideoModels().block(WAIT).data()).isNotEmpty();
        assertThat(noop.listVideoModels().block(WAIT).data()).isNotEmpty();
        assertThat(this.registry).doesNotHaveAnyObservation();
    }

    private VideoClient observedClient() {
        return VideoClient.create(observedReactiveClient());
    }

    /** Like Spring Boot's: the WebClient builder carries the registry, and so does the video client. */
    private ReactiveVideoClient observedReactiveClient() {
        return ReactiveVideoClient.create(() -> WebClient.builder().observationRegistry(this.registry),
                SimulatorClients.settings(simulator).build(), Options.defaults().withObservations(this.registry, null));
    }

    private List<Observation.Context> handledContexts() {
        List<Observation.Context> contexts = new ArrayList<>();
        assertThat(this.registry).hasHandledContextsThatSatisfy(contexts::addAll);
        return contexts;
    }

    private List<String> operations() {
        return handledContexts().stream()
            .filter(VideoOperationObservationContext.class::isInstance)
            .map((context) -> ((VideoOperationObservationContext) context).getOperation().value())
            .toList();
    }
}
