package io.aistats.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.reactive.function.client.WebClient;

import java.util.function.Supplier;

/**
 * The {@link WebClient.Builder} the auto-configured AI Stats clients start from: a copy of the application's builder
 * (so Boot's connector, codecs, observations and {@code WebClientCustomizer}s apply), or a plain
 * {@link WebClient#builder()} without one, with the {@link AiStatsWebClientCustomizer} beans applied in order.
 */
public final class AiStatsWebClientBuilders {

    private AiStatsWebClientBuilders() {
    }

    /**
     * The builder is made when the supplier is asked, not before, so that a client asking on its first call keeps
     * Boot's builder and connector out of application startup; each call makes a new copy, so that these
     * customizations never reach the application's other clients.
     * @param applicationBuilder the application's builder, when there is one
     * @param customizers the customizers of the AI Stats clients
     * @return a supplier of customized copies
     */
    public static Supplier<WebClient.Builder> customizedCopy(ObjectProvider<WebClient.Builder> applicationBuilder,
            ObjectProvider<AiStatsWebClientCustomizer> customizers) {
        return () -> {
            WebClient.Builder copy = applicationBuilder.getIfAvailable(WebClient::builder).clone();
            customizers.orderedStream().forEach((customizer) -> customizer.customize(copy));
            return copy;
        };
    }
}
