package io.aistats.benchmarks;

import io.aistats.test.WebhookSigner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark 3, webhook ingestion: signed deliveries per second into the starter's webhook endpoint of a Spring MVC
 * application ({@link BenchmarkApplication}, in its own JVM), against a no-op endpoint of the same application on the
 * same port, from a load generator of {@value #CONNECTIONS} concurrent connections on loopback (Java's
 * {@code HttpClient}, one sender thread per connection). Both endpoints receive the same kind of delivery: a unique
 * event, signed at send time. Warm-up rounds go on until their ratios are stable (the last {@value #STABLE_WARM_UPS}
 * within ±{@value #STABLE_PERCENT} % of their median, at most {@value #MAX_WARM_UPS} rounds): the JIT keeps
 * compiling both paths for tens of seconds. A measured round gives each endpoint {@value #SLICES} slices that take
 * turns; the ratio is the median of the per-round ratios, throughputs are medians, latencies are over all measured
 * requests. Target: at least 0.85 of the no-op throughput.
 */
public final class WebhookIngestionBenchmark {

    private static final double TARGET = 0.85;

    private static final String NAME = "3. webhook ingestion";

    private static final int CONNECTIONS = 8;

    private static final Duration WARM_UP = Duration.ofSeconds(3);

    private static final int STABLE_WARM_UPS = 3;

    private static final int STABLE_PERCENT = 5;

    private static final int MAX_WARM_UPS = 20;

    /** Each endpoint's time in a measured round, in {@value #SLICES} slices that take turns. */
    private static final Duration ROUND = Duration.ofSeconds(4);

    private static final int SLICES = 4;

    /** Batches of rounds at most, while the rounds spread more than Bench's bound. */
    private static final int MAX_BATCHES = 3;

    private static final int ROUNDS = 5;

    /** Bounds every round by count as well as by time. */
    private static final int MAX_REQUESTS_PER_ROUND = 500_000;

    private static final String SECRET = "whsec_benchmark_5mGz1wQx8RkT3vYp0LcN7aHj2sEd6UfB";

    private static final AtomicLong sequence = new AtomicLong();

    /** Requests that failed before any response, over the whole benchmark; more than the bound stop it. */
    private static final AtomicLong connectionFailures = new AtomicLong();

    private static final int MAX_CONNECTION_FAILURES = 100;

    private WebhookIngestionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Bench.printLoad(NAME, "before");
        int port = Bench.freePort();
        Path log = Files.createTempFile("ai-stats-webhook-bench", ".log");
        Process application = new ProcessBuilder(Bench.javaCommand(System.getProperty("java.class.path"),
            List.of("-Xmx512m"), BenchmarkApplication.class, "--server.port=" + port, "--server.address=127.0.0.1",
            "--ai-stats.webhook.secret=" + SECRET, "--spring.main.banner-mode=off", "--logging.level.root=WARN",
            // Tomcat closes a connection after 100 requests by default, and the load generator's next request can
            // meet the closed connection ("header parser received no bytes"): keep every connection open
            "--server.tomcat.max-keep-alive-requests=-1", "--server.tomcat.keep-alive-timeout=60s"))
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
            URI webhook = URI.create("http://127.0.0.1:" + port + "/ai-stats/webhooks");
            URI noOp = URI.create("http://127.0.0.1:" + port + BenchmarkApplication.NO_OP_PATH);
            awaitReady(http, noOp, application, log);
            warmUp(http, webhook, noOp);
            List<Load[]> rounds = Bench.measureSteadily(NAME + ", Spring MVC", ROUNDS, MAX_BATCHES, (round) -> {
                Load[] loads = { new Load(0, new ArrayList<>()), new Load(0, new ArrayList<>()) };
                for (int slice = 0; slice < SLICES; slice++) {
                    for (int i = 0; i < 2; i++) {
                        int which = (round + slice + i) % 2;
                        Load load = load(http, (which == 0) ? webhook : noOp, ROUND.dividedBy(SLICES));
                        loads[which].latencies().addAll(load.latencies());
                        loads[which] = new Load(loads[which].rate() + load.rate() / SLICES, loads[which].latencies());
                    }
                }
                System.out.println(Bench.format("round %d: webhook endpoint %.0f/s, no-op endpoint %.0f/s, ratio %.3f",
                    round + 1, loads[0].rate(), loads[1].rate(), loads[0].rate() / loads[1].rate()));
                return loads;
            }, (loads) -> loads[0].rate() / loads[1].rate());
            List<Double> ratios = rounds.stream().map((loads) -> loads[0].rate() / loads[1].rate()).toList();
            long[] webhookSorted = Bench.sorted(rounds.stream().flatMap((loads) -> loads[0].latencies().stream())
                .toList());
            long[] noOpSorted = Bench.sorted(rounds.stream().flatMap((loads) -> loads[1].latencies().stream())
                .toList());
            double ratio = Bench.median(ratios);
            Bench.result(NAME + ", Spring MVC, " + CONNECTIONS + " connections",
                Bench.format("webhook endpoint %.0f deliveries/s (p50 %.2f ms, p99 %.2f ms) vs no-op endpoint %.0f/s "
                    + "(p50 %.2f ms, p99 %.2f ms); medians of %d rounds, per-round ratios within ±%.1f %%; %d "
                    + "requests met a closed connection and were not counted",
                    Bench.median(rounds.stream().map((loads) -> loads[0].rate()).toList()),
                    Bench.millis(Bench.percentile(webhookSorted, 50)),
                    Bench.millis(Bench.percentile(webhookSorted, 99)),
                    Bench.median(rounds.stream().map((loads) -> loads[1].rate()).toList()),
                    Bench.millis(Bench.percentile(noOpSorted, 50)), Bench.millis(Bench.percentile(noOpSorted, 99)),
                    rounds.size(), Bench.spreadPercent(ratios), connectionFailures.get()),
                Bench.format("%.3f", ratio), ">= " + TARGET, ratio >= TARGET);
        }
        finally {
            application.destroy();
            if (!application.waitFor(20, TimeUnit.SECONDS)) {
                application.destroyForcibly();
            }
            Files.deleteIfExists(log);
        }
        Bench.printLoad(NAME, "after");
    }

    /** Alternates warm-up rounds until their ratios are stable, bounded in count. */
    private static void warmUp(HttpClient http, URI webhook, URI noOp) throws Exception {
        List<Double> ratios = new ArrayList<>();
        while (ratios.size() < MAX_WARM_UPS) {
            double ratio = load(http, webhook, WARM_UP).rate() / load(http, noOp, WARM_UP).rate();
            ratios.add(ratio);
            System.out.println(Bench.format("warm-up %d: ratio %.3f", ratios.size(), ratio));
            if (ratios.size() >= STABLE_WARM_UPS && Bench.spreadPercent(
                    ratios.subList(ratios.size() - STABLE_WARM_UPS, ratios.size())) <= STABLE_PERCENT) {
                return;
            }
        }
        System.out.println("warm-up: the ratios were not stable after " + MAX_WARM_UPS + " rounds; measuring anyway");
    }

    /** Waits (bounded) until the application answers on its no-op endpoint. */
    private static void awaitReady(HttpClient http, URI noOp, Process application, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!application.isAlive()) {
                throw new IllegalStateException("The application stopped:\n" + Files.readString(log));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(noOp)
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            }
            catch (IOException ex) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The application did not start within 120 s:\n" + Files.readString(log));
    }

    /** Sends deliveries from every connection for a while. */
    private static Load load(HttpClient http, URI endpoint, Duration duration) throws Exception {
        WebhookSigner signer = new WebhookSigner(SECRET);
        AtomicLong sent = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        long[] window = new long[1];
        ExecutorService senders = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            List<Future<List<Long>>> workers = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                workers.add(senders.submit(() -> {
                    start.await();
                    List<Long> latencies = new ArrayList<>();
                    while (System.nanoTime() < window[0] && sent.incrementAndGet() <= MAX_REQUESTS_PER_ROUND) {
                        byte[] body = delivery(sequence.incrementAndGet());
                        Map<String, String> headers = signer.headers(body, Instant.now().getEpochSecond());
                        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                        headers.forEach((name, value) -> {
                            if (!"Content-Type".equals(name) && !"User-Agent".equals(name)) {
                                request.header(name, value);
                            }
                        });
                        request.header("Content-Type", "application/json").header("User-Agent",
                            WebhookSigner.USER_AGENT);
                        long started = System.nanoTime();
                        HttpResponse<String> response;
                        try {
                            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                        }
                        catch (IOException ex) {
                            // a pooled connection that closed as it was reused ("header parser received no bytes"):
                            // no response came, so nothing was measured; a few are tolerated, counted and printed
                            if (connectionFailures.incrementAndGet() > MAX_CONNECTION_FAILURES) {
                                throw ex;
                            }
                            continue;
                        }
                        latencies.add(System.nanoTime() - started);
                        if (response.statusCode() != 200 || !response.body().contains("accepted")) {
                            throw new IllegalStateException("Delivery answered " + response.statusCode() + " "
                                + response.body());
                        }
                    }
                    return latencies;
                }));
            }
            long started = System.nanoTime();
            window[0] = started + duration.toNanos();
            start.countDown();
            List<Long> latencies = new ArrayList<>();
            for (Future<List<Long>> worker : workers) {
                latencies.addAll(worker.get(duration.toSeconds() + 60, TimeUnit.SECONDS));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Load(latencies.size() / seconds, latencies);
        }
        finally {
            senders.shutdownNow();
        }
    }

    /** A delivery of the gateway's shape (contract §6.6) for a new job, so that every event id is new. */
    static byte[] delivery(long number) {
        String videoId = "G-BENCH" + number;
        String base = "https://api.phaseo.app/v1/videos/" + videoId;
        String body = "{\"id\":\"evt_video_" + videoId + "_video_status_changed_queued_in_progress\","
            + "\"type\":\"video.status_changed\",\"created_at\":" + Instant.now().getEpochSecond() + ","
            + "\"delivery\":{\"key\":\"video.status_changed:queued:in_progress\",\"attempt\":1,\"max_attempts\":4},"
            + "\"data\":{\"id\":\"" + videoId + "\",\"object\":\"video\",\"kind\":\"video\",\"status\":\"processing\","
            + "\"lifecycle_status\":\"running\",\"request_id\":\"" + videoId + "\","
            + "\"native_id\":\"video_6955a1c4e0f08190a1b2c3d4e5f60718\",\"session_id\":null,\"app_id\":null,"
            + "\"progress\":0,\"provider\":\"openai\",\"model\":\"sora-2\",\"polling_url\":\"" + base + "\","
            + "\"websocket_url\":\"wss://api.phaseo.app/v1/async/video/" + videoId + "/ws\",\"cancel_url\":null,"
            + "\"content_url\":\"" + base + "/content\",\"download_url\":null,\"expires_at\":null,"
            + "\"duration_seconds\":8,\"resolution\":\"1280x720\",\"quality\":null,\"output_access\":\"both\","
            + "\"key_source\":\"gateway\",\"created_at\":\"2025-12-31T23:57:30.214871+00:00\","
            + "\"updated_at\":\"2026-01-01T00:00:00.402113+00:00\"},"
            + "\"status_change\":{\"previous_status\":\"queued\",\"status\":\"in_progress\"}}";
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** What one load period achieved. */
    private record Load(double rate, List<Long> latencies) {
    }
}
