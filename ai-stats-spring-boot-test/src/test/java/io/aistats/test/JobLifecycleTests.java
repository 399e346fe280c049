package io.aistats.test;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Job lifecycles on the simulator clock, steering, prompt markers and transition listeners.
 */
class JobLifecycleTests {

    private static final Instant T0 = Instant.parse("2025-12-31T23:57:30Z");

    private AiStatsGatewaySimulator simulator;

    private GatewayHttp http;

    private final List<JobTransition> transitions = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        this.simulator = AiStatsGatewaySimulator.builder().manualClock(T0).queuedFor(Duration.ofSeconds(10))
                .processingFor(Duration.ofSeconds(100)).start();
        this.simulator.jobs().addTransitionListener(this.transitions::add);
        this.http = new GatewayHttp(this.simulator);
    }

    @AfterEach
    void stop() {
        this.simulator.close();
    }

    private JsonNode job(String id) {
        return this.http.get("/v1/videos/" + id).json();
    }

    @Test
    void openAiJobsGoQueuedInProgressCompleted() {
        String id = this.http.create("{\"model\":\"openai/sora-2\",\"prompt\":\"boat\",\"seconds\":\"8\"}");
        JsonNode queued = job(id);
        assertThat(queued.get("status").stringValue()).isEqualTo("queued");
        assertThat(queued.get("lifecycle_status").stringValue()).isEqualTo("pending");
        assertThat(queued.get("progress").intValue()).isZero();
        assertThat(queued.get("progress_source").stringValue()).isEqualTo("none");

        this.simulator.clock().advance(Duration.ofSeconds(10));
        JsonNode started = job(id);
        assertThat(started.get("status").stringValue()).isEqualTo("in_progress");
        assertThat(started.get("lifecycle_status").stringValue()).isEqualTo("running");
        assertThat(started.get("progress").intValue()).isZero();
        assertThat(started.get("progress_source").stringValue()).isEqualTo("provider");

        this.simulator.clock().advance(Duration.ofSeconds(60));
        JsonNode running = job(id);
        assertThat(running.get("status").stringValue()).isEqualTo("in_progress");
        assertThat(running.get("progress").intValue()).isEqualTo(60);

        this.simulator.clock().advance(Duration.ofSeconds(40));
        JsonNode completed = job(id);
        assertThat(completed.get("status").stringValue()).isEqualTo("completed");
        assertThat(completed.get("progress").intValue()).isEqualTo(100);
        assertThat(completed.get("completed_at").longValue()).isEqualTo(T0.getEpochSecond() + 110);
        assertThat(this.simulator.jobs().get(id).status()).isEqualTo("completed");
    }

    @Test
    void otherProvidersShowProcessing() {
        String id = this.http.create("{\"model\":\"google/veo-3.1-lite\",\"prompt\":\"boat\"}");
        this.simulator.clock().advance(Duration.ofSeconds(50));
        JsonNode running = job(id);
        assertThat(running.get("status").stringValue()).isEqualTo("processing");
        assertThat(running.get("lifecycle_status").stringValue()).isEqualTo("running");
        assertThat(running.get("progress").intValue()).isZero();
        assertThat(running.get("progress_source").stringValue()).isEqualTo("none");
        assertThat(this.simulator.jobs().get(id).status()).isEqualTo("in_progress");
        this.simulator.clock().advance(Duration.ofSeconds(60));
        assertThat(job(id).get("status").stringValue()).isEqualTo("completed");
        assertThat(job(id).get("progress_source").stringValue()).isEqualTo("none");
    }

    @Test
    void transitionsFireOnClockAdvanceWithoutAnyRead() {
        String id = this.http.create("{\"model\":\"google/veo-3.1\",\"prompt\":\"boat\"}");
        this.simulator.clock().advance(Duration.ofSeconds(200));
        assertThat(this.transitions).extracting(t -> t.previousStoredStatus() + ">" + t.newStoredStatus())
                .containsExactly("null>queued", "queued>in_progress", "in_progress>completed");
        assertThat(this.transitions.get(0).isCreation()).isTrue();
        assertThat(this.transitions.get(1).isStatusChange()).isTrue();
        JobTransition last = this.transitions.get(2);
        assertThat(last.job().id()).isEqualTo(id);
        assertThat(last.job().status()).isEqualTo("completed");
        assertThat(last.job().finalizedAt()).hasValue(T0.plusSeconds(200));
    }

    @Test
    void openAiProgressChangesAreTransitionsToo() {
        this.http.create("{\"prompt\":\"boat\"}");
        this.simulator.clock().advance(Duration.ofSeconds(10));
        this.simulator.clock().advance(Duration.ofSeconds(25));
        assertThat(this.transitions).extracting(JobTransition::isProgressChange)
                .containsExactly(false, false, true);
        assertThat(this.transitions.get(2).job().progress()).hasValue(25);
    }

    @Test
    void promptMarkersChooseTheOutcome() {
        String failed = this.http.create("{\"prompt\":\"boat [simulate:fail]\"}");
        String expired = this.http.create("{\"model\":\"google/veo-3.1\",\"prompt\":\"boat [simulate:expire]\"}");
        String cancelled = this.http.create("{\"model\":\"google/veo-3.1\",\"prompt\":\"[SIMULATE:CANCEL] boat\"}");
        this.simulator.clock().advance(Duration.ofSeconds(110));
        JsonNode failedJob = job(failed);
        assertThat(failedJob.get("status").stringValue()).isEqualTo("failed");
        assertThat(failedJob.get("error").get("code").stringValue()).isEqualTo("video_generation_failed");
        assertThat(failedJob.get("error").get("message").stringValue()).isNotBlank();
        assertThat(job(expired).get("status").stringValue()).isEqualTo("expired");
        assertThat(job(expired).has("error")).isFalse();
        assertThat(job(cancelled).get("status").stringValue()).isEqualTo("cancelled");
    }

    @Test
    void testsCanSteerJobs() {
        String completed = this.http.create("{\"prompt\":\"a\"}");
        String failed = this.http.create("{\"model\":\"google/veo-3.1\",\"prompt\":\"b\"}");
        String expired = this.http.create("{\"prompt\":\"c\"}");
        String cancelled = this.http.create("{\"prompt\":\"d\"}");
        String progressing = this.http.create("{\"model\":\"google/veo-3.1\",\"prompt\":\"e\"}");

        assertThat(this.simulator.jobs().complete(completed).status()).isEqualTo("completed");
        assertThat(this.simulator.jobs().fail(failed, "Content policy violation").errorMessage())
                .hasValue("Content policy violation");
        assertThat(this.simulator.jobs().expire(expired).status()).isEqualTo("expired");
        assertThat(this.simulator.jobs().cancelByProvider(cancelled).status()).isEqualTo("cancelled");
        SimulatedJob steered = this.simulator.jobs().progress(progressing, 42);
        assertThat(steered.status()).isEqualTo("in_progress");
        assertThat(steered.progress()).hasValue(42);

        assertThat(job(failed).get("error").stringValue()).isEqualTo("Content policy violation");
        assertThat(job(progressing).get("progress").intValue()).isEqualTo(42);
        assertThat(job(progressing).get("progress_source").stringValue()).isEqualTo("provider");
        assertThat(job(completed).get("status").stringValue()).isEqualTo("completed");
        assertThatThrownBy(() -> this.simulator.jobs().fail(completed, "late"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> this.simulator.jobs().complete("G-UNKNOWN"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> this.simulator.jobs().progress(progressing, 101))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(this.simulator.jobs().all()).extracting(SimulatedJob::id)
                .containsExactly(completed, failed, expired, cancelled, progressing);
    }

    @Test
    void completingAQueuedOpenAiJobPassesThroughInProgress() {
        String id = this.http.create("{\"prompt\":\"a\"}");
        this.transitions.clear();
        this.simulator.jobs().complete(id);
        assertThat(this.transitions).extracting(t -> t.previousStoredStatus() + ">" + t.newStoredStatus())
                .containsExactly("queued>in_progress", "in_progress>completed");
    }

    @Test
    void theRealTimeClockAdvancesJobsWithoutReads() throws InterruptedException {
        try (AiStatsGatewaySimulator realTime = AiStatsGatewaySimulator.builder().queuedFor(Duration.ZERO)
                .processingFor(Duration.ofMillis(200)).start()) {
            CountDownLatch completed = new CountDownLatch(1);
            realTime.jobs().addTransitionListener(transition -> {
                if ("completed".equals(transition.newStoredStatus())) {
                    completed.countDown();
                }
            });
            new GatewayHttp(realTime).create("{\"model\":\"google/veo-3.1\",\"prompt\":\"real time\"}");
            assertThat(completed.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> realTime.clock().advance(Duration.ofSeconds(1)))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void jobDataIsTheWebhookStyleObject() {
        String id = this.http.create("{\"model\":\"openai/sora-2\",\"prompt\":\"boat\",\"seconds\":\"8\","
                + "\"size\":\"1280x720\"}");
        this.simulator.clock().advance(Duration.ofSeconds(20));
        JsonNode running = this.simulator.jobs().jobData(id);
        assertThat(running.propertyNames()).containsExactly("id", "object", "kind", "status", "lifecycle_status",
                "request_id", "native_id", "session_id", "app_id", "progress", "provider", "model", "polling_url",
                "websocket_url", "cancel_url", "content_url", "download_url", "expires_at", "duration_seconds",
                "duration_ms", "total_duration_ms", "latency_ms", "generation_ms", "resolution", "quality",
                "output_access", "key_source", "byok_key_id", "reservation_id", "reservation_status",
                "next_webhook_retry_at", "last_webhook_progress", "last_webhook_progress_at",
                "last_webhook_dispatched_at", "finalized_at", "last_polled_at", "polled_status", "last_reconciled_at",
                "upstream_error", "provider_failure_diagnostics", "failure_sample", "routing_diagnostics",
                "provider_enablement", "provider_candidate_diagnostics", "pricing_breakdown", "billing", "created_at",
                "updated_at");
        String origin = this.simulator.origin().toString();
        assertThat(running.get("status").stringValue()).isEqualTo("processing");
        assertThat(running.get("progress").intValue()).isZero();
        assertThat(running.get("cancel_url").stringValue()).isEqualTo(origin + "/v1/videos/" + id + "/cancel");
        assertThat(running.get("websocket_url").stringValue())
                .isEqualTo("ws://127.0.0.1:" + this.simulator.port() + "/v1/async/video/" + id + "/ws");
        assertThat(running.get("download_url").isNull()).isTrue();
        assertThat(running.get("polled_status").stringValue()).isEqualTo("in_progress");
        assertThat(running.get("billing").get("billable").booleanValue()).isFalse();
        assertThat(running.get("created_at").stringValue()).isEqualTo("2025-12-31T23:57:30.000000+00:00");
        assertThat(running.get("resolution").stringValue()).isEqualTo("1280x720");

        this.simulator.clock().advance(Duration.ofSeconds(100));
        JsonNode completed = this.simulator.jobs().jobData(id);
        assertThat(completed.get("status").stringValue()).isEqualTo("completed");
        assertThat(completed.get("progress").intValue()).isEqualTo(100);
        assertThat(completed.get("cancel_url").isNull()).isTrue();
        assertThat(completed.get("download_url").stringValue()).startsWith(origin + "/v1/videos/" + id
                + "/content?download_token=");
        assertThat(completed.get("expires_at").longValue()).isEqualTo(T0.getEpochSecond() + 120 + 900);
        assertThat(completed.get("finalized_at").stringValue()).isEqualTo("2025-12-31T23:59:30.000Z");
        assertThat(completed.get("duration_ms").longValue()).isEqualTo(120_000);
        assertThat(completed.get("billing").get("state").stringValue()).isEqualTo("settled");
        assertThat(completed.get("pricing_breakdown").get("total_usd_str").stringValue()).isEqualTo("0.800000000");
    }

    @Test
    void jobDataUsesThePublicOrigin() {
        try (AiStatsGatewaySimulator publicOrigin = AiStatsGatewaySimulator.builder().manualClock()
                .publicOrigin(java.net.URI.create("https://api.phaseo.app")).start()) {
            String id = new GatewayHttp(publicOrigin).create("{\"prompt\":\"x\"}");
            JsonNode data = publicOrigin.jobs().jobData(id);
            assertThat(data.get("polling_url").stringValue()).isEqualTo("https://api.phaseo.app/v1/videos/" + id);
            assertThat(data.get("websocket_url").stringValue())
                    .isEqualTo("wss://api.phaseo.app/v1/async/video/" + id + "/ws");
        }
    }
}
