package io.aistats.video.stream;

import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.video.ReactiveVideoClient;
import io.aistats.video.VideoClientSettings;
import io.aistats.video.VideoJobCreationListener;
import io.aistats.video.model.JobStreamSettings;
import io.aistats.video.model.VideoGenerationRequest;
import io.aistats.video.model.VideoJob;

import org.springframework.web.reactive.function.client.WebClient;

import java.time.Duration;
import java.util.List;

/**
 * Clients pointed at a gateway simulator, with stream settings that keep fallback tests fast: short reconnection
 * back-off and a fixed 50 ms poll interval.
 */
final class StreamTestSupport {

    /** The longest any single step of a test may take; steps normally take milliseconds. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private StreamTestSupport() {
    }

    static VideoClientSettings.Builder settings(AiStatsGatewaySimulator simulator) {
        return VideoClientSettings.builder()
            .baseUrl(simulator.baseUrl())
            .apiKey(simulator.apiKey())
            .connectTimeout(Duration.ofSeconds(2))
            .responseTimeout(Duration.ofSeconds(5))
            .maxRetries(1)
            .initialBackoff(Duration.ofMillis(10))
            .maxBackoff(Duration.ofMillis(20));
    }

    static JobStreamSettings streamSettings() {
        return JobStreamSettings.defaults()
            .withReconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(100))
            .withPollInterval(Duration.ofMillis(50));
    }

    static ReactiveVideoClient client(AiStatsGatewaySimulator simulator) {
        return client(settings(simulator).build(), streamSettings());
    }

    static ReactiveVideoClient client(VideoClientSettings settings, JobStreamSettings streamSettings,
            VideoJobCreationListener... listeners) {
        return ReactiveVideoClient.create(WebClient::builder, settings, ReactiveVideoClient.Options.defaults()
            .withStreamSettings(streamSettings).withCreationListeners(List.of(listeners)));
    }

    static VideoJob createJob(ReactiveVideoClient client) {
        VideoJob job = client.generateVideo(VideoGenerationRequest.of("A paper boat drifting down a street"))
            .block(WAIT);
        if (job == null || job.id() == null) {
            throw new IllegalStateException("The simulator created no job");
        }
        return job;
    }
}
