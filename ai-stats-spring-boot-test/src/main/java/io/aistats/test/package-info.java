/**
 * Offline test kit for the AI Stats (Phaseo) gateway: {@link io.aistats.test.AiStatsGatewaySimulator}, an in-process
 * simulator of the gateway's video API that follows the gateway contract byte for byte where it matters (error
 * shapes, status vocabularies, signed links), and {@link io.aistats.test.AutoConfigureAiStatsSimulator} to point a
 * Spring Boot test at it.
 * <p>
 * Public types of this package are API; package-private types are the simulator's internals.
 */
@NullMarked
package io.aistats.test;

import org.jspecify.annotations.NullMarked;
