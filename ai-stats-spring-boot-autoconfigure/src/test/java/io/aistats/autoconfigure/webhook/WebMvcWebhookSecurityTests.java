package io.aistats.autoconfigure.webhook;

import org.junit.jupiter.api.Test;

import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring MVC application with the actuator, secured by Spring Boot's default security (no chain of its own).
 */
@TestPropertySource(properties = "spring.main.web-application-type=servlet")
class WebMvcWebhookSecurityTests extends AbstractWebhookSecurityTests {

    @Test
    void addsTheWebhookChainBesideBootsDefaultChain() {
        assertThat(this.context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys(
                AiStatsWebhookWebMvcAutoConfiguration.SECURITY_FILTER_CHAIN_BEAN_NAME, "managementSecurityFilterChain");
    }
}
