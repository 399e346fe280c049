package io.aistats.test;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

import java.util.HashMap;
import java.util.Map;

/**
 * Registers a shared {@link AiStatsGatewaySimulator} as a bean and points the {@code ai-stats.*} connection
 * properties at it. Equal settings give equal customizers, so Spring's context cache keeps working.
 */
final class AiStatsSimulatorContextCustomizer implements ContextCustomizer {

    /** The bean name of the simulator. */
    static final String BEAN_NAME = "aiStatsGatewaySimulator";

    /** The name of the property source holding the connection properties. */
    static final String PROPERTY_SOURCE_NAME = "aiStatsGatewaySimulator";

    private static final Map<Settings, Shared> SIMULATORS = new HashMap<>();

    private final Settings settings;

    AiStatsSimulatorContextCustomizer(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        AiStatsGatewaySimulator simulator = acquire(this.settings);
        DefaultListableBeanFactory beanFactory = (DefaultListableBeanFactory) context.getBeanFactory();
        beanFactory.registerSingleton(BEAN_NAME, simulator);
        Settings key = this.settings;
        // released when the context destroys its beans, after its own ContextClosedEvent listeners and lifecycle
        // beans stopped, which may still call the gateway; registered first, so destroyed last
        beanFactory.registerDisposableBean(BEAN_NAME, () -> release(key));
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
                simulator.clientProperties()));
    }

    private static synchronized AiStatsGatewaySimulator acquire(Settings settings) {
        Shared shared = SIMULATORS.get(settings);
        if (shared == null || shared.simulator.isClosed()) {
            AiStatsGatewaySimulator.Builder builder = AiStatsGatewaySimulator.builder()
                    .allowLocalWebhookUrls(settings.allowLocalWebhookUrls());
            if (settings.manualClock()) {
                builder.manualClock();
            }
            shared = new Shared(builder.start());
            SIMULATORS.put(settings, shared);
        }
        shared.users++;
        return shared.simulator;
    }

    private static synchronized void release(Settings settings) {
        Shared shared = SIMULATORS.get(settings);
        if (shared != null && --shared.users <= 0) {
            SIMULATORS.remove(settings);
            shared.simulator.close();
        }
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof AiStatsSimulatorContextCustomizer customizer
                && this.settings.equals(customizer.settings);
    }

    @Override
    public int hashCode() {
        return this.settings.hashCode();
    }

    /**
     * The attributes of {@link AutoConfigureAiStatsSimulator}; one simulator per distinct value.
     * @param manualClock whether the clock is manual
     * @param allowLocalWebhookUrls whether local webhook URLs are allowed
     */
    record Settings(boolean manualClock, boolean allowLocalWebhookUrls) {
    }

    /** A started simulator and how many open contexts use it. */
    private static final class Shared {

        private final AiStatsGatewaySimulator simulator;

        private int users;

        Shared(AiStatsGatewaySimulator simulator) {
            this.simulator = simulator;
        }
    }
}
