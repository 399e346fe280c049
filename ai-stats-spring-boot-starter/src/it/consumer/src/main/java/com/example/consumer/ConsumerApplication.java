package com.example.consumer;

import io.aistats.video.VideoClient;
import io.aistats.video.model.VideoGenerationRequest;
import io.aistats.video.model.VideoJob;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Starts one video job through the auto-configured {@link VideoClient}, prints its id and exits.
 */
@SpringBootApplication
public class ConsumerApplication {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(ConsumerApplication.class, args)));
    }

    @Bean
    ApplicationRunner createVideoJob(VideoClient videos) {
        return (args) -> {
            VideoJob job = videos.generateVideo(VideoGenerationRequest.of("a calm ocean at dusk"));
            System.out.println("Created video job " + job.id());
        };
    }
}
