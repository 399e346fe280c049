package io.aistats.test;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SimulatorRuntimeHints}.
 */
class SimulatorRuntimeHintsTests {

    @Test
    void theBundledVideoIsARegisteredResource() throws IOException {
        RuntimeHints hints = new RuntimeHints();
        new SimulatorRuntimeHints().registerHints(hints, getClass().getClassLoader());

        assertThat(RuntimeHintsPredicates.resource().forResource(SimulatorRuntimeHints.SAMPLE_VIDEO)).accepts(hints);
        assertThat(RuntimeHintsPredicates.resource().forResource("io/aistats/test/other.mp4")).rejects(hints);
        // the hint names the resource the simulator really reads
        try (InputStream video = getClass().getClassLoader().getResourceAsStream(SimulatorRuntimeHints.SAMPLE_VIDEO)) {
            assertThat(video).isNotNull();
            assertThat(video.readAllBytes()).isEqualTo(AiStatsGatewaySimulator.sampleVideo());
        }
    }

    @Test
    void isRegisteredForAheadOfTimeProcessing() {
        List<RuntimeHintsRegistrar> registrars = SpringFactoriesLoader
            .forResourceLocation("META-INF/spring/aot.factories")
            .load(RuntimeHintsRegistrar.class);

        assertThat(registrars).hasAtLeastOneElementOfType(SimulatorRuntimeHints.class);
    }
}
