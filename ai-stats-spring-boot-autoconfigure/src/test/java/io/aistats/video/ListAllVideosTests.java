package io.aistats.video;

import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.test.RecordedRequest;
import io.aistats.video.error.AiStatsConfigurationException;
import io.aistats.video.model.ListOrder;
import io.aistats.video.model.VideoGenerationRequest;
import io.aistats.video.model.VideoJob;
import io.aistats.video.model.VideoListParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Auto-paging follows {@code after = last_id} while the gateway reports more, lazily, and never loops.
 */
class ListAllVideosTests {

    private static final int JOBS = 5;

    private static AiStatsGatewaySimulator simulator;

    private static VideoClient client;

    private static List<String> oldestFirst;

    private static List<String> newestFirst;

    @BeforeAll
    static void startSimulator() {
        simulator = AiStatsGatewaySimulator.builder().manualClock().queuedFor(Duration.ofDays(1)).start();
        client = SimulatorClients.blocking(simulator);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            created.add(client.generateVideo(VideoGenerationRequest.of("Job " + i)).id());
            // distinct creation times make the order deterministic
            simulator.clock().advance(Duration.ofSeconds(1));
        }
        oldestFirst = List.copyOf(created);
        List<String> reversed = new ArrayList<>(created);
        Collections.reverse(reversed);
        newestFirst = List.copyOf(reversed);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void forgetRequests() {
        simulator.clearRequests();
    }

    @Test
    void followsTheCursorAcrossPages() {
        try (Stream<VideoJob> jobs = client.listAllVideos(VideoListParams.limit(2))) {
            assertThat(jobs.map(VideoJob::id)).containsExactlyElementsOf(newestFirst);
        }
        List<RecordedRequest> pages = listRequests(2);
        assertThat(pages).extracting(RecordedRequest::query).containsExactly(
            "limit=2",
            "limit=2&after=" + newestFirst.get(1),
            "limit=2&after=" + newestFirst.get(3));
    }

    @Test
    void keepsTheFiltersAndOrderOnEveryPage() {
        StepVerifier.create(client.reactive().videos().listAll(VideoListParams.limit(3)
                .withOrder(ListOrder.ASC).withStatuses("queued")).map(VideoJob::id).collectList())
            .assertNext((ids) -> assertThat(ids).containsExactlyElementsOf(oldestFirst))
            .expectComplete()
            .verify(Duration.ofSeconds(20));
        assertThat(listRequests(3)).extracting(RecordedRequest::query).containsExactly(
            "limit=3&status=queued&order=asc",
            "limit=3&status=queued&order=asc&after=" + oldestFirst.get(2));
    }

    @Test
    void fetchesPagesOnlyAsTheyAreConsumed() {
        try (Stream<VideoJob> jobs = client.videos().listAll(VideoListParams.limit(1))) {
            assertThat(jobs.findFirst()).get().extracting(VideoJob::id).isEqualTo(newestFirst.get(0));
        }
        // five pages exist; the walk runs at most a page or two ahead of the consumer
        assertThat(listRequests(1)).hasSizeBetween(1, 3);
    }

    @Test
    void aCursorTheGatewayDoesNotKnowEndsTheWalkInsteadOfLooping() {
        // the gateway ignores an `after` outside its window and starts again at the top
        WebClient.Builder forgetful = WebClient.builder().filter(ExchangeFilterFunction.ofRequestProcessor(
            (request) -> Mono.just(withUnknownCursor(request))));
        VideoClient looping = VideoClient.create(ReactiveVideoClient.create(forgetful,
            SimulatorClients.settings(simulator).build()));

        try (Stream<VideoJob> jobs = looping.listAllVideos(VideoListParams.limit(2))) {
            assertThat(jobs.map(VideoJob::id)).containsExactly(newestFirst.get(0), newestFirst.get(1));
        }
        assertThat(listRequests(2)).hasSize(2);
    }

    @Test
    void failuresSurfaceWhileIterating() {
        VideoClient keyless = client.withSettings((settings) -> settings.apiKey(null));
        assertThatThrownBy(() -> {
            try (Stream<VideoJob> jobs = keyless.listAllVideos(VideoListParams.defaults())) {
                jobs.forEach((job) -> { });
            }
        }).isInstanceOf(AiStatsConfigurationException.class);
    }

    private static ClientRequest withUnknownCursor(ClientRequest request) {
        String query = request.url().getRawQuery();
        if (query == null || !query.contains("after=")) {
            return request;
        }
        return ClientRequest.from(request).url(UriComponentsBuilder.fromUri(request.url())
            .replaceQueryParam("after", "G-OUTSIDE").build(true).toUri()).build();
    }

    /**
     * The list requests sent with the given page size. Each test uses its own page size because a walk that a test
     * closes early may still have a look-ahead page in flight, which must not count for the next test.
     */
    private static List<RecordedRequest> listRequests(int limit) {
        return simulator.requests().stream()
            .filter((request) -> request.method().equals("GET") && request.path().equals("/v1/videos"))
            .filter((request) -> request.query() != null && request.query().matches("limit=" + limit + "(&.*)?"))
            .toList();
    }
}
