package io.aistats.sample;

import org.springframework.aot.AotDetector;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

import java.util.Arrays;
import java.util.Map;

/**
 * A small application that uses the AI Stats starter the way a user would.
 * <p>
 * Without arguments it serves a page at {@code /} to generate, watch, play and delete videos. With
 * {@code --demo "a prompt"} it generates one video, downloads it and exits. When no API key is configured it runs
 * against the bundled gateway simulator, offline.
 */
@SpringBootApplication
@EnableConfigurationProperties(SampleProperties.class)
public class SampleApplication {

    /**
     * Starts the web application, or runs the demo and exits with its exit code.
     * @param args command-line arguments; {@code --demo "prompt"} runs the one-shot demo
     */
    public static void main(String[] args) {
        if (isDemo(args)) {
            System.exit(runDemo(args));
        }
        application(false).run(args);
    }

    /**
     * Runs the one-shot demo.
     * @param args command-line arguments including {@code --demo "prompt"}
     * @return the exit code: 0 when the video was generated and saved
     */
    static int runDemo(String... args) {
        try {
            return SpringApplication.exit(application(true).run(args));
        }
        catch (RuntimeException ex) {
            // Spring Boot has already reported why the application could not start
            return DemoRunner.FAILURE;
        }
    }

    private static SpringApplication application(boolean demo) {
        SpringApplication application = new SpringApplication(SampleApplication.class);
        application.addInitializers(new OfflineGatewayInitializer());
        if (demo) {
            // a one-shot command: its own lines matter, Spring Boot's start-up report does not
            application.setBannerMode(Banner.Mode.OFF);
            application.setLogStartupInfo(false);
        }
        if (demo && AotDetector.useGeneratedArtifacts()) {
            // the ahead-of-time build fixed the beans of the web application (main runs it without --demo), so the
            // demo runs in it, on a free port
            application.setDefaultProperties(Map.of("server.port", "0"));
        }
        else if (demo) {
            application.setWebApplicationType(WebApplicationType.NONE);
        }
        return application;
    }

    private static boolean isDemo(String[] args) {
        return Arrays.stream(args).anyMatch((arg) -> arg.equals("--demo") || arg.startsWith("--demo="));
    }
}
