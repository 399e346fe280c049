package io.aistats.sample;

import io.aistats.test.AiStatsGatewaySimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-shot demo of the README's first command, run in-process as {@code main} runs it: no API key, so on its own
 * gateway simulator, with the job watcher bringing the completion event.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoModeTests {

    private static final Pattern SAVED = Pattern.compile(
            "Saved (\\S+) \\((\\d+) bytes\\) for video job (G-[0-9A-Z]+)");

    @TempDir
    private Path output;

    @Test
    void generatesDownloadsAndPrintsThePathSizeAndJobId(CapturedOutput captured) throws IOException {
        int exitCode = SampleApplication.runDemo(arguments("--demo", "a calm ocean at dusk"));

        assertThat(exitCode).isZero();
        assertThat(captured.getOut()).contains("running offline against the bundled gateway simulator");
        Matcher saved = SAVED.matcher(captured.getOut());
        assertThat(saved.find()).as("the demo's result line in:%n%s", captured.getOut()).isTrue();
        Path file = Path.of(saved.group(1));
        String videoId = saved.group(3);
        assertThat(file).isEqualTo(this.output.resolve(videoId + ".mp4").toAbsolutePath());
        assertThat(Files.size(file)).isEqualTo(Long.parseLong(saved.group(2)));
        assertThat(Files.readAllBytes(file)).isEqualTo(AiStatsGatewaySimulator.sampleVideo());
        assertThat(captured.getOut()).contains("Created video job " + videoId);
        assertThat(captured.getErr()).doesNotContain("Demo failed");
    }

    @Test
    void aFailedJobEndsTheDemoWithAMessageAndANonZeroExitCode(CapturedOutput captured) throws IOException {
        int exitCode = SampleApplication.runDemo(arguments("--demo", "a storm at sea [simulate:fail]"));

        assertThat(exitCode).isEqualTo(DemoRunner.FAILURE);
        assertThat(captured.getErr()).containsPattern("Demo failed: video job G-[0-9A-Z]+ ended failed");
        assertThat(captured.getOut()).doesNotContain("Saved ");
        try (var files = Files.list(this.output)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aMissingPromptEndsTheDemoNamingTheField(CapturedOutput captured) {
        int exitCode = SampleApplication.runDemo(arguments("--demo"));

        assertThat(exitCode).isEqualTo(DemoRunner.FAILURE);
        assertThat(captured.getErr()).contains("Demo failed: prompt: prompt is required");
    }

    private String[] arguments(String... demo) {
        String[] arguments = new String[demo.length + 2];
        System.arraycopy(demo, 0, arguments, 0, demo.length);
        arguments[demo.length] = "--sample.demo.output-directory=" + this.output;
        arguments[demo.length + 1] = "--spring.main.banner-mode=off";
        return arguments;
    }
}
