package io.aistats.benchmarks;

import io.aistats.video.ReactiveVideoClient;
import io.aistats.video.VideoClient;
import io.aistats.video.VideoClientSettings;
import org.springframework.web.reactive.function.client.WebClient;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The client side of the download benchmark, run in a JVM with a small heap. Arguments: base URL, API key, video id,
 * target file. Reads the job once (so that the connection and the codecs are set up, as in a running application),
 * then times {@code downloadVideoContent} twice, the first in a JVM whose JIT has not seen the download path yet, the
 * second as in an application that has downloaded before, each into a file that does not exist yet (as curl's), and
 * prints {@code DOWNLOAD <bytes> <first nanos> <second nanos> <peak RSS kB> <max heap>} and
 * {@code WORK <first: process CPU ms> <JIT compilation ms> <second: process CPU ms> <JIT compilation ms>}: what the
 * JVM spent on each download besides waiting, so that a cold download's loss can be told apart.
 */
public final class DownloadChild {

    private DownloadChild() {
    }

    public static void main(String[] args) throws Exception {
        VideoClientSettings settings = VideoClientSettings.builder()
            .baseUrl(args[0])
            .apiKey(args[1])
            .callTimeout(Duration.ofMinutes(5))
            .build();
        VideoClient client = VideoClient.create(ReactiveVideoClient.create(WebClient.builder(), settings));
        client.getVideo(args[2]);
        measure((target) -> client.downloadVideoContent(args[2], target), Path.of(args[3]));
    }

    /**
     * Times two downloads into the target, each into a file that does not exist yet, prints the {@code DOWNLOAD} line
     * and ends the JVM.
     * @param download downloads the content into a file
     * @param target the file
     */
    static void measure(Download download, Path target) throws Exception {
        long[] firstWork = work();
        long first = timed(download, target);
        long[] secondWork = work();
        // the second download writes a new file too, as curl and the first download do: renaming a finished
        // download over an existing 1 GiB file makes ext4 (auto_da_alloc) start writing the new file's dirty pages
        // back inside rename(2), 0.2 to 0.35 s here, a cost of replacing a file, not of downloading one
        Files.delete(target);
        long second = timed(download, target);
        long[] after = work();
        String peak = Bench.peakRss().replace("kB", "").trim();
        System.out.println("DOWNLOAD " + Files.size(target) + " " + first + " " + second + " " + peak + " "
            + Runtime.getRuntime().maxMemory());
        System.out.println("WORK " + (secondWork[0] - firstWork[0]) + " " + (secondWork[1] - firstWork[1]) + " "
            + (after[0] - secondWork[0]) + " " + (after[1] - secondWork[1]));
        System.exit(0);
    }

    /** @return the process's CPU time and the JIT compilers' time so far, in milliseconds */
    private static long[] work() {
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime() / 1_000_000;
        return new long[] { cpu, ManagementFactory.getCompilationMXBean().getTotalCompilationTime() };
    }

    /** Downloads once and returns how long it took in nanoseconds. */
    private static long timed(Download download, Path target) throws Exception {
        long started = System.nanoTime();
        download.to(target);
        return System.nanoTime() - started;
    }

    /** One client's way to download the content into a file. */
    @FunctionalInterface
    interface Download {

        void to(Path target) throws Exception;
    }
}
