package com.example.consumer;

import io.aistats.test.AiStatsGatewaySimulator;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's executable jar, started with {@code java -jar} against the gateway simulator, creates a video job
 * through the starter; and Spring Boot left the code-free starter jars out of it.
 */
class ConsumerJarIT {

    private static final Path JAR = Path.of(System.getProperty("consumer.jar"));

    private static final String LIB = "BOOT-INF/lib/";

    @Test
    void theExecutableJarCreatesAVideoJobThroughTheStarter() throws Exception {
        try (AiStatsGatewaySimulator simulator = AiStatsGatewaySimulator.start()) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
            simulator.clientProperties().forEach((name, value) -> command.add("--" + name + "=" + value));
            Path output = Files.createTempFile(JAR.getParent(), "consumer", ".log");
            Process application = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();

            boolean exited = application.waitFor(120, TimeUnit.SECONDS);
            if (!exited) {
                application.destroyForcibly();
            }
            String log = Files.readString(output);
            assertThat(exited).as("the application exits within 120 s:%n%s", log).isTrue();
            assertThat(application.exitValue()).as("exit code; output:%n%s", log).isZero();
            Matcher created = Pattern.compile("Created video job (G-\\S+)").matcher(log);
            assertThat(created.find()).as("the job id is printed:%n%s", log).isTrue();
            assertThat(simulator.jobs().get(created.group(1)).prompt()).isEqualTo("a calm ocean at dusk");
            assertThat(simulator.requestCount("POST", "/v1/videos")).isEqualTo(1);
        }
    }

    @Test
    void theExecutableJarHoldsTheAutoConfigurationButNoStarterJar() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> libraries = jar.stream().map(ZipEntry::getName)
                    .filter((name) -> name.startsWith(LIB) && name.length() > LIB.length())
                    .map((name) -> name.substring(LIB.length()))
                    .toList();
            assertThat(libraries).anyMatch((name) -> name.startsWith("ai-stats-spring-boot-autoconfigure-"))
                    .anyMatch((name) -> name.startsWith("spring-webflux-"))
                    .noneMatch((name) -> name.startsWith("ai-stats-spring-boot-starter-"))
                    .noneMatch((name) -> name.startsWith("spring-boot-starter"))
                    .noneMatch((name) -> name.startsWith("ai-stats-spring-boot-test-"));
        }
    }
}
