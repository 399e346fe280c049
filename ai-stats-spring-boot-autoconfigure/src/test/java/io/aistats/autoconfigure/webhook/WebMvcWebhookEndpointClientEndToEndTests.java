package io.aistats.autoconfigure.webhook;

import org.springframework.test.context.TestPropertySource;

/**
 * Gateway deliveries to endpoints managed through the client, received by a Spring MVC application on Tomcat.
 */
@TestPropertySource(properties = "spring.main.web-application-type=servlet")
class WebMvcWebhookEndpointClientEndToEndTests extends AbstractWebhookEndpointClientEndToEndTests {

    @Override
    WebStack stack() {
        return WebStack.SERVLET;
    }
}
