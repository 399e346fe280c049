package io.aistats.autoconfigure.webhook;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.server.SecurityWebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring WebFlux application with the actuator, secured by Spring Boot's default security (no chain of its own).
 */
@SpringBootTest(classes = WebhookTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=reactive", AbstractWebhookEndToEndTests.PROPERTIES_SECRET })
class WebFluxWebhookSecurityTests extends AbstractWebhookSecurityTests {

    @Autowired
    private ApplicationContext context;

    @Test
    void addsTheWebhookChainBesideBootsDefaultChain() {
        assertThat(this.context.getBeansOfType(SecurityWebFilterChain.class)).containsOnlyKeys(
                AiStatsWebhookWebFluxAutoConfiguration.SECURITY_WEB_FILTER_CHAIN_BEAN_NAME, "springSecurityFilterChain");
    }
}
