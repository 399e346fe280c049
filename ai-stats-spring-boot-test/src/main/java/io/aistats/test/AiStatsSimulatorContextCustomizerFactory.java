package io.aistats.test;

import org.jspecify.annotations.Nullable;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

import java.util.List;

/**
 * Creates the {@link AiStatsSimulatorContextCustomizer} of test classes annotated with
 * {@link AutoConfigureAiStatsSimulator} (also on enclosing classes of {@code @Nested} tests). Registered in
 * {@code META-INF/spring.factories}.
 */
public final class AiStatsSimulatorContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        AutoConfigureAiStatsSimulator annotation =
                TestContextAnnotationUtils.findMergedAnnotation(testClass, AutoConfigureAiStatsSimulator.class);
        if (annotation == null) {
            return null;
        }
        return new AiStatsSimulatorContextCustomizer(
                new AiStatsSimulatorContextCustomizer.Settings(annotation.manualClock(),
                        annotation.allowLocalWebhookUrls()));
    }
}
