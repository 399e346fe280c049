package io.aistats.autoconfigure.webhook;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A minimal application that receives the gateway's webhooks with the starter's auto-configuration.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class WebhookTestApplication {

    @Bean
    RecordingListener recordingListener() {
        return new RecordingListener();
    }
}
