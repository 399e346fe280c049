package io.aistats.benchmarks;

import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.video.ReactiveVideoClient;
import io.aistats.video.VideoClient;
import io.aistats.video.VideoClientSettings;
import io.aistats.video.model.VideoGenerationRequest;
import io.aistats.video.model.VideoJob;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark 1, client overhead: {@code VideoClient.getVideo} against a bare {@code WebClient} doing the same GET
 * (same connector, same bearer key, the id expanded into the URI template as code written against {@code WebClient}
 * does) and decoding the same JSON into the same type, against the simulator, at
 * concurrency 1 and 64 (platform threads calling the blocking API). Rounds alternate between the two so that drift
 * hits both; the ratio is the median of the per-round ratios. Target: at least 0.9 of the bare throughput.
 */
public final class ClientOverheadBenchmark {

    private static final double TARGET = 0.9;

    private static final Duration WARM_UP = Duration.ofSeconds(3);

    /** Warm-up periods per variant, alternating: the JIT needs several seconds of each path. */
    private static final int WARM_UPS = 3;

    private static final Duration ROUND = Duration.ofSeconds(3);

    private static final int ROUNDS = 7;

    /** Bounds every round by count as well as by time. */
    private static final long MAX_CALLS_PER_ROUND = 2_000_000;

    private ClientOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (AiStatsGatewaySimulator simulator = AiStatsGatewaySimulator.builder().manualClock().start()) {
            WebClient.Builder builder = WebClient.builder();
            VideoClientSettings settings = VideoClientSettings.builder()
                .baseUrl(simulator.baseUrl())
                .apiKey(simulator.apiKey())
                .build();
            VideoClient client = VideoClient.create(ReactiveVideoClient.create(builder, settings));
            String videoId = client.generateVideo(VideoGenerationRequest.of("A benchmark of paper boats")).id();
            simulator.jobs().complete(videoId);

            WebClient bare = builder.clone().build();
            String template = simulator.baseUrl() + "/videos/{id}";
            String authorization = "Bearer " + simulator.apiKey();
            Callable<VideoJob> bareCall = () -> bare.get().uri(template, videoId)
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(VideoJob.class)
                .block(Duration.ofSeconds(30));
            Callable<VideoJob> clientCall = () -> client.getVideo(videoId);
            // both decode the same job: a sanity check that the comparison is like for like
            if (!videoId.equals(bareCall.call().id()) || !videoId.equals(clientCall.call().id())) {
                throw new IllegalStateException("The two calls do not read the same job");
            }

            for (int concurrency : new int[] { 1, 64 }) {
                measure(simulator, concurrency, bareCall, clientCall);
            }
        }
    }

    private static void measure(AiStatsGatewaySimulator simulator, int concurrency, Callable<VideoJob> bareCall,
            Callable<VideoJob> clientCall) throws Exception {
        for (int i = 0; i < WARM_UPS; i++) {
            throughput(simulator, bareCall, concurrency, WARM_UP);
            throughput(simulator, clientCall, concurrency, WARM_UP);
        }
        List<Double> bareRates = new ArrayList<>();
        List<Double> clientRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            double bareRate;
            double clientRate;
            if (round % 2 == 0) {
                bareRate = throughput(simulator, bareCall, concurrency, ROUND);
                clientRate = throughput(simulator, clientCall, concurrency, ROUND);
            }
            else {
                clientRate = throughput(simulator, clientCall, concurrency, ROUND);
                bareRate = throughput(simulator, bareCall, concurrency, ROUND);
            }
            bareRates.add(bareRate);
            clientRates.add(clientRate);
            ratios.add(clientRate / bareRate);
            System.out.println(Bench.format("round %d, concurrency %d: bare %.0f/s, VideoClient %.0f/s, ratio %.3f",
                round + 1, concurrency, bareRate, clientRate, clientRate / bareRate));
        }
        double ratio = Bench.median(ratios);
        Bench.result("1. client overhead, getVideo, concurrency " + concurrency,
            Bench.format("VideoClient %.0f req/s vs bare WebClient %.0f req/s (medians of %d rounds)",
                Bench.median(clientRates), Bench.median(bareRates), ROUNDS),
            Bench.format("%.3f", ratio), ">= " + TARGET, ratio >= TARGET);
    }

    /** Calls as fast as the threads can for a while; returns calls per second. */
    private static double throughput(AiStatsGatewaySimulator simulator, Callable<?> call, int concurrency,
            Duration duration) throws Exception {
        // the simulator records every request; forget them so that memory stays flat across rounds
        simulator.clearRequests();
        AtomicLong calls = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> workers = new ArrayList<>();
            long[] window = new long[1];
            for (int i = 0; i < concurrency; i++) {
                workers.add(threads.submit(() -> {
                    start.await();
                    long end = window[0];
                    while (System.nanoTime() < end && calls.get() < MAX_CALLS_PER_ROUND) {
                        call.call();
                        calls.incrementAndGet();
                    }
                    return null;
                }));
            }
            long started = System.nanoTime();
            window[0] = started + duration.toNanos();
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(duration.toSeconds() + 60, TimeUnit.SECONDS);
            }
            long elapsed = System.nanoTime() - started;
            return calls.get() / (elapsed / 1e9);
        }
        finally {
            threads.shutdownNow();
        }
    }
}
