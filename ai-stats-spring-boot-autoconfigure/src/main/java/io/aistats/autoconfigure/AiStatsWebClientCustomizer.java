package io.aistats.autoconfigure;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Callback to customize the {@link WebClient.Builder} of the auto-configured AI Stats video client only, for
 * example to add a header, a filter or another connector. Boot's shared {@code WebClient.Builder} and every other
 * client built from it are left unchanged.
 * <p>
 * Beans of this type are applied in {@link org.springframework.core.annotation.Order order}.
 */
@FunctionalInterface
public interface AiStatsWebClientCustomizer {

    /**
     * Customizes the builder of the AI Stats video client.
     * @param webClientBuilder a copy of the application's builder, private to the video client
     */
    void customize(WebClient.Builder webClientBuilder);
}
