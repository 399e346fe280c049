package io.aistats.autoconfigure.webhook;

import org.springframework.test.context.TestPropertySource;

/**
 * End-to-end webhook tests against a Spring WebFlux application.
 */
@TestPropertySource(properties = "spring.main.web-application-type=reactive")
class WebFluxWebhookEndToEndTests extends AbstractWebhookEndToEndTests {

    @Override
    WebStack stack() {
        return WebStack.REACTIVE;
    }
}
