package io.aistats.autoconfigure.webhook;

import io.aistats.video.webhook.WebFluxWebhookHandler;
import io.aistats.video.webhook.WebhookProcessor;

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
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the webhook endpoint in a Spring WebFlux application: a
 * router function that sends {@code POST ${ai-stats.webhook.path}} to the {@link WebFluxWebhookHandler}. Active once
 * a webhook signing secret is set.
 * <p>
 * With Spring Security, a {@link SecurityWebFilterChain} scoped to the webhook path is added, ordered before the
 * application's chains ({@value #SECURITY_WEB_FILTER_CHAIN_ORDER}): it permits every exchange on the path and turns
 * CSRF protection off there, because the signature authenticates deliveries. Other paths keep the application's
 * security. When the application declares no chain of its own, Spring Security's default chain (every exchange
 * authenticated, HTTP Basic and form login) is declared alongside, since any declared chain switches the implicit
 * default off. Switch the webhook chain off with {@code ai-stats.webhook.security.permit-all=false} and permit the
 * path in your own chain instead.
 */
@AutoConfiguration(after = AiStatsWebhookAutoConfiguration.class, afterName = {
        "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(RouterFunctions.class)
@Conditional(OnWebhookSecretCondition.class)
@ConditionalOnBean(WebhookProcessor.class)
public final class AiStatsWebhookWebFluxAutoConfiguration {

    /** Name of the router function bean; define a bean of this name to replace it. */
    public static final String ROUTER_FUNCTION_BEAN_NAME = "aiStatsWebhookReactiveRouterFunction";

    /** Name of the webhook path's security web filter chain bean; define a bean of this name to replace it. */
    public static final String SECURITY_WEB_FILTER_CHAIN_BEAN_NAME = "aiStatsWebhookSecurityWebFilterChain";

    /** Name of the default chain declared when the application has none. */
    public static final String DEFAULT_SECURITY_WEB_FILTER_CHAIN_BEAN_NAME = "aiStatsDefaultSecurityWebFilterChain";

    /** Order of the webhook path's security web filter chain: before the application's chains. */
    public static final int SECURITY_WEB_FILTER_CHAIN_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    AiStatsWebhookWebFluxAutoConfiguration() {
    }

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    WebFluxWebhookHandler aiStatsWebFluxWebhookHandler(WebhookProcessor processor,
            AiStatsWebhookProperties properties) {
        return new WebFluxWebhookHandler(processor, properties.getMaxInFlightBytes(), properties.getReadTimeout());
    }

    @Bean(ROUTER_FUNCTION_BEAN_NAME)
    @ConditionalOnMissingBean(name = ROUTER_FUNCTION_BEAN_NAME)
    RouterFunction<ServerResponse> aiStatsWebhookReactiveRouterFunction(ObjectProvider<WebFluxWebhookHandler> handler,
            AiStatsWebhookProperties properties) {
        // the handler, and the processing chain behind it, are created for the first delivery, not at startup
        SingletonSupplier<WebFluxWebhookHandler> firstUse = SingletonSupplier.of(handler::getObject);
        return RouterFunctions.route()
            .POST(properties.getPath(), (request) -> firstUse.get().handle(request))
            .build();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ SecurityWebFilterChain.class, ServerHttpSecurity.class })
    @ConditionalOnBean(ServerHttpSecurity.class)
    @ConditionalOnBooleanProperty(name = "ai-stats.webhook.security.permit-all", matchIfMissing = true)
    static class WebhookSecurityConfiguration {

        @Bean(DEFAULT_SECURITY_WEB_FILTER_CHAIN_BEAN_NAME)
        @Order(Ordered.LOWEST_PRECEDENCE)
        @Conditional(OnlyWebhookSecurityChainCondition.Reactive.class)
        SecurityWebFilterChain aiStatsDefaultSecurityWebFilterChain(ServerHttpSecurity http) {
            return http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
                .httpBasic(Customizer.withDefaults())
                .formLogin(Customizer.withDefaults())
                .build();
        }

        @Bean(SECURITY_WEB_FILTER_CHAIN_BEAN_NAME)
        @Order(SECURITY_WEB_FILTER_CHAIN_ORDER)
        @ConditionalOnMissingBean(name = SECURITY_WEB_FILTER_CHAIN_BEAN_NAME)
        SecurityWebFilterChain aiStatsWebhookSecurityWebFilterChain(ServerHttpSecurity http,
                AiStatsWebhookProperties properties) {
            return http.securityMatcher(new PathPatternParserServerWebExchangeMatcher(properties.getPath()))
                .authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .build();
        }
    }
}
