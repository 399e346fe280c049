package io.aistats.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AiStatsSanitizingAutoConfiguration}: the keys stay masked in the actuator's {@code configprops}
 * and {@code env} endpoints even when those are configured to show values.
 */
class AiStatsSanitizingAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(AiStatsVideoAutoConfiguration.class,
                AiStatsSanitizingAutoConfiguration.class))
        .withPropertyValues("ai-stats.base-url=https://gateway.example.com/v1",
                "ai-stats.api-key=phaseo_v1_sk_abc123_apisecret",
                "ai-stats.management-key=phaseo_v1_mk_abc123_mgmtsecret")
        .withInitializer((context) -> context.getEnvironment()
            .getPropertySources()
            .addFirst(new SystemEnvironmentPropertySource("test-environment",
                    Map.of("AI_STATS_API_KEY", "phaseo_v1_sk_env123_envsecret"))));

    @Test
    void configPropsShowingValuesStillMasksKeys() {
        this.contextRunner.run((context) -> {
            Map<String, Object> properties = aiStatsConfigProps(context);
            assertThat(properties).containsEntry("apiKey", SanitizableData.SANITIZED_VALUE)
                .containsEntry("managementKey", SanitizableData.SANITIZED_VALUE)
                .containsEntry("baseUrl", "https://gateway.example.com/v1");
            assertThat(properties.toString()).doesNotContain("apisecret").doesNotContain("mgmtsecret");
        });
    }

    @Test
    void envShowingValuesStillMasksKeys() {
        this.contextRunner.run((context) -> {
            EnvironmentEndpoint endpoint = new EnvironmentEndpoint(context.getEnvironment(),
                    sanitizingFunctions(context), Show.ALWAYS);
            assertThat(endpoint.environmentEntry("ai-stats.api-key").getProperty().getValue())
                .isEqualTo(SanitizableData.SANITIZED_VALUE);
            assertThat(endpoint.environmentEntry("ai-stats.management-key").getProperty().getValue())
                .isEqualTo(SanitizableData.SANITIZED_VALUE);
            assertThat(endpoint.environmentEntry("AI_STATS_API_KEY").getProperty().getValue())
                .isEqualTo(SanitizableData.SANITIZED_VALUE);
            assertThat(endpoint.environmentEntry("ai-stats.base-url").getProperty().getValue())
                .isEqualTo("https://gateway.example.com/v1");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "ai-stats.api-key", "ai-stats.apiKey", "AI_STATS_API_KEY", "ai-stats.management-key",
            "ai-stats.webhook.secret", "ai-stats.webhook.secrets[0]", "aistats.apikey" })
    void credentialKeysAreRecognised(String key) {
        assertThat(AiStatsSanitizingAutoConfiguration.isCredential(key)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "ai-stats.base-url", "ai-stats.default-model", "ai-stats.retry.max-backoff",
            "spring.application.name", "other.api-key" })
    void otherKeysAreLeftAlone(String key) {
        assertThat(AiStatsSanitizingAutoConfiguration.isCredential(key)).isFalse();
    }

    @Test
    void backsOffWithoutActuator() {
        this.contextRunner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("aiStatsSanitizingFunction"));
    }

    @Test
    void userFunctionOfTheSameNameWins() {
        SanitizingFunction mine = (data) -> data;
        this.contextRunner.withBean("aiStatsSanitizingFunction", SanitizingFunction.class, () -> mine)
            .run((context) -> assertThat(context.getBean("aiStatsSanitizingFunction")).isSameAs(mine));
    }

    private static List<SanitizingFunction> sanitizingFunctions(AssertableApplicationContext context) {
        return context.getBeanProvider(SanitizingFunction.class).orderedStream().toList();
    }

    private static Map<String, Object> aiStatsConfigProps(AssertableApplicationContext context) {
        ConfigurationPropertiesReportEndpoint endpoint = new ConfigurationPropertiesReportEndpoint(
                sanitizingFunctions(context), Show.ALWAYS);
        endpoint.setApplicationContext(context);
        Map<String, ConfigurationPropertiesReportEndpoint.ConfigurationPropertiesBeanDescriptor> beans = endpoint
            .configurationPropertiesWithPrefix("ai-stats")
            .getContexts()
            .get(context.getId())
            .getBeans();
        assertThat(beans).hasSize(1);
        return beans.values().iterator().next().getProperties();
    }
}
