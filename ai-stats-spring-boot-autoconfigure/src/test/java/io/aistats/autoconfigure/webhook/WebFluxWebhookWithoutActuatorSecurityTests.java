package io.aistats.autoconfigure.webhook;

import org.junit.jupiter.api.Test;

import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring WebFlux application without the actuator, secured by Spring Security's defaults (no chain of its own).
 * Declaring the webhook chain switches Spring Security's implicit default chain off, so the starter declares the
 * default alongside.
 */
@TestPropertySource(properties = { "spring.main.web-application-type=reactive",
        "spring.autoconfigure.exclude=" + WebFluxWebhookWithoutActuatorSecurityTests.MANAGEMENT_SECURITY })
class WebFluxWebhookWithoutActuatorSecurityTests extends AbstractWebhookSecurityTests {

    static final String MANAGEMENT_SECURITY = "org.springframework.boot.security.autoconfigure.actuate.web.reactive."
            + "ReactiveManagementWebSecurityAutoConfiguration";

    @Test
    void addsTheWebhookChainAndTheDefaultChain() {
        assertThat(this.context.getBeansOfType(SecurityWebFilterChain.class)).containsOnlyKeys(
                AiStatsWebhookWebFluxAutoConfiguration.SECURITY_WEB_FILTER_CHAIN_BEAN_NAME,
                AiStatsWebhookWebFluxAutoConfiguration.DEFAULT_SECURITY_WEB_FILTER_CHAIN_BEAN_NAME);
    }
}
