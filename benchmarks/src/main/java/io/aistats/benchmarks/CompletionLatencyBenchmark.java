package io.aistats.benchmarks;

import io.aistats.benchmarks.BenchmarkApplication.CompletionRecorder;
import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.test.SimulatedWebhookEndpoint;
import io.aistats.video.VideoClient;
import io.aistats.video.model.VideoGenerationRequest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Benchmark 4, completion latency: from the simulator completing a job ({@code jobs().complete(id)} on a real-time
 * simulator) to the {@code VideoJobCompletedEvent} reaching the application's listener, by each path the starter
 * offers: a signed webhook delivery to the MVC endpoint, the WebSocket lifecycle stream (the watcher), and polling
 * (the watcher with the stream refused, polling every {@value #POLL_INTERVAL_SECONDS} s). One application per path,
 * jobs one after another. Reported as p50, p90 and max; no target.
 */
public final class CompletionLatencyBenchmark {

    private static final int JOBS = 20;

    private static final int POLLED_JOBS = 15;

    private static final long POLL_INTERVAL_SECONDS = 1;

    private static final long SEED = 4;

    private CompletionLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Bench.printLoad("4. completion latency", "before");
        try (AiStatsGatewaySimulator simulator = AiStatsGatewaySimulator.builder()
            .allowLocalWebhookUrls(true)
            // jobs wait until the benchmark completes them
            .queuedFor(Duration.ofHours(1))
            .start()) {
            int port = Bench.freePort();
            SimulatedWebhookEndpoint endpoint = simulator.webhooks()
                .createEndpoint("http://127.0.0.1:" + port + "/ai-stats/webhooks", List.of("video.completed"));
            Map<String, Object> common = new TreeMap<>(simulator.clientProperties());
            common.putAll(Map.of("spring.main.banner-mode", "off", "logging.level.root", "WARN", "server.address",
                "127.0.0.1"));

            Map<String, Object> webhook = new TreeMap<>(common);
            webhook.putAll(Map.of("server.port", String.valueOf(port), "ai-stats.webhook.secret",
                endpoint.signingSecret(), "ai-stats.default-webhook-endpoint-id", endpoint.id(), "ai-stats.video.watch",
                "off"));
            measure("via webhook", webhook, simulator, JOBS, (id) -> true, null);

            Map<String, Object> stream = new TreeMap<>(common);
            stream.putAll(Map.of("server.port", "0", "ai-stats.video.watch", "auto"));
            measure("via stream", stream, simulator, JOBS,
                (id) -> simulator.streams().openJobIds().contains(id), null);

            Map<String, Object> polling = new TreeMap<>(common);
            polling.putAll(Map.of("server.port", "0", "ai-stats.video.watch", "auto",
                "ai-stats.video.stream.poll-interval", POLL_INTERVAL_SECONDS + "s",
                // the refused upgrades are deliberate: their warnings would only fill the output
                "logging.level.reactor.netty", "ERROR", "logging.level.io.aistats.video.stream", "ERROR"));
            // every stream upgrade is refused, so the watcher follows jobs by polling only
            simulator.faults().failNext(100_000, 426, "GET", "/v1/async/");
            measure("via polling (" + POLL_INTERVAL_SECONDS + " s interval)", polling, simulator, POLLED_JOBS,
                (id) -> simulator.requestCount("GET", "/v1/videos/" + id) >= 1, new Random(SEED));
            simulator.faults().reset();
        }
        Bench.printLoad("4. completion latency", "after");
    }

    /**
     * Starts the application with the given properties, then for each job: creates it through the application's
     * client, waits until the path follows it, completes it and times the arrival of its completion event.
     * @param randomPhase when set, waits a random part of the poll interval before completing, so that completions
     * fall anywhere in the polling cycle
     */
    private static void measure(String path, Map<String, Object> properties, AiStatsGatewaySimulator simulator,
            int jobs, JobFollowed followed, Random randomPhase) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchmarkApplication.class)
            .properties(properties)
            .run()) {
            VideoClient client = context.getBean(VideoClient.class);
            CompletionRecorder recorder = context.getBean(CompletionRecorder.class);
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < jobs + 1; i++) {
                String id = client.generateVideo(VideoGenerationRequest.of("Latency " + i)).id();
                awaitTrue(() -> followed.test(id), "the job to be followed " + path);
                if (randomPhase != null) {
                    Thread.sleep(randomPhase.nextInt((int) TimeUnit.SECONDS.toMillis(POLL_INTERVAL_SECONDS)));
                }
                long completed = System.nanoTime();
                simulator.jobs().complete(id);
                long received = recorder.completion(id).get(30, TimeUnit.SECONDS);
                // the first job warms the path up and is not counted
                if (i > 0) {
                    latencies.add(received - completed);
                }
            }
            long[] sorted = Bench.sorted(latencies);
            Bench.info("4. completion latency " + path, Bench.format("p50 %.1f ms, p90 %.1f ms, max %.1f ms over %d "
                + "jobs", Bench.millis(Bench.percentile(sorted, 50)), Bench.millis(Bench.percentile(sorted, 90)),
                Bench.millis(sorted[sorted.length - 1]), sorted.length));
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out waiting for " + what);
            }
            Thread.sleep(2);
        }
    }

    /** Whether a path follows a job yet. */
    @FunctionalInterface
    private interface JobFollowed {

        boolean test(String videoId);
    }
}
