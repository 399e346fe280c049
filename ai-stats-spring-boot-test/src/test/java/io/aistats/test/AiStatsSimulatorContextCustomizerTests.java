package io.aistats.test;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextCustomizer;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lifecycle of simulators started for test contexts: shared per settings, closed with the last context.
 */
class AiStatsSimulatorContextCustomizerTests {

    private final AiStatsSimulatorContextCustomizerFactory factory = new AiStatsSimulatorContextCustomizerFactory();

    @Test
    void ignoresTestsWithoutTheAnnotation() {
        assertThat(this.factory.createContextCustomizer(Plain.class, List.of())).isNull();
    }

    @Test
    void equalSettingsGiveEqualCustomizers() {
        ContextCustomizer first = this.factory.createContextCustomizer(Annotated.class, List.of());
        ContextCustomizer second = this.factory.createContextCustomizer(AlsoAnnotated.class, List.of());
        ContextCustomizer other = this.factory.createContextCustomizer(RealTime.class, List.of());
        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second).isNotEqualTo(other);
    }

    @Test
    void sharesOneSimulatorPerSettingsAndClosesItWithTheLastContext() {
        ContextCustomizer customizer = this.factory.createContextCustomizer(Annotated.class, List.of());
        GenericApplicationContext first = new GenericApplicationContext();
        GenericApplicationContext second = new GenericApplicationContext();
        customizer.customizeContext(first, null);
        customizer.customizeContext(second, null);
        first.refresh();
        second.refresh();
        AiStatsGatewaySimulator simulator = first.getBean(AiStatsGatewaySimulator.class);
        assertThat(second.getBean(AiStatsGatewaySimulator.class)).isSameAs(simulator);
        assertThat(simulator.clock().isManual()).isTrue();
        assertThat(simulator.runtime().allowLocalWebhookUrls()).isFalse();
        assertThat(first.getEnvironment().getProperty("ai-stats.api-key")).isEqualTo(simulator.apiKey());
        first.close();
        assertThat(simulator.isClosed()).isFalse();
        second.close();
        assertThat(simulator.isClosed()).isTrue();
    }

    static class Plain {
    }

    @AutoConfigureAiStatsSimulator(manualClock = true, allowLocalWebhookUrls = false)
    static class Annotated {
    }

    @AutoConfigureAiStatsSimulator(manualClock = true, allowLocalWebhookUrls = false)
    static class AlsoAnnotated {
    }

    @AutoConfigureAiStatsSimulator
    static class RealTime {
    }
}
