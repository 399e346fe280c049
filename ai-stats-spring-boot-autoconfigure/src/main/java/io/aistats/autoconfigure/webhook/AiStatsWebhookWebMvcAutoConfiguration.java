package io.aistats.autoconfigure.webhook;

import io.aistats.video.webhook.WebMvcWebhookHandler;
import io.aistats.video.webhook.WebhookProcessor;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the webhook endpoint in a Spring MVC application: a router
 * function that sends {@code POST ${ai-stats.webhook.path}} to the {@link WebMvcWebhookHandler}. Active once a
 * webhook signing secret is set.
 * <p>
 * With Spring Security, a {@link SecurityFilterChain} scoped to the webhook path is added, ordered before the
 * application's chains ({@value #SECURITY_FILTER_CHAIN_ORDER}): it permits every request to the path and turns CSRF
 * protection off there, because the signature authenticates deliveries. Other paths keep the application's
 * security. When the application declares no chain of its own, Spring Boot's default chain (every request
 * authenticated, form login and HTTP Basic) is declared alongside, since any declared chain switches the implicit
 * default off. Switch the webhook chain off with {@code ai-stats.webhook.security.permit-all=false} and permit the
 * path in your own chain instead.
 */
@AutoConfiguration(after = AiStatsWebhookAutoConfiguration.class, afterName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.saml2.autoconfigure.Saml2RelyingPartyAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ RouterFunctions.class, HttpServletRequest.class })
@Conditional(OnWebhookSecretCondition.class)
@ConditionalOnBean(WebhookProcessor.class)
public final class AiStatsWebhookWebMvcAutoConfiguration {

    /** Name of the router function bean; define a bean of this name to replace it. */
    public static final String ROUTER_FUNCTION_BEAN_NAME = "aiStatsWebhookRouterFunction";

    /** Name of the webhook path's security filter chain bean; define a bean of this name to replace it. */
    public static final String SECURITY_FILTER_CHAIN_BEAN_NAME = "aiStatsWebhookSecurityFilterChain";

    /** Name of the default chain declared when the application has none. */
    public static final String DEFAULT_SECURITY_FILTER_CHAIN_BEAN_NAME = "aiStatsDefaultSecurityFilterChain";

    /** Order of the webhook path's security filter chain: before the application's chains. */
    public static final int SECURITY_FILTER_CHAIN_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    /** Order of the default chain: Spring Boot's default (basic authentication) order. */
    static final int DEFAULT_SECURITY_FILTER_CHAIN_ORDER = Ordered.LOWEST_PRECEDENCE - 5;

    AiStatsWebhookWebMvcAutoConfiguration() {
    }

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    WebMvcWebhookHandler aiStatsWebMvcWebhookHandler(WebhookProcessor processor,
            AiStatsWebhookProperties properties) {
        return new WebMvcWebhookHandler(processor, properties.getMaxInFlightBytes(), properties.getReadTimeout());
    }

    @Bean(ROUTER_FUNCTION_BEAN_NAME)
    @ConditionalOnMissingBean(name = ROUTER_FUNCTION_BEAN_NAME)
    RouterFunction<ServerResponse> aiStatsWebhookRouterFunction(ObjectProvider<WebMvcWebhookHandler> handler,
            AiStatsWebhookProperties properties) {
        // the handler, and the processing chain behind it, are created for the first delivery, not at startup
        SingletonSupplier<WebMvcWebhookHandler> firstUse = SingletonSupplier.of(handler::getObject);
        return RouterFunctions.route()
            .POST(properties.getPath(), (request) -> firstUse.get().handle(request))
            .build();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ SecurityFilterChain.class, HttpSecurity.class })
    @ConditionalOnBean(HttpSecurity.class)
    @ConditionalOnBooleanProperty(name = "ai-stats.webhook.security.permit-all", matchIfMissing = true)
    static class WebhookSecurityConfiguration {

        @Bean(DEFAULT_SECURITY_FILTER_CHAIN_BEAN_NAME)
        @Order(DEFAULT_SECURITY_FILTER_CHAIN_ORDER)
        @Conditional(OnlyWebhookSecurityChainCondition.Servlet.class)
        SecurityFilterChain aiStatsDefaultSecurityFilterChain(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
            http.formLogin(Customizer.withDefaults());
            http.httpBasic(Customizer.withDefaults());
            return http.build();
        }

        @Bean(SECURITY_FILTER_CHAIN_BEAN_NAME)
        @Order(SECURITY_FILTER_CHAIN_ORDER)
        @ConditionalOnMissingBean(name = SECURITY_FILTER_CHAIN_BEAN_NAME)
        SecurityFilterChain aiStatsWebhookSecurityFilterChain(HttpSecurity http, AiStatsWebhookProperties properties)
                throws Exception {
            return http.securityMatcher(properties.getPath())
                .authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
        }
    }
}
