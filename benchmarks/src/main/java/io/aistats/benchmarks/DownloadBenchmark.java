package io.aistats.benchmarks;

import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.video.ReactiveVideoClient;
import io.aistats.video.VideoClient;
import io.aistats.video.VideoClientSettings;
import io.aistats.video.model.VideoGenerationRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.client.WebClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Benchmark 2, download: 1 GiB of content to a file through {@code downloadVideoContent} in a child JVM limited to
 * {@code -Xmx64m}, against {@code curl} fetching the same URL from the same simulator into a file on the same disk,
 * and against the peer, openai-java's {@code videos().downloadContent(id)} copied into a file by a child JVM with the
 * same heap ({@link OpenAiDownloadChild}). Each child downloads twice: the second download, in a JVM that has run the
 * download path once as a running application has, is the warm figure, the first one the cold figure. Each round runs
 * the three in an order that rotates; throughputs are medians of the rounds, ratios the medians of the per-round
 * ratios. Each child reports its own peak RSS ({@code VmHWM}) after both downloads. Targets: at least 0.9 of curl's
 * throughput warm and 0.7 cold, and at least openai-java's throughput warm with bounded memory.
 */
public final class DownloadBenchmark {

    static final long SIZE = 1024L * 1024 * 1024;

    private static final String NAME = "2. download 1 GiB to a file, -Xmx64m";

    private static final double WARM_TARGET = 0.9;

    private static final double COLD_TARGET = 0.7;

    private static final double PEER_TARGET = 1.0;

    private static final int ROUNDS = 3;

    /** Batches of rounds at most, while the rounds spread more than Bench's bound. */
    private static final int MAX_BATCHES = 3;

    private static final long CHILD_TIMEOUT_SECONDS = 300;

    private DownloadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Bench.printLoad(NAME, "before");
        Path directory = Files.createTempDirectory("ai-stats-download-bench");
        try (AiStatsGatewaySimulator simulator = AiStatsGatewaySimulator.builder().manualClock().start()) {
            VideoClient client = VideoClient.create(ReactiveVideoClient.create(WebClient.builder(),
                VideoClientSettings.builder().baseUrl(simulator.baseUrl()).apiKey(simulator.apiKey()).build()));
            String videoId = client.generateVideo(VideoGenerationRequest.of("One gibibyte of ocean")).id();
            simulator.jobs().complete(videoId);
            simulator.contentSize(SIZE);
            Path target = directory.resolve("video.mp4");
            String contentPath = "/videos/" + videoId + "/content";
            List<String> childArgs = List.of(simulator.baseUrl().toString(), simulator.apiKey(), videoId,
                target.toString());
            AtomicBoolean peerChecked = new AtomicBoolean();
            List<Downloaded> rounds = Bench.measureSteadily(NAME + ", warm against curl", ROUNDS, MAX_BATCHES,
                (round) -> {
                    Downloaded downloaded = new Downloaded();
                    for (int i = 0; i < 3; i++) {
                        // rotating order: the page cache and the disk see every order
                        switch ((round + i) % 3) {
                            case 0 -> downloaded.curl = curl(simulator.baseUrl() + contentPath,
                                simulator.apiKey(), target);
                            case 1 -> downloaded.client = child(DownloadChild.class, childArgs, target);
                            default -> {
                                simulator.clearRequests();
                                downloaded.peer = child(OpenAiDownloadChild.class, childArgs, target);
                                if (peerChecked.compareAndSet(false, downloaded.peer.failure == null)
                                        && downloaded.peer.failure == null) {
                                    System.out.println(OpenAiPeer.checkServedAsGatewayWould(simulator,
                                        "/v1" + contentPath));
                                }
                            }
                        }
                    }
                    System.out.println(Bench.format("round %d: curl %.0f MiB/s; downloadVideoContent warm %.0f, cold "
                        + "%.0f MiB/s, peak RSS %d MiB; openai-java %s", round + 1, mib(downloaded.curl),
                        mib(downloaded.client.warm), mib(downloaded.client.cold), downloaded.client.peakRssKb / 1024,
                        downloaded.peer.describe()));
                    return downloaded;
                }, (downloaded) -> downloaded.client.warm / downloaded.curl);
            report(rounds);
        }
        finally {
            try (var files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(directory);
        }
        Bench.printLoad(NAME, "after");
    }

    private static void report(List<Downloaded> rounds) {
        List<Double> warmToCurl = rounds.stream().map((round) -> round.client.warm / round.curl).toList();
        List<Double> coldToCurl = rounds.stream().map((round) -> round.client.cold / round.curl).toList();
        double curl = Bench.median(rounds.stream().map((round) -> round.curl).toList());
        double warm = Bench.median(rounds.stream().map((round) -> round.client.warm).toList());
        double cold = Bench.median(rounds.stream().map((round) -> round.client.cold).toList());
        long clientRss = rounds.stream().mapToLong((round) -> round.client.peakRssKb).max().orElse(0);
        Bench.result(NAME + ", warm, against curl", Bench.format("downloadVideoContent %.0f MiB/s vs curl %.0f MiB/s "
            + "(medians of %d; per-round ratios within ±%.1f %%); child peak RSS %d MiB", mib(warm), mib(curl),
            rounds.size(), Bench.spreadPercent(warmToCurl), clientRss / 1024), ratio(Bench.median(warmToCurl)),
            ">= " + WARM_TARGET, Bench.median(warmToCurl) >= WARM_TARGET);
        Bench.result(NAME + ", cold (first download in a fresh JVM), against curl", Bench.format("downloadVideoContent"
            + " %.0f MiB/s vs curl %.0f MiB/s (medians of %d; per-round ratios within ±%.1f %%)", mib(cold), mib(curl),
            rounds.size(), Bench.spreadPercent(coldToCurl)), ratio(Bench.median(coldToCurl)), ">= " + COLD_TARGET,
            Bench.median(coldToCurl) >= COLD_TARGET);
        Bench.info(NAME + ", what a cold download spends besides the transfer", Bench.format("downloadVideoContent: "
            + "process CPU %.0f ms cold vs %.0f ms warm; the JIT compilers' time %.0f vs %.0f ms (medians of %d)",
            work(rounds, (round) -> round.client, 0), work(rounds, (round) -> round.client, 2),
            work(rounds, (round) -> round.client, 1), work(rounds, (round) -> round.client, 3), rounds.size())
            + (rounds.stream().allMatch((round) -> round.peer.failure == null) ? Bench.format("; openai-java: %.0f vs "
            + "%.0f ms, JIT %.0f vs %.0f ms", work(rounds, (round) -> round.peer, 0),
            work(rounds, (round) -> round.peer, 2), work(rounds, (round) -> round.peer, 1),
            work(rounds, (round) -> round.peer, 3)) : ""));
        List<Downloaded> peerFinished = rounds.stream().filter((round) -> round.peer.failure == null).toList();
        if (peerFinished.isEmpty()) {
            Bench.result(NAME + ", warm, against openai-java", Bench.format("downloadVideoContent %.0f MiB/s, child "
                + "peak RSS %d MiB; openai-java did not finish at -Xmx64m: %s", mib(warm), clientRss / 1024,
                rounds.get(0).peer.failure), "-", "finishes, >= " + PEER_TARGET, true);
            return;
        }
        List<Double> warmToPeer = peerFinished.stream().map((round) -> round.client.warm / round.peer.warm).toList();
        List<Double> coldToPeer = peerFinished.stream().map((round) -> round.client.cold / round.peer.cold).toList();
        long peerRss = peerFinished.stream().mapToLong((round) -> round.peer.peakRssKb).max().orElse(0);
        Bench.result(NAME + ", warm, against openai-java", Bench.format("downloadVideoContent %.0f MiB/s, peak RSS %d "
            + "MiB vs openai-java %.0f MiB/s, peak RSS %d MiB (medians of %d; per-round ratios within ±%.1f %%; cold: "
            + "%.0f vs %.0f MiB/s, ratio %.3f)", mib(warm), clientRss / 1024,
            mib(Bench.median(peerFinished.stream().map((round) -> round.peer.warm).toList())), peerRss / 1024,
            peerFinished.size(), Bench.spreadPercent(warmToPeer), mib(cold),
            mib(Bench.median(peerFinished.stream().map((round) -> round.peer.cold).toList())),
            Bench.median(coldToPeer)), ratio(Bench.median(warmToPeer)), ">= " + PEER_TARGET,
            Bench.median(warmToPeer) >= PEER_TARGET);
    }

    /** Runs a download child; returns what it measured, or its failure when it did not finish. */
    private static ChildDownloads child(Class<?> main, List<String> args, Path target) throws Exception {
        ChildDownloads downloads = new ChildDownloads();
        try {
            String output = Bench.run(Bench.javaCommand(System.getProperty("java.class.path"), List.of("-Xmx64m"), main,
                args.toArray(String[]::new)), CHILD_TIMEOUT_SECONDS);
            String[] child = Bench.fields(output, "DOWNLOAD");
            downloads.work = Arrays.stream(Bench.fields(output, "WORK")).mapToLong(Long::parseLong).toArray();
            long bytes = Long.parseLong(child[0]);
            if (bytes != SIZE) {
                throw new IllegalStateException(main.getSimpleName() + " downloaded " + bytes + " bytes, not " + SIZE);
            }
            downloads.cold = SIZE / (Long.parseLong(child[1]) / 1e9);
            downloads.warm = SIZE / (Long.parseLong(child[2]) / 1e9);
            downloads.peakRssKb = Long.parseLong(child[3]);
        }
        catch (IllegalStateException ex) {
            if (main == DownloadChild.class) {
                throw ex;
            }
            // the peer may fail at this heap: that is a finding, reported, not a reason to stop
            String message = String.valueOf(ex.getMessage());
            downloads.failure = message.contains("OutOfMemoryError") ? "OutOfMemoryError"
                    : message.lines().limit(3).reduce("", (a, b) -> a + " " + b).trim();
        }
        finally {
            Files.deleteIfExists(target);
        }
        return downloads;
    }

    private static double work(List<Downloaded> rounds, Function<Downloaded, ChildDownloads> child, int index) {
        return Bench.median(rounds.stream().map((round) -> (double) child.apply(round).work[index]).toList());
    }

    private static String ratio(double ratio) {
        return Bench.format("%.3f", ratio);
    }

    /** What one round measured. */
    private static final class Downloaded {

        private double curl;

        private ChildDownloads client = new ChildDownloads();

        private ChildDownloads peer = new ChildDownloads();
    }

    /** What one child JVM measured: bytes per second of its first and second download, and its peak RSS. */
    private static final class ChildDownloads {

        private double cold;

        private double warm;

        private long peakRssKb;

        /** Process CPU and JIT compilation milliseconds of the cold download, then of the warm one. */
        private long[] work = new long[4];

        private @Nullable String failure;

        String describe() {
            return (this.failure != null) ? "did not finish: " + this.failure : Bench.format("warm %.0f, cold %.0f "
                + "MiB/s, peak RSS %d MiB", mib(this.warm), mib(this.cold), this.peakRssKb / 1024);
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
