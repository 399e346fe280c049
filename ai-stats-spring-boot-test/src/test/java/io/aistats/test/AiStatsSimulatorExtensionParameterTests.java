package io.aistats.test;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AiStatsSimulatorExtension} declared with {@code @ExtendWith}: the simulator as a parameter of
 * lifecycle methods, the constructor and test methods, one for the class.
 */
@ExtendWith(AiStatsSimulatorExtension.class)
class AiStatsSimulatorExtensionParameterTests {

    private static AiStatsGatewaySimulator atBeforeAll;

    private final AiStatsGatewaySimulator injected;

    AiStatsSimulatorExtensionParameterTests(AiStatsGatewaySimulator simulator) {
        this.injected = simulator;
    }

    @BeforeAll
    static void receivesTheSimulator(AiStatsGatewaySimulator simulator) {
        atBeforeAll = simulator;
    }

    @AfterAll
    static void itRunsUntilTheClassEnds(AiStatsGatewaySimulator simulator) {
        assertThat(simulator).isSameAs(atBeforeAll);
        assertThat(simulator.isClosed()).isFalse();
    }

    @Test
    void constructorsAndTestMethodsGetTheSameSimulator(AiStatsGatewaySimulator simulator) throws Exception {
        assertThat(simulator).isSameAs(atBeforeAll).isSameAs(this.injected);
        assertThat(AiStatsSimulatorExtensionTests.health(simulator)).isEqualTo(200);
    }

    @Test
    void aDefaultSimulatorRunsOnTheRealClock(AiStatsGatewaySimulator simulator) {
        assertThat(simulator.clock().isManual()).isFalse();
    }
}
