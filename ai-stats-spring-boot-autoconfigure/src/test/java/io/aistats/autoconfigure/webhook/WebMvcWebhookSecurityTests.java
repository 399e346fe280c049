package io.aistats.autoconfigure.webhook;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring MVC application with the actuator, secured by Spring Boot's default security (no chain of its own).
 */
@SpringBootTest(classes = WebhookTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=servlet", AbstractWebhookEndToEndTests.PROPERTIES_SECRET })
class WebMvcWebhookSecurityTests extends AbstractWebhookSecurityTests {

    @Autowired
    private ApplicationContext context;

    @Test
    void addsTheWebhookChainBesideBootsDefaultChain() {
        assertThat(this.context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys(
                AiStatsWebhookWebMvcAutoConfiguration.SECURITY_FILTER_CHAIN_BEAN_NAME, "managementSecurityFilterChain");
    }
}
