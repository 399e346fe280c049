package io.aistats.autoconfigure;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import java.util.Locale;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that masks the AI Stats keys and secrets in the actuator's
 * {@code configprops} and {@code env} endpoints.
 * <p>
 * Spring Boot masks every value by default, but it no longer masks by key name once
 * {@code management.endpoint.*.show-values} lets values through; this function keeps the AI Stats credentials
 * masked even then. It matches, in any spelling ({@code ai-stats.api-key}, {@code ai-stats.apiKey},
 * {@code AI_STATS_API_KEY}, ...), every {@code ai-stats} key that ends with {@code key} or names a secret. A second
 * function masks the configured credentials wherever their value appears inside another property's value, such as
 * the JVM's command line ({@code sun.java.command}) when the key was passed as an argument.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class AiStatsSanitizingAutoConfiguration {

    AiStatsSanitizingAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean(name = "aiStatsSanitizingFunction")
    SanitizingFunction aiStatsSanitizingFunction() {
        return SanitizingFunction.sanitizeValue().ifKeyMatches(AiStatsSanitizingAutoConfiguration::isCredential);
    }

    @Bean
    @ConditionalOnMissingBean(name = "aiStatsSecretValueSanitizingFunction")
    SanitizingFunction aiStatsSecretValueSanitizingFunction(Environment environment) {
        return new SecretValueSanitizingFunction(environment);
    }

    static boolean isCredential(String key) {
        String normalized = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return normalized.startsWith("aistats")
                && (normalized.endsWith("key") || normalized.contains("secret") || normalized.endsWith("token"));
    }
}
