package io.aistats.autoconfigure.webhook;

import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring MVC application with its own high-priority security filter chain that authenticates every request.
 */
@TestPropertySource(properties = "spring.main.web-application-type=servlet")
@Import(WebMvcWebhookUserChainSecurityTests.UserSecurity.class)
class WebMvcWebhookUserChainSecurityTests extends AbstractWebhookSecurityTests {

    @Test
    void addsOnlyTheWebhookChainBesideTheApplicationsChain() {
        assertThat(this.context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys(
                AiStatsWebhookWebMvcAutoConfiguration.SECURITY_FILTER_CHAIN_BEAN_NAME, "applicationChain");
    }

    @Configuration(proxyBeanMethods = false)
    static class UserSecurity {

        @Bean
        @Order(1)
        SecurityFilterChain applicationChain(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .build();
        }
    }
}
