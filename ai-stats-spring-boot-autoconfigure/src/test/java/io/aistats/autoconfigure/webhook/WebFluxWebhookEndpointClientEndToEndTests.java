package io.aistats.autoconfigure.webhook;

import org.springframework.test.context.TestPropertySource;

/**
 * Gateway deliveries to endpoints managed through the client, received by a Spring WebFlux application on Reactor
 * Netty.
 */
@TestPropertySource(properties = "spring.main.web-application-type=reactive")
class WebFluxWebhookEndpointClientEndToEndTests extends AbstractWebhookEndpointClientEndToEndTests {

    @Override
    WebStack stack() {
        return WebStack.REACTIVE;
    }
}
