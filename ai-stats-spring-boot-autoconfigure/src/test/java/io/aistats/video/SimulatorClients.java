package io.aistats.video;

import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.video.model.VideoGenerationRequest;
import io.aistats.video.model.VideoJob;
import org.springframework.web.reactive.function.client.WebClient;

import java.time.Duration;

/**
 * Clients pointed at a gateway simulator, with short back-off so that retry tests stay fast.
 */
final class SimulatorClients {

    private SimulatorClients() {
    }

    static VideoClientSettings.Builder settings(AiStatsGatewaySimulator simulator) {
        return VideoClientSettings.builder()
            .baseUrl(simulator.baseUrl())
            .apiKey(simulator.apiKey())
            .connectTimeout(Duration.ofSeconds(2))
            .responseTimeout(Duration.ofSeconds(10))
            .callTimeout(Duration.ofSeconds(30))
            .maxRetries(2)
            .initialBackoff(Duration.ofMillis(10))
            .maxBackoff(Duration.ofMillis(40));
    }

    static ReactiveVideoClient reactive(AiStatsGatewaySimulator simulator) {
        return ReactiveVideoClient.create(WebClient.builder(), settings(simulator).build());
    }

    static VideoClient blocking(AiStatsGatewaySimulator simulator) {
        return VideoClient.create(reactive(simulator));
    }

    static VideoClient blocking(VideoClientSettings settings) {
        return VideoClient.create(ReactiveVideoClient.create(WebClient.builder(), settings));
    }

    /** Creates a job through the client and lets the simulator complete it. */
    static String completedJob(VideoClient client, AiStatsGatewaySimulator simulator) {
        VideoJob job = client.generateVideo(VideoGenerationRequest.of("A paper boat drifting down a street"));
        simulator.jobs().complete(job.id());
        return job.id();
    }
}
