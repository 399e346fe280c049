package io.aistats.autoconfigure.webhook;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which security chains the webhook auto-configurations declare in applications that enable Spring Security
 * themselves, without Spring Boot's security auto-configuration: the webhook chain always, and Spring Security's
 * default chain only when the application has none, so that no path is left unprotected.
 */
class WebhookSecurityChainTests {

    private static final AutoConfigurations WEBHOOK = AutoConfigurations.of(AiStatsWebhookAutoConfiguration.class,
            AiStatsWebhookWebMvcAutoConfiguration.class, AiStatsWebhookWebFluxAutoConfiguration.class);

    private final WebApplicationContextRunner servlet = new WebApplicationContextRunner().withConfiguration(WEBHOOK)
        .withPropertyValues("ai-stats.webhook.secret=whsec_test_secret");

    private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
        .withConfiguration(WEBHOOK)
        .withPropertyValues("ai-stats.webhook.secret=whsec_test_secret");

    @Test
    void servletApplicationWithoutAChainGetsTheWebhookChainAndTheDefaultChain() {
        this.servlet.withUserConfiguration(ServletSecurityEnabled.class).run((context) -> assertThat(
                context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys(
                        AiStatsWebhookWebMvcAutoConfiguration.SECURITY_FILTER_CHAIN_BEAN_NAME,
                        AiStatsWebhookWebMvcAutoConfiguration.DEFAULT_SECURITY_FILTER_CHAIN_BEAN_NAME));
    }

    @Test
    void servletApplicationWithAChainGetsOnlyTheWebhookChain() {
        this.servlet.withUserConfiguration(ServletSecurityEnabled.class, ServletChain.class).run((context) -> assertThat(
                context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys(
                        AiStatsWebhookWebMvcAutoConfiguration.SECURITY_FILTER_CHAIN_BEAN_NAME, "applicationChain"));
    }

    @Test
    void servletChainsCanBeSwitchedOff() {
        this.servlet.withUserConfiguration(ServletSecurityEnabled.class)
            .withPropertyValues("ai-stats.webhook.security.permit-all=false")
            .run((context) -> assertThat(context.getBeansOfType(SecurityFilterChain.class)).isEmpty());
    }

    @Test
    void reactiveApplicationWithoutAChainGetsTheWebhookChainAndTheDefaultChain() {
        this.reactive.withUserConfiguration(ReactiveSecurityEnabled.class).run((context) -> assertThat(
                context.getBeansOfType(SecurityWebFilterChain.class)).containsOnlyKeys(
                        AiStatsWebhookWebFluxAutoConfiguration.SECURITY_WEB_FILTER_CHAIN_BEAN_NAME,
                        AiStatsWebhookWebFluxAutoConfiguration.DEFAULT_SECURITY_WEB_FILTER_CHAIN_BEAN_NAME));
    }

    @Test
    void reactiveApplicationWithAChainGetsOnlyTheWebhookChain() {
        this.reactive.withUserConfiguration(ReactiveSecurityEnabled.class, ReactiveChain.class)
            .run((context) -> assertThat(context.getBeansOfType(SecurityWebFilterChain.class)).containsOnlyKeys(
                    AiStatsWebhookWebFluxAutoConfiguration.SECURITY_WEB_FILTER_CHAIN_BEAN_NAME, "applicationChain"));
    }

    @Test
    void reactiveChainsCanBeSwitchedOff() {
        this.reactive.withUserConfiguration(ReactiveSecurityEnabled.class)
            .withPropertyValues("ai-stats.webhook.security.permit-all=false")
            .run((context) -> assertThat(context.getBeansOfType(SecurityWebFilterChain.class)).isEmpty());
    }

    @Test
    void withoutASecretNoChainIsDeclared() {
        new WebApplicationContextRunner().withConfiguration(WEBHOOK)
            .withUserConfiguration(ServletSecurityEnabled.class)
            .run((context) -> assertThat(context.getBeansOfType(SecurityFilterChain.class)).isEmpty());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class ServletSecurityEnabled {

    }

    @Configuration(proxyBeanMethods = false)
    static class ServletChain {

        @Bean
        SecurityFilterChain applicationChain(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated()).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebFluxSecurity
    static class ReactiveSecurityEnabled {

        @Bean
        MapReactiveUserDetailsService userDetailsService() {
            return new MapReactiveUserDetailsService(
                    User.withUsername("user").password("{noop}password").roles("USER").build());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ReactiveChain {

        @Bean
        SecurityWebFilterChain applicationChain(ServerHttpSecurity http) {
            return http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated()).build();
        }
    }
}
