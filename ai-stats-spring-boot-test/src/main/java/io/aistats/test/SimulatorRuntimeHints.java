package io.aistats.test;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Runtime hints for an application that starts the gateway simulator itself (such as a sample that runs offline)
 * and is processed ahead of time: the bundled video the simulator serves as job content. Registered in
 * {@code META-INF/spring/aot.factories}.
 */
public class SimulatorRuntimeHints implements RuntimeHintsRegistrar {

    /** Where the bundled video lies on the class path. */
    static final String SAMPLE_VIDEO = "io/aistats/test/sample.mp4";

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        hints.resources().registerPattern(SAMPLE_VIDEO);
    }
}
