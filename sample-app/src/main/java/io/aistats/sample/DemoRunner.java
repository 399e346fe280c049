package io.aistats.sample;

import io.aistats.video.VideoClient;
import io.aistats.video.error.AiStatsException;
import io.aistats.video.event.VideoJobCompletedEvent;
import io.aistats.video.event.VideoJobEvent;
import io.aistats.video.model.VideoGenerationRequest;
import io.aistats.video.model.VideoJob;
import io.aistats.video.model.VideoJobError;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The one-shot demo behind {@code --demo "prompt"}: creates a job, waits for the event that ends it (not by
 * polling: a {@code VideoJobCompletedEvent} or {@code VideoJobFailedEvent} from the job watcher), downloads the video
 * and prints its path, size and job id. Any failure prints a clear message and makes the process exit with
 * {@value #FAILURE}.
 */
@Component
class DemoRunner implements ApplicationRunner, ExitCodeGenerator {

    /** Exit code of a failed demo. */
    static final int FAILURE = 1;

    private static final Log logger = LogFactory.getLog(DemoRunner.class);

    private final VideoClient videoClient;

    private final JobTracking tracking;

    private final JobCompletion completion;

    private final SampleProperties.Demo settings;

    private int exitCode;

    DemoRunner(VideoClient videoClient, JobTracking tracking, JobCompletion completion, SampleProperties properties) {
        this.videoClient = videoClient;
        this.tracking = tracking;
        this.completion = completion;
        this.settings = properties.getDemo();
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> demo = args.getOptionValues("demo");
        if (demo == null) {
            return;
        }
        // --demo "prompt" arrives as a non-option argument, --demo="prompt" as the option's value
        String prompt = (!demo.isEmpty() && !demo.get(0).isBlank()) ? demo.get(0)
                : String.join(" ", args.getNonOptionArgs());
        try {
            runDemo(prompt);
        }
        catch (AiStatsException | IOException | UncheckedIOException | IllegalStateException ex) {
            this.exitCode = FAILURE;
            System.err.println("Demo failed: " + ex.getMessage());
            logger.debug("Demo failed", ex);
        }
    }

    private void runDemo(String prompt) throws IOException {
        VideoJob created = this.videoClient.generateVideo(VideoGenerationRequest.builder().prompt(prompt).build());
        String videoId = String.valueOf(created.id());
        this.tracking.follow(created);
        System.out.println("Created video job " + videoId + " (" + created.status() + "); waiting for its "
                + "completion event from " + this.tracking.description());
        VideoJobEvent end = this.completion.await(videoId, this.settings.getTimeout());
        if (!(end instanceof VideoJobCompletedEvent)) {
            throw new IllegalStateException("video job " + videoId + " ended " + end.job().status() + reason(videoId));
        }
        Path directory = this.settings.getOutputDirectory();
        Files.createDirectories(directory);
        Path file = this.videoClient.downloadVideoContent(videoId, directory.resolve(videoId + ".mp4"));
        System.out.println("Saved " + file.toAbsolutePath() + " (" + Files.size(file) + " bytes) for video job "
                + videoId);
    }

    /** The events carry no error message; the job itself does. */
    private String reason(String videoId) {
        try {
            VideoJobError error = this.videoClient.getVideo(videoId).error();
            return (error != null && error.message() != null) ? ": " + error.message() : "";
        }
        catch (AiStatsException ex) {
            return "";
        }
    }

    @Override
    public int getExitCode() {
        return this.exitCode;
    }
}
