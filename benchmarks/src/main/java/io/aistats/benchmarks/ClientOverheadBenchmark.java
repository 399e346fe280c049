package io.aistats.benchmarks;

import com.openai.client.OpenAIClient;
import com.openai.models.videos.Video;
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
 * does) and decoding the same JSON into the same type, and against the peer, openai-java's
 * {@code videos().retrieve(id)} (the same {@code GET /videos/{id}}, its OkHttp client with its defaults, pointed at
 * the simulator's base URL and key), at concurrency 1 and 64 (platform threads calling the blocking APIs). Each round
 * measures the three in short slices that take turns, in an order that rotates, so that drift hits all; the ratios
 * are the medians of the per-round ratios. Targets: at least 0.9 of the bare throughput and at least 1.0 of
 * openai-java's.
 */
public final class ClientOverheadBenchmark {

    private static final double TARGET = 0.9;

    private static final double PEER_TARGET = 1.0;

    private static final String NAME = "1. client overhead";

    /** Batches of rounds at most, while the rounds spread more than Bench's bound. */
    private static final int MAX_BATCHES = 3;

    private static final Duration WARM_UP = Duration.ofSeconds(3);

    /** Warm-up periods per variant, alternating: the JIT needs several seconds of each path. */
    private static final int WARM_UPS = 3;

    /**
     * A round gives each call this long in all, in {@value #SLICES} slices that take turns with the other calls', so
     * that the machine's other work, which comes and goes within seconds here, hits the three alike.
     */
    private static final Duration ROUND = Duration.ofSeconds(3);

    private static final int SLICES = 6;

    private static final int ROUNDS = 5;

    /** Bounds every round by count as well as by time. */
    private static final long MAX_CALLS_PER_ROUND = 2_000_000;

    private ClientOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Bench.printLoad(NAME, "before");
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
            OpenAIClient openAi = OpenAiPeer.client(simulator);
            Callable<Video> peerCall = () -> openAi.videos().retrieve(videoId);
            // all three read the same job: a sanity check that the comparison is like for like
            if (!videoId.equals(bareCall.call().id()) || !videoId.equals(clientCall.call().id())) {
                throw new IllegalStateException("The two calls do not read the same job");
            }
            simulator.clearRequests();
            if (!videoId.equals(peerCall.call().id())) {
                throw new IllegalStateException("openai-java does not read the same job");
            }
            System.out.println(OpenAiPeer.checkServedAsGatewayWould(simulator, "/v1/videos/" + videoId));

            for (int concurrency : new int[] { 1, 64 }) {
                measure(simulator, concurrency, List.of(bareCall, clientCall, peerCall));
            }
            openAi.close();
        }
        Bench.printLoad(NAME, "after");
    }

    /** Measures the bare call, the client and the peer (in this order in the list) at one concurrency. */
    private static void measure(AiStatsGatewaySimulator simulator, int concurrency, List<Callable<?>> calls)
            throws Exception {
        for (int i = 0; i < WARM_UPS; i++) {
            for (Callable<?> call : calls) {
                throughput(simulator, call, concurrency, WARM_UP);
            }
        }
        String figure = NAME + ", concurrency " + concurrency;
        List<double[]> rounds = Bench.measureSteadily(figure, ROUNDS, MAX_BATCHES, (round) -> {
            double[] rates = new double[calls.size()];
            Duration slice = ROUND.dividedBy(SLICES);
            for (int s = 0; s < SLICES; s++) {
                for (int i = 0; i < calls.size(); i++) {
                    // rotating order: each of the three runs first, second and third in turn
                    int which = (round + s + i) % calls.size();
                    rates[which] += throughput(simulator, calls.get(which), concurrency, slice) / SLICES;
                }
            }
            System.out.println(Bench.format("round %d, concurrency %d: bare %.0f/s, VideoClient %.0f/s, "
                + "openai-java %.0f/s; ratios %.3f to bare, %.3f to openai-java", round + 1, concurrency, rates[0],
                rates[1], rates[2], rates[1] / rates[0], rates[1] / rates[2]));
            return rates;
        }, (rates) -> rates[1] / rates[2]);
        List<Double> bareRates = rounds.stream().map((rates) -> rates[0]).toList();
        List<Double> clientRates = rounds.stream().map((rates) -> rates[1]).toList();
        List<Double> peerRates = rounds.stream().map((rates) -> rates[2]).toList();
        List<Double> toBare = rounds.stream().map((rates) -> rates[1] / rates[0]).toList();
        List<Double> toPeer = rounds.stream().map((rates) -> rates[1] / rates[2]).toList();
        String rates = Bench.format("VideoClient %.0f req/s, bare WebClient %.0f req/s, openai-java %.0f req/s "
            + "(medians of %d rounds)", Bench.median(clientRates), Bench.median(bareRates), Bench.median(peerRates),
            rounds.size());
        double ratioToBare = Bench.median(toBare);
        double ratioToPeer = Bench.median(toPeer);
        Bench.result(figure + ", against bare WebClient", rates + Bench.format("; per-round ratios within ±%.1f %%",
            Bench.spreadPercent(toBare)), Bench.format("%.3f", ratioToBare), ">= " + TARGET, ratioToBare >= TARGET);
        Bench.result(figure + ", against openai-java", rates + Bench.format("; per-round ratios within ±%.1f %%",
            Bench.spreadPercent(toPeer)), Bench.format("%.3f", ratioToPeer), ">= " + PEER_TARGET,
            ratioToPeer >= PEER_TARGET);
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
