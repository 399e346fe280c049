package io.aistats.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Masks the configured AI Stats credentials (API key, management key, webhook secrets) wherever their value appears
 * inside another property's value, such as {@code sun.java.command} when the key was passed as
 * {@code --ai-stats.api-key=...}, or a URL that carries it. Each occurrence is replaced by
 * {@value SanitizableData#SANITIZED_VALUE}; the rest of the value stays readable.
 * <p>
 * The credentials are read from the environment on each call, so that a refreshed value is masked too.
 */
final class SecretValueSanitizingFunction implements SanitizingFunction {

    private static final String[] CREDENTIAL_PROPERTIES = { "ai-stats.api-key",
            AiStatsVideoAutoConfiguration.API_KEY_ENVIRONMENT_VARIABLE, "ai-stats.management-key",
            "ai-stats.webhook.secret" };

    private static final String FURTHER_WEBHOOK_SECRETS = "ai-stats.webhook.secrets";

    private final Environment environment;

    SecretValueSanitizingFunction(Environment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public SanitizableData apply(SanitizableData data) {
        if (!(data.getValue() instanceof CharSequence text)) {
            return data;
        }
        String value = text.toString();
        String masked = value;
        for (String secret : credentials()) {
            masked = masked.replace(secret, SanitizableData.SANITIZED_VALUE);
        }
        return masked.equals(value) ? data : data.withValue(masked);
    }

    private Set<String> credentials() {
        Set<String> credentials = new LinkedHashSet<>();
        for (String name : CREDENTIAL_PROPERTIES) {
            addIfText(credentials, property(name));
        }
        try {
            Binder.get(this.environment)
                .bind(FURTHER_WEBHOOK_SECRETS, Bindable.listOf(String.class))
                .ifBound((secrets) -> secrets.forEach((secret) -> addIfText(credentials, secret)));
        }
        catch (RuntimeException ex) {
            // an unbindable value is no secret the starter uses
        }
        return credentials;
    }

    private @Nullable String property(String name) {
        try {
            return this.environment.getProperty(name);
        }
        catch (IllegalArgumentException ex) {
            // an unresolvable placeholder is no secret the starter uses
            return null;
        }
    }

    private static void addIfText(Set<String> credentials, @Nullable String value) {
        if (StringUtils.hasText(value)) {
            credentials.add(value.trim());
        }
    }
}
