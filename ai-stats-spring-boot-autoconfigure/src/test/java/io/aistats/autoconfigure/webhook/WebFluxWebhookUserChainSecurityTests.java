package io.aistats.autoconfigure.webhook;

import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring WebFlux application with its own high-priority security chain that authenticates every exchange.
 */
@TestPropertySource(properties = "spring.main.web-application-type=reactive")
@Import(WebFluxWebhookUserChainSecurityTests.UserSecurity.class)
class WebFluxWebhookUserChainSecurityTests extends AbstractWebhookSecurityTests {

    @Test
    void addsOnlyTheWebhookChainBesideTheApplicationsChain() {
        assertThat(this.context.getBeansOfType(SecurityWebFilterChain.class)).containsOnlyKeys(
                AiStatsWebhookWebFluxAutoConfiguration.SECURITY_WEB_FILTER_CHAIN_BEAN_NAME, "applicationChain");
    }

    @Configuration(proxyBeanMethods = false)
    static class UserSecurity {

        @Bean
        @Order(1)
        SecurityWebFilterChain applicationChain(ServerHttpSecurity http) {
            return http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
                .httpBasic(Customizer.withDefaults())
                .build();
        }
    }
}
