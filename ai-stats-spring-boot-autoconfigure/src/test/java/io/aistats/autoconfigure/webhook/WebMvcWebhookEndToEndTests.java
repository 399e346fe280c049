package io.aistats.autoconfigure.webhook;

import org.springframework.test.context.TestPropertySource;

/**
 * End-to-end webhook tests against a Spring MVC application on Tomcat.
 */
@TestPropertySource(properties = "spring.main.web-application-type=servlet")
class WebMvcWebhookEndToEndTests extends AbstractWebhookEndToEndTests {

    @Override
    WebStack stack() {
        return WebStack.SERVLET;
    }
}
