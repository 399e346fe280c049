package io.aistats.autoconfigure.webhook;

import io.aistats.video.webhook.WebFluxWebhookHandler;
import io.aistats.video.webhook.WebMvcWebhookHandler;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end webhook tests against a Spring WebFlux application.
 */
@SpringBootTest(classes = WebhookTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=reactive", AbstractWebhookEndToEndTests.PROPERTIES_SECRET,
                AbstractWebhookEndToEndTests.PROPERTIES_ROTATED_SECRET,
                AbstractWebhookEndToEndTests.PROPERTIES_MAX_PAYLOAD,
                AbstractWebhookEndToEndTests.PROPERTIES_MAX_IN_FLIGHT,
                AbstractWebhookEndToEndTests.PROPERTIES_READ_TIMEOUT })
class WebFluxWebhookEndToEndTests extends AbstractWebhookEndToEndTests {

    @Autowired
    private ApplicationContext context;

    @Test
    void servesTheEndpointWithThisStacksHandler() {
        assertThat(this.context.getBeansOfType(WebFluxWebhookHandler.class)).hasSize(1);
        assertThat(this.context.getBeansOfType(WebMvcWebhookHandler.class)).isEmpty();
    }
}
