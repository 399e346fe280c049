package io.aistats.sample;

import io.aistats.test.AiStatsGatewaySimulator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Points the application at an in-process gateway simulator when no API key is configured, so that the sample runs
 * with no account and no network. With {@code ai-stats.api-key} (or {@code AI_STATS_API_KEY}) set, it does nothing.
 */
public class OfflineGatewayInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Name of the property source holding the simulator's URL and keys. */
    public static final String PROPERTY_SOURCE_NAME = "aiStatsOfflineGateway";

    /** Name of the simulator's bean. */
    static final String SIMULATOR_BEAN_NAME = "aiStatsGatewaySimulator";

    private static final Log logger = LogFactory.getLog(OfflineGatewayInitializer.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (hasApiKey(environment)) {
            return;
        }
        // local webhook URLs, so that the application can register its own endpoint (see LocalWebhookEndpoint)
        AiStatsGatewaySimulator simulator = AiStatsGatewaySimulator.builder().allowLocalWebhookUrls(true).start();
        environment.getPropertySources()
            .addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, simulator.clientProperties()));
        DefaultListableBeanFactory beanFactory = (DefaultListableBeanFactory) context.getBeanFactory();
        beanFactory.registerSingleton(SIMULATOR_BEAN_NAME, simulator);
        // closed when the context destroys its beans, after LocalWebhookEndpoint deleted its endpoint on
        // ContextClosedEvent; registered first, so destroyed last
        beanFactory.registerDisposableBean(SIMULATOR_BEAN_NAME, simulator::close);
        logger.info("No AI Stats API key is configured (ai-stats.api-key / AI_STATS_API_KEY): running offline against "
                + "the bundled gateway simulator at " + simulator.baseUrl());
    }

    private static boolean hasApiKey(ConfigurableEnvironment environment) {
        return StringUtils.hasText(environment.getProperty("ai-stats.api-key"))
                || StringUtils.hasText(environment.getProperty("AI_STATS_API_KEY"));
    }
}
