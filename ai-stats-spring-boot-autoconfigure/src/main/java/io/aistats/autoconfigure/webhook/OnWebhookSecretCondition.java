package io.aistats.autoconfigure.webhook;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import java.util.List;

/**
 * Matches when a webhook signing secret is configured: {@code ai-stats.webhook.secret} or at least one entry of
 * {@code ai-stats.webhook.secrets} with text.
 */
class OnWebhookSecretCondition extends SpringBootCondition {

    private static final String SECRET = "ai-stats.webhook.secret";

    private static final String SECRETS = "ai-stats.webhook.secrets";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ConditionMessage.Builder message = ConditionMessage.forCondition("AI Stats webhook secret");
        Binder binder = Binder.get(context.getEnvironment());
        String secret = binder.bind(SECRET, String.class).orElse(null);
        if (StringUtils.hasText(secret)) {
            return ConditionOutcome.match(message.found("property").items(SECRET));
        }
        List<String> secrets = binder.bind(SECRETS, Bindable.listOf(String.class)).orElse(List.of());
        if (secrets.stream().anyMatch(StringUtils::hasText)) {
            return ConditionOutcome.match(message.found("property").items(SECRETS));
        }
        return ConditionOutcome.noMatch(message.didNotFind("property").items(SECRET, SECRETS));
    }
}
