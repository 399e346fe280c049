package io.aistats.autoconfigure.webhook;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

import java.util.Arrays;
import java.util.List;

/**
 * Matches when the only security filter chain the application would have is the webhook's own. Declaring any chain
 * switches off Spring Security's implicit default chain, so without this guard every path but the webhook's would
 * be left unprotected. Subclasses name the chain type of their web stack.
 */
abstract class OnlyWebhookSecurityChainCondition extends SpringBootCondition {

    private final String chainType;

    private final List<String> ownBeanNames;

    OnlyWebhookSecurityChainCondition(String chainType, String... ownBeanNames) {
        this.chainType = chainType;
        this.ownBeanNames = Arrays.asList(ownBeanNames);
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ConditionMessage.Builder message = ConditionMessage.forCondition("Only the webhook's security chain");
        ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
        if (beanFactory == null || !ClassUtils.isPresent(this.chainType, context.getClassLoader())) {
            return ConditionOutcome.noMatch(message.because("no " + this.chainType));
        }
        Class<?> type = ClassUtils.resolveClassName(this.chainType, context.getClassLoader());
        List<String> others = Arrays.stream(beanFactory.getBeanNamesForType(type, true, false))
            .filter((name) -> !this.ownBeanNames.contains(name))
            .toList();
        if (others.isEmpty()) {
            return ConditionOutcome.match(message.didNotFind("other " + type.getSimpleName()).atAll());
        }
        return ConditionOutcome.noMatch(message.found("other " + type.getSimpleName()).items(others));
    }

    /**
     * The servlet stack: {@code SecurityFilterChain}.
     */
    static final class Servlet extends OnlyWebhookSecurityChainCondition {

        Servlet() {
            super("org.springframework.security.web.SecurityFilterChain",
                    AiStatsWebhookWebMvcAutoConfiguration.SECURITY_FILTER_CHAIN_BEAN_NAME,
                    AiStatsWebhookWebMvcAutoConfiguration.DEFAULT_SECURITY_FILTER_CHAIN_BEAN_NAME);
        }
    }

    /**
     * The reactive stack: {@code SecurityWebFilterChain}.
     */
    static final class Reactive extends OnlyWebhookSecurityChainCondition {

        Reactive() {
            super("org.springframework.security.web.server.SecurityWebFilterChain",
                    AiStatsWebhookWebFluxAutoConfiguration.SECURITY_WEB_FILTER_CHAIN_BEAN_NAME,
                    AiStatsWebhookWebFluxAutoConfiguration.DEFAULT_SECURITY_WEB_FILTER_CHAIN_BEAN_NAME);
        }
    }
}
