package io.aistats.sample;

import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.test.AutoConfigureAiStatsSimulator;
import io.aistats.test.SimulatedDelivery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's API and its live job updates, against the gateway simulator on its real-time clock (jobs queue for 1 s
 * and process for 3 s). The application registers its own webhook endpoint there, so the updates arrive as signed
 * webhook deliveries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureAiStatsSimulator
class JobApiTests {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    private int port;

    @Autowired
    private AiStatsGatewaySimulator gateway;

    @Autowired
    private JobTracking tracking;

    private SampleHttp http;

    @BeforeEach
    void setUp() {
        this.http = new SampleHttp(this.port);
    }

    @Test
    void eventsArriveByTheWebhookEndpointTheApplicationRegistered() {
        assertThat(this.tracking.byWebhook()).isTrue();
        JsonNode info = this.http.get("/api/info").body();
        assertThat(info.get("gateway").asString()).contains("simulator");
        assertThat(info.get("events").asString()).isEqualTo("webhook");
        assertThat(this.gateway.webhooks().endpoints())
            .anySatisfy((endpoint) -> assertThat(endpoint.url()).isEqualTo(
                    "http://127.0.0.1:" + this.port + "/ai-stats/webhooks"));
    }

    @Test
    void modelsComeFromTheCatalogueWithTheirDurationsAndAudioSupport() {
        SampleHttp.Response models = this.http.get("/api/models");

        assertThat(models.status()).isEqualTo(200);
        JsonNode sora = find(models.body(), "openai/sora-2");
        assertThat(sora.get("name").asString()).isEqualTo("Sora 2");
        assertThat(ints(sora.get("durations"))).containsExactly(4, 8, 12);
        assertThat(sora.get("audio").asBoolean()).isFalse();
        JsonNode veo = find(models.body(), "google/veo-3.1-lite");
        assertThat(ints(veo.get("durations"))).containsExactly(4, 6, 8);
        assertThat(veo.get("audio").asBoolean()).isTrue();
    }

    @Test
    void aCreatedJobIsPushedToThePageUntilItCompletesAndItsVideoStreams() {
        try (SseRecorder events = this.http.events()) {
            assertThat(events.status()).isEqualTo(200);
            assertThat(events.contentType()).startsWith("text/event-stream");

            SampleHttp.Response created = this.http.post("/api/jobs", Map.of("prompt", "a calm ocean at dusk",
                    "model", "openai/sora-2", "duration", 4, "aspectRatio", "16:9", "audio", false));

            assertThat(created.status()).isEqualTo(201);
            String id = created.body().get("id").asString();
            assertThat(id).startsWith("G-");
            assertThat(created.body().get("status").asString()).isEqualTo("queued");
            assertThat(created.body().get("prompt").asString()).isEqualTo("a calm ocean at dusk");
            assertThat(this.gateway.jobs().get(id).seconds()).isEqualTo(4);

            List<JsonNode> seen = new ArrayList<>();
            JsonNode completed = events.await((update) -> {
                if (update.at("/job/id").asString().equals(id)) {
                    seen.add(update);
                    return update.get("type").asString().equals("video.completed");
                }
                return false;
            }, JOB_TIMEOUT);

            assertThat(completed.get("source").asString()).isEqualTo("WEBHOOK");
            assertThat(completed.at("/job/status").asString()).isEqualTo("completed");
            assertThat(completed.at("/job/progress").asInt()).isEqualTo(100);
            assertThat(completed.at("/job/terminal").asBoolean()).isTrue();
            assertThat(seen).extracting((update) -> update.get("type").asString())
                .contains("video.created", "video.status_changed", "video.progress");
            assertThat(seen).filteredOn((update) -> update.get("type").asString().equals("video.progress"))
                .extracting((update) -> update.at("/job/progress").asInt())
                .doesNotHaveDuplicates()
                .allSatisfy((progress) -> assertThat(progress).isBetween(5, 95));
            assertThat(seen).allSatisfy((update) -> assertThat(update.get("source").asString()).isEqualTo("WEBHOOK"));
            assertThat(events.eventNames()).containsOnly(JobEventBroadcaster.EVENT_NAME);
            assertThat(this.gateway.webhooks().deliveries(id)).isNotEmpty()
                .allSatisfy((delivery) -> assertThat(delivery.outcome()).isEqualTo(SimulatedDelivery.DELIVERED));

            HttpResponse<byte[]> video = this.http.bytes("/api/jobs/" + id + "/content");
            assertThat(video.statusCode()).isEqualTo(200);
            assertThat(video.headers().firstValue("Content-Type")).hasValue("video/mp4");
            assertThat(video.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                    (disposition) -> assertThat(disposition).startsWith("inline").contains(id + ".mp4"));
            assertThat(video.body()).isEqualTo(AiStatsGatewaySimulator.sampleVideo());

            HttpResponse<byte[]> download = this.http.bytes("/api/jobs/" + id + "/content?download=true");
            assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                    (disposition) -> assertThat(disposition).startsWith("attachment"));

            JsonNode job = this.http.get("/api/jobs/" + id).body();
            assertThat(job.get("status").asString()).isEqualTo("completed");
            assertThat(this.http.get("/api/jobs").body()).extracting((listed) -> listed.get("id").asString())
                .contains(id);
        }
    }

    @Test
    void aFailedJobIsPushedWithItsFailure() {
        try (SseRecorder events = this.http.events()) {
            Map<String, String> form = Map.of("prompt", "a storm [simulate:fail]", "model", "openai/sora-2");
            String id = this.http.post("/api/jobs", form).body().get("id").asString();

            JsonNode failed = events.await((update) -> update.at("/job/id").asString().equals(id)
                    && update.get("type").asString().equals("video.failed"), JOB_TIMEOUT);

            assertThat(failed.at("/job/status").asString()).isEqualTo("failed");
            assertThat(failed.at("/job/terminal").asBoolean()).isTrue();
            JsonNode job = this.http.get("/api/jobs/" + id).body();
            assertThat(job.get("error").asString()).isNotBlank();
        }
    }

    private static JsonNode find(JsonNode models, String id) {
        for (JsonNode model : models) {
            if (model.get("id").asString().equals(id)) {
                return model;
            }
        }
        throw new AssertionError("No model " + id + " in " + models);
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach((value) -> values.add(value.asInt()));
        return values;
    }
}
