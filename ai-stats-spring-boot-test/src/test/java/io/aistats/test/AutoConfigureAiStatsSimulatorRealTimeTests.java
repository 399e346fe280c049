package io.aistats.test;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default attributes of {@link AutoConfigureAiStatsSimulator} give a real-time simulator.
 */
@SpringBootTest
@AutoConfigureAiStatsSimulator
class AutoConfigureAiStatsSimulatorRealTimeTests {

    @Autowired
    AiStatsGatewaySimulator simulator;

    @Test
    void startsARealTimeSimulator() {
        assertThat(this.simulator.clock().isManual()).isFalse();
        assertThat(this.simulator.runtime().allowLocalWebhookUrls()).isTrue();
    }
}
