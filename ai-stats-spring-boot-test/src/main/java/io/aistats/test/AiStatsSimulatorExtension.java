package io.aistats.test;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Runs an {@link AiStatsGatewaySimulator} for JUnit Jupiter tests that do not start a Spring context (for those, see
 * {@link AutoConfigureAiStatsSimulator}).
 * <p>
 * Declared with {@code @ExtendWith(AiStatsSimulatorExtension.class)}, it starts a default simulator (real-time clock)
 * before the test class and stops it after the class; test methods, constructors and lifecycle methods receive it as
 * an {@link AiStatsGatewaySimulator} parameter. Registered programmatically, it takes a configuration and hands the
 * simulator out through {@link #simulator()}:
 * <pre class="code">
 * &#64;RegisterExtension
 * static final AiStatsSimulatorExtension gateway = AiStatsSimulatorExtension.of(AiStatsGatewaySimulator.Builder::manualClock);
 *
 * &#64;BeforeAll
 * static void createClient() {
 *     client = newClient(gateway.simulator().baseUrl(), gateway.simulator().apiKey());
 * }
 * </pre>
 * In a {@code static} field the simulator serves the whole class (nested classes included) and starts before the
 * class's {@code @BeforeAll} methods; in an instance field each test gets a fresh one. The simulator keeps its state
 * (jobs, faults, recorded requests) from one test to the next of a class: reset what a test changed, for example
 * with {@code simulator.faults().reset()} in an {@code @AfterEach} method.
 */
public final class AiStatsSimulatorExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(AiStatsSimulatorExtension.class);

    private final UnaryOperator<AiStatsGatewaySimulator.Builder> configuration;

    private volatile @Nullable AiStatsGatewaySimulator simulator;

    /**
     * Creates the extension with a default simulator; this is the constructor {@code @ExtendWith} uses.
     */
    public AiStatsSimulatorExtension() {
        this(UnaryOperator.identity());
    }

    private AiStatsSimulatorExtension(UnaryOperator<AiStatsGatewaySimulator.Builder> configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration must not be null");
    }

    /**
     * @param configuration configures the simulator's builder, for example
     * {@code AiStatsGatewaySimulator.Builder::manualClock}
     * @return an extension to register with {@code @RegisterExtension}
     */
    public static AiStatsSimulatorExtension of(UnaryOperator<AiStatsGatewaySimulator.Builder> configuration) {
        return new AiStatsSimulatorExtension(configuration);
    }

    /**
     * @return the running simulator
     * @throws IllegalStateException outside the tests the extension serves
     */
    public AiStatsGatewaySimulator simulator() {
        AiStatsGatewaySimulator running = this.simulator;
        if (running == null) {
            throw new IllegalStateException("The simulator runs only while the tests the extension is registered "
                    + "for run; register it in a static field to use it in @BeforeAll methods");
        }
        return running;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startUnlessRunning(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        startUnlessRunning(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == AiStatsGatewaySimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return simulator();
    }

    /**
     * Starts a simulator for the context unless one runs (a nested class shares its outer class's); the context's
     * store stops it when the context ends.
     */
    private synchronized void startUnlessRunning(ExtensionContext context) {
        if (this.simulator != null) {
            return;
        }
        AiStatsGatewaySimulator started = this.configuration.apply(AiStatsGatewaySimulator.builder()).start();
        this.simulator = started;
        context.getStore(NAMESPACE).put(this, (AutoCloseable) () -> stop(started));
    }

    private synchronized void stop(AiStatsGatewaySimulator started) {
        if (this.simulator == started) {
            this.simulator = null;
        }
        started.close();
    }

    @Override
    public String toString() {
        AiStatsGatewaySimulator running = this.simulator;
        return "AiStatsSimulatorExtension[" + ((running != null) ? running.baseUrl() : "not running") + "]";
    }
}
