package io.aistats.video;

import io.aistats.test.AiStatsGatewaySimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 300 MiB video downloads in a separate JVM limited to a 64 MiB heap: the body streams to disk, it is never held
 * in memory.
 */
class LargeDownloadMemoryTests {

    private static final long SIZE = 300L * 1024 * 1024;

    @Test
    void downloadsFarMoreThanTheHeap(@TempDir Path directory) throws IOException, InterruptedException {
        try (AiStatsGatewaySimulator simulator = AiStatsGatewaySimulator.builder().manualClock().start()) {
            String videoId = SimulatorClients.completedJob(SimulatorClients.blocking(simulator), simulator);
            simulator.contentSize(SIZE);
            Path target = directory.resolve("large.mp4");
            Path log = directory.resolve("child.log");

            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(List.of(java, "-Xmx64m", "-XX:MaxDirectMemorySize=32m",
                    "-cp", System.getProperty("java.class.path"), LargeDownloadMain.class.getName(),
                    simulator.baseUrl().toString(), simulator.apiKey(), videoId, target.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
            boolean finished = child.waitFor(60, TimeUnit.SECONDS);
            if (!finished) {
                child.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);

            assertThat(finished).as("child finished; output:%n%s", output).isTrue();
            assertThat(child.exitValue()).as("exit code; output:%n%s", output).isZero();
            assertThat(output).contains("downloaded " + SIZE + " bytes");
            assertThat(Files.size(target)).isEqualTo(SIZE);
            try (var files = Files.list(directory)) {
                assertThat(files.map((file) -> file.getFileName().toString())).containsExactlyInAnyOrder(
                    "large.mp4", "child.log");
            }
        }
    }
}
