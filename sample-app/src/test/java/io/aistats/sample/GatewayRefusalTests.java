package io.aistats.sample;

import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.test.AutoConfigureAiStatsSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the page's API shows the client's and the gateway's refusals, on a simulator whose clock stands still (jobs stay
 * queued until a test moves them), so that every refusal is deterministic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sample.events.max-subscribers=2")
@AutoConfigureAiStatsSimulator(manualClock = true)
class GatewayRefusalTests {

    @LocalServerPort
    private int port;

    @Autowired
    private AiStatsGatewaySimulator gateway;

    private SampleHttp http;

    @BeforeEach
    void setUp() {
        this.http = new SampleHttp(this.port);
    }

    @Test
    void anInvalidRequestIsRefusedBeforeAnythingIsSentNamingTheField() {
        long creates = this.gateway.requestCount("POST", "/v1/videos");

        SampleHttp.Response refused = this.http.post("/api/jobs", Map.of("prompt", "  ", "model", "openai/sora-2"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("kind").asString()).isEqualTo("client_validation");
        assertThat(refused.body().get("field").asString()).isEqualTo("prompt");
        assertThat(refused.body().get("detail").asString()).contains("prompt is required");
        assertThat(this.gateway.requestCount("POST", "/v1/videos")).isEqualTo(creates);
    }

    @Test
    void anOutOfRangeDurationIsRefusedNamingTheField() {
        SampleHttp.Response refused = this.http.post("/api/jobs", Map.of("prompt", "a calm ocean", "duration", 121));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("field").asString()).isEqualTo("duration");
    }

    @Test
    void deletingARunningJobShowsTheGatewaysValidationError() {
        String id = create("a running job");

        SampleHttp.Response refused = this.http.delete("/api/jobs/" + id);

        assertThat(refused.status()).isEqualTo(400);
        JsonNode problem = refused.body();
        assertThat(problem.get("kind").asString()).isEqualTo("gateway_validation");
        assertThat(problem.get("title").asString()).isEqualTo("The gateway refused the request");
        assertThat(problem.get("gatewayStatus").asInt()).isEqualTo(400);
        assertThat(problem.get("code").asString()).isEqualTo("validation_error");
        assertThat(problem.get("reason").asString()).isEqualTo("video_delete_requires_terminal_status");
        assertThat(problem.get("details").isArray()).isTrue();
        assertThat(this.gateway.jobs().get(id).deleted()).isFalse();
    }

    @Test
    void cancellingShowsTheGatewaysRefusal() {
        String id = create("a job to cancel");

        SampleHttp.Response refused = this.http.post("/api/jobs/" + id + "/cancel");

        assertThat(refused.status()).isEqualTo(501);
        JsonNode problem = refused.body();
        assertThat(problem.get("kind").asString()).isEqualTo("cancel_unsupported");
        assertThat(problem.get("gatewayStatus").asInt()).isEqualTo(501);
        assertThat(problem.get("reason").asString()).isEqualTo("video_cancellation_disabled");
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(this.gateway.jobs().get(id).isTerminal()).isFalse();
    }

    @Test
    void aCompletedJobIsDeletedAndDisappearsFromTheList() {
        String id = create("a job to delete");
        this.gateway.jobs().complete(id);

        assertThat(this.http.delete("/api/jobs/" + id).status()).isEqualTo(204);

        assertThat(this.gateway.jobs().get(id).deleted()).isTrue();
        // the gateway keeps listing deleted jobs; the page does not
        assertThat(this.http.get("/api/jobs").body()).extracting((job) -> job.get("id").asString())
            .doesNotContain(id);
        SampleHttp.Response gone = this.http.get("/api/jobs/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body().get("reason").asString()).isEqualTo("video_deleted");
        assertThat(this.http.bytes("/api/jobs/" + id + "/content").statusCode()).isEqualTo(404);
    }

    @Test
    void theVideoOfAJobStillRunningIsNotReady() {
        String id = create("a job not ready");

        SampleHttp.Response notReady = this.http.get("/api/jobs/" + id + "/content");

        assertThat(notReady.status()).isEqualTo(409);
        assertThat(notReady.body().get("reason").asString()).isEqualTo("video_not_ready");
    }

    @Test
    void theNumberOfListeningPagesIsBoundedTheOldestMakesWay() throws Exception {
        try (SseRecorder first = this.http.events(); SseRecorder second = this.http.events()) {
            assertThat(first.ended()).isNotDone();
            try (SseRecorder third = this.http.events()) {
                first.ended().get(10, TimeUnit.SECONDS);
                assertThat(second.ended()).isNotDone();
                assertThat(third.ended()).isNotDone();
                String id = create("seen by the listening pages");
                assertThat(third.await((update) -> update.at("/job/id").asString().equals(id), Duration.ofSeconds(10))
                    .get("type").asString()).isEqualTo("video.created");
            }
        }
    }

    private String create(String prompt) {
        SampleHttp.Response created = this.http.post("/api/jobs", Map.of("prompt", prompt, "model", "openai/sora-2"));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }
}
