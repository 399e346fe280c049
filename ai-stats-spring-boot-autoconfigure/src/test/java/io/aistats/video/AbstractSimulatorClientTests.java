package io.aistats.video;

import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.test.AiStatsSimulatorExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tests of the blocking client (and its reactive twin) against a gateway simulator with a manual clock that accepts
 * local webhook URLs, over real sockets: each test class gets a simulator of its own and a client with short back-off
 * ({@link SimulatorClients}), and each test starts without faults.
 */
abstract class AbstractSimulatorClientTests {

    @RegisterExtension
    static final AiStatsSimulatorExtension gateway =
            AiStatsSimulatorExtension.of((builder) -> builder.manualClock().allowLocalWebhookUrls(true));

    static AiStatsGatewaySimulator simulator;

    static VideoClient client;

    @BeforeAll
    static void startSimulatorAndClient() {
        simulator = gateway.simulator();
        client = SimulatorClients.blocking(simulator);
    }

    @BeforeEach
    void resetFaults() {
        simulator.faults().reset();
    }
}
