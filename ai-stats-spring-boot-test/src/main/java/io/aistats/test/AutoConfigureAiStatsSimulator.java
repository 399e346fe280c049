package io.aistats.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points a Spring test at an in-process {@link AiStatsGatewaySimulator}: the simulator is registered as a bean (so
 * tests can autowire it to steer jobs and inject faults) and the properties {@code ai-stats.base-url},
 * {@code ai-stats.api-key} and {@code ai-stats.management-key} are set to it with the highest precedence.
 * <p>
 * One simulator is started per distinct attribute combination and shared by the test contexts that use it (its jobs
 * and recorded requests therefore accumulate across those tests); it is closed when the last such context closes,
 * or at JVM exit.
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureAiStatsSimulator(manualClock = true)
 * class VideoServiceTests {
 *     @Autowired AiStatsGatewaySimulator gateway;
 *     @Autowired VideoClient videos;
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureAiStatsSimulator {

    /**
     * Whether the simulator's clock moves only through {@link SimulatorClock#advance(java.time.Duration)}.
     * @return {@code true} for a manual clock
     */
    boolean manualClock() default false;

    /**
     * Whether webhook endpoints may use local {@code http} URLs, so that the application under test can receive
     * deliveries.
     * @return {@code true} to allow local webhook URLs
     */
    boolean allowLocalWebhookUrls() default true;
}
