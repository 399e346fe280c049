package io.aistats.autoconfigure.webhook;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.server.SecurityWebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring WebFlux application without the actuator, secured by Spring Security's defaults (no chain of its own).
 * Declaring the webhook chain switches Spring Security's implicit default chain off, so the starter declares the
 * default alongside.
 */
@SpringBootTest(classes = WebhookTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=reactive", AbstractWebhookEndToEndTests.PROPERTIES_SECRET,
                "spring.autoconfigure.exclude=" + WebFluxWebhookWithoutActuatorSecurityTests.MANAGEMENT_SECURITY })
class WebFluxWebhookWithoutActuatorSecurityTests extends AbstractWebhookSecurityTests {

    static final String MANAGEMENT_SECURITY = "org.springframework.boot.security.autoconfigure.actuate.web.reactive."
            + "ReactiveManagementWebSecurityAutoConfiguration";

    @Autowired
    private ApplicationContext context;

    @Test
    void addsTheWebhookChainAndTheDefaultChain() {
        assertThat(this.context.getBeansOfType(SecurityWebFilterChain.class)).containsOnlyKeys(
                AiStatsWebhookWebFluxAutoConfiguration.SECURITY_WEB_FILTER_CHAIN_BEAN_NAME,
                AiStatsWebhookWebFluxAutoConfiguration.DEFAULT_SECURITY_WEB_FILTER_CHAIN_BEAN_NAME);
    }
}
