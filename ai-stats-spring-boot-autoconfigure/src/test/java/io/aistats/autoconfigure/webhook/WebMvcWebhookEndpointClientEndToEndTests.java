package io.aistats.autoconfigure.webhook;

import io.aistats.video.webhook.WebMvcWebhookHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gateway deliveries to endpoints managed through the client, received by a Spring MVC application on Tomcat.
 */
@SpringBootTest(classes = AbstractWebhookEndpointClientEndToEndTests.EndpointEventsApplication.class,
        webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.main.web-application-type=servlet")
class WebMvcWebhookEndpointClientEndToEndTests extends AbstractWebhookEndpointClientEndToEndTests {

    private static final Gateway GATEWAY = Gateway.start();

    @Autowired
    private ApplicationContext context;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        GATEWAY.register(registry);
    }

    @AfterAll
    static void stopGateway() {
        GATEWAY.close();
    }

    @Override
    Gateway gateway() {
        return GATEWAY;
    }

    @Test
    void receivesWithThisStacksHandler() {
        assertThat(this.context.getBeansOfType(WebMvcWebhookHandler.class)).hasSize(1);
    }
}
