package io.aistats.benchmarks;

import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.video.ReactiveVideoClient;
import io.aistats.video.VideoClient;
import io.aistats.video.VideoClientSettings;
import io.aistats.video.model.VideoGenerationRequest;
import org.springframework.web.reactive.function.client.WebClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark 2, download: 1 GiB of content to a file through {@code downloadVideoContent} in a child JVM limited to
 * {@code -Xmx64m}, against {@code curl} fetching the same URL from the same simulator into a file on the same disk.
 * The child downloads twice; the second download, in a JVM that has run the download path once as a running
 * application has, is the figure judged, the first is reported beside it. Rounds alternate; throughputs are
 * medians. The child reports its own peak RSS ({@code VmHWM}) after both. Target: at least 0.8 of curl's
 * throughput.
 */
public final class DownloadBenchmark {

    static final long SIZE = 1024L * 1024 * 1024;

    private static final double TARGET = 0.8;

    private static final int ROUNDS = 3;

    private static final long CHILD_TIMEOUT_SECONDS = 300;

    private DownloadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Files.createTempDirectory("ai-stats-download-bench");
        try (AiStatsGatewaySimulator simulator = AiStatsGatewaySimulator.builder().manualClock().start()) {
            VideoClient client = VideoClient.create(ReactiveVideoClient.create(WebClient.builder(),
                VideoClientSettings.builder().baseUrl(simulator.baseUrl()).apiKey(simulator.apiKey()).build()));
            String videoId = client.generateVideo(VideoGenerationRequest.of("One gibibyte of ocean")).id();
            simulator.jobs().complete(videoId);
            simulator.contentSize(SIZE);
            Path target = directory.resolve("video.mp4");
            String contentUrl = simulator.baseUrl() + "/videos/" + videoId + "/content";

            List<Double> clientRates = new ArrayList<>();
            List<Double> firstRates = new ArrayList<>();
            List<Double> curlRates = new ArrayList<>();
            List<Long> peakRssKb = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                // curl first in odd rounds, second in even ones: the page cache and the disk see both orders
                if (round % 2 == 1) {
                    curlRates.add(curl(contentUrl, simulator.apiKey(), target));
                }
                String[] child = Bench.fields(Bench.run(Bench.javaCommand(System.getProperty("java.class.path"),
                    List.of("-Xmx64m"), DownloadChild.class, simulator.baseUrl().toString(), simulator.apiKey(),
                    videoId, target.toString()), CHILD_TIMEOUT_SECONDS), "DOWNLOAD");
                long bytes = Long.parseLong(child[0]);
                if (bytes != SIZE) {
                    throw new IllegalStateException("The client downloaded " + bytes + " bytes, not " + SIZE);
                }
                double firstRate = SIZE / (Long.parseLong(child[1]) / 1e9);
                double clientRate = SIZE / (Long.parseLong(child[2]) / 1e9);
                firstRates.add(firstRate);
                clientRates.add(clientRate);
                peakRssKb.add(Long.parseLong(child[3]));
                Files.deleteIfExists(target);
                if (round % 2 == 0) {
                    curlRates.add(curl(contentUrl, simulator.apiKey(), target));
                }
                System.out.println(Bench.format("round %d: downloadVideoContent %.0f MiB/s (first download in the "
                    + "JVM %.0f MiB/s; peak RSS %d MiB, heap max %s MiB), curl %.0f MiB/s", round, mib(clientRate),
                    mib(firstRate), Long.parseLong(child[3]) / 1024, Long.parseLong(child[4]) / (1024 * 1024),
                    mib(curlRates.get(curlRates.size() - 1))));
            }
            double clientRate = Bench.median(clientRates);
            double curl = Bench.median(curlRates);
            long maxRss = peakRssKb.stream().mapToLong(Long::longValue).max().orElse(0);
            Bench.result("2. download 1 GiB to a file, -Xmx64m",
                Bench.format("downloadVideoContent %.0f MiB/s vs curl %.0f MiB/s (medians of %d; the first download "
                    + "in a fresh JVM %.0f MiB/s); child peak RSS %d MiB", mib(clientRate), mib(curl), ROUNDS,
                    mib(Bench.median(firstRates)), maxRss / 1024),
                Bench.format("%.3f", clientRate / curl), ">= " + TARGET, clientRate / curl >= TARGET);
        }
        finally {
            try (var files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(directory);
        }
    }

    /** Fetches the content with curl into the target; returns bytes per second as curl measured them. */
    private static double curl(String url, String apiKey, Path target) throws Exception {
        String[] written = Bench.run(List.of("curl", "--silent", "--show-error", "--fail", "--output",
            target.toString(), "--header", "Authorization: Bearer " + apiKey, "--write-out",
            "CURL %{size_download} %{time_total}\\n", url), CHILD_TIMEOUT_SECONDS).trim().split("\\s+");
        long bytes = Long.parseLong(written[written.length - 2]);
        if (bytes != SIZE) {
            throw new IllegalStateException("curl downloaded " + bytes + " bytes, not " + SIZE);
        }
        double seconds = Double.parseDouble(written[written.length - 1]);
        Files.deleteIfExists(target);
        return SIZE / seconds;
    }

    private static double mib(double bytesPerSecond) {
        return bytesPerSecond / (1024 * 1024);
    }
}
