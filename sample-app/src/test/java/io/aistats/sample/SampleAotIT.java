package io.aistats.sample;

import io.aistats.test.AiStatsGatewaySimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged application with its ahead-of-time generated initializer ({@code -Dspring.aot.enabled=true}) in
 * a JVM of its own, as a user would: the one-shot demo on the bundled gateway simulator must generate, download and
 * save a video. Needs the jar, so it runs in the {@code integration-test} phase.
 */
class SampleAotIT {

    private static final Pattern SAVED = Pattern.compile(
            "Saved (\\S+) \\((\\d+) bytes\\) for video job (G-[0-9A-Z]+)");

    private static final String AOT_INITIALIZER =
            "BOOT-INF/classes/io/aistats/sample/SampleApplication__ApplicationContextInitializer.class";

    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    private Path directory;

    @Test
    void theDemoRunsWithTheAheadOfTimeGeneratedInitializer() throws Exception {
        Path jar = Path.of(System.getProperty("sample.build-directory", "target"), "ai-stats-sample-app.jar");
        assertThat(jar).isRegularFile();
        try (JarFile contents = new JarFile(jar.toFile())) {
            assertThat(contents.getEntry(AOT_INITIALIZER)).as("the AOT-generated initializer in %s", jar).isNotNull();
        }
        Path output = this.directory.resolve("output.txt");
        ProcessBuilder builder = new ProcessBuilder(List.of(javaExecutable(), "-Dspring.aot.enabled=true", "-jar",
                jar.toAbsolutePath().toString(), "--demo", "aot check",
                "--sample.demo.output-directory=" + this.directory, "--spring.main.banner-mode=off"))
            .directory(this.directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
        // offline on the bundled simulator, whatever the environment of the build
        builder.environment().remove("AI_STATS_API_KEY");
        Process process = builder.start();

        boolean exited = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }

        String printed = read(output);
        assertThat(exited).as("the demo ended within %s s; it printed:%n%s", TIMEOUT_SECONDS, printed).isTrue();
        assertThat(process.exitValue()).as("exit code; the demo printed:%n%s", printed).isZero();
        assertThat(printed).contains("running offline against the bundled gateway simulator")
            .doesNotContain("Demo failed");
        Matcher saved = SAVED.matcher(printed);
        assertThat(saved.find()).as("the demo's result line in:%n%s", printed).isTrue();
        Path file = Path.of(saved.group(1));
        assertThat(file).isEqualTo(this.directory.resolve(saved.group(3) + ".mp4").toAbsolutePath());
        assertThat(Files.size(file)).isEqualTo(Long.parseLong(saved.group(2)));
        assertThat(Files.readAllBytes(file)).isEqualTo(AiStatsGatewaySimulator.sampleVideo());
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String read(Path output) throws IOException {
        return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
    }
}
