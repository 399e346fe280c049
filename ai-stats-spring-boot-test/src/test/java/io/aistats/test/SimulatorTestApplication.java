package io.aistats.test;

import org.springframework.boot.SpringBootConfiguration;

/**
 * The (empty) application of the {@code @SpringBootTest}s of this module.
 */
@SpringBootConfiguration
class SimulatorTestApplication {
}
