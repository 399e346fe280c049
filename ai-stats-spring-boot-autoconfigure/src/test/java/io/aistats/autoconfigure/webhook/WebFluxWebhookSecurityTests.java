package io.aistats.autoconfigure.webhook;

import org.junit.jupiter.api.Test;

import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring WebFlux application with the actuator, secured by Spring Boot's default security (no chain of its own).
 */
@TestPropertySource(properties = "spring.main.web-application-type=reactive")
class WebFluxWebhookSecurityTests extends AbstractWebhookSecurityTests {

    @Test
    void addsTheWebhookChainBesideBootsDefaultChain() {
        assertThat(this.context.getBeansOfType(SecurityWebFilterChain.class)).containsOnlyKeys(
                AiStatsWebhookWebFluxAutoConfiguration.SECURITY_WEB_FILTER_CHAIN_BEAN_NAME, "springSecurityFilterChain");
    }
}
