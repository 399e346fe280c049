package io.aistats.autoconfigure.health;

import io.aistats.autoconfigure.health.AiStatsHealthEndpointServletTests.HealthResponse;
import io.aistats.test.AiStatsGatewaySimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.reactive.ReactiveWebApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code aiStats} component of {@code /actuator/health} in a reactive application, over HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=reactive",
                "management.endpoints.web.exposure.include=health",
                "management.endpoint.health.show-details=always" })
class AiStatsHealthEndpointReactiveTests {

    private static final AiStatsGatewaySimulator gateway = AiStatsGatewaySimulator.start();

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("ai-stats.base-url", gateway::baseUrl);
        registry.add("ai-stats.api-key", gateway::apiKey);
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @Test
    void healthEndpointShowsTheGatewayDownWhenItFails() throws Exception {
        assertThat(this.context).isInstanceOf(ReactiveWebApplicationContext.class);
        gateway.faults().failNext(1, 503, "GET", "/v1/health");
        HealthResponse health = HealthResponse.get(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"));
        assertThat(health.status()).isEqualTo(503);
        JsonNode aiStats = health.json().path("components").path("aiStats");
        assertThat(aiStats.path("status").asString()).isEqualTo("DOWN");
        assertThat(aiStats.path("details").path("httpStatus").asInt()).isEqualTo(503);
        assertThat(aiStats.path("details").path("reason").asString()).isNotBlank();
        assertThat(health.body()).doesNotContain(gateway.apiKey());
    }
}
