package io.aistats.test;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureAiStatsSimulator} on a minimal {@code @SpringBootTest}.
 */
@SpringBootTest(properties = "ai-stats.base-url=https://api.phaseo.app/v1")
@AutoConfigureAiStatsSimulator(manualClock = true)
class AutoConfigureAiStatsSimulatorTests {

    @Autowired
    AiStatsGatewaySimulator simulator;

    @Autowired
    Environment environment;

    @Value("${ai-stats.api-key}")
    String apiKey;

    @Test
    void registersTheSimulatorAndPointsThePropertiesAtIt() {
        assertThat(this.simulator.isClosed()).isFalse();
        assertThat(this.environment.getProperty("ai-stats.base-url"))
                .isEqualTo("http://127.0.0.1:" + this.simulator.port() + "/v1");
        assertThat(this.apiKey).isEqualTo(this.simulator.apiKey());
        assertThat(this.environment.getProperty("ai-stats.management-key")).isEqualTo(this.simulator.managementKey());
        GatewayHttp.Response health = new GatewayHttp(this.simulator).call("GET", "/v1/health").send();
        assertThat(health.status()).isEqualTo(200);
    }

    @Test
    void appliesTheAnnotationAttributes() {
        assertThat(this.simulator.clock().isManual()).isTrue();
        assertThat(this.simulator.runtime().allowLocalWebhookUrls()).isTrue();
        this.simulator.clock().advance(Duration.ofSeconds(1));
    }
}
