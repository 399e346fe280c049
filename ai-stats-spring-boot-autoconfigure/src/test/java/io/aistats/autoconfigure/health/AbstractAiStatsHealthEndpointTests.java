package io.aistats.autoconfigure.health;

import io.aistats.test.AiStatsGatewaySimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code aiStats} component of {@code /actuator/health}, over HTTP, against a gateway simulator of the test
 * class's own. Subclasses choose the web stack. Every request checks the gateway anew (no cache TTL): the tests of a
 * class share the application, and one of them makes the gateway fail.
 */
@SpringBootTest(classes = AbstractAiStatsHealthEndpointTests.TestApplication.class,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "management.endpoints.web.exposure.include=health",
                "management.endpoint.health.show-details=always", "management.endpoint.health.probes.enabled=true",
                "ai-stats.health.verify-key=true", "ai-stats.health.cache-ttl=0s" })
abstract class AbstractAiStatsHealthEndpointTests {

    private static AiStatsGatewaySimulator gateway;

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    /** @return the type of application context this stack runs in */
    abstract Class<? extends ApplicationContext> contextType();

    @BeforeAll
    static void startGateway() {
        gateway = AiStatsGatewaySimulator.start();
    }

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        // read when the application starts, after the test class started its gateway
        registry.add("ai-stats.base-url", () -> gateway.baseUrl());
        registry.add("ai-stats.api-key", () -> gateway.apiKey());
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @Test
    void healthEndpointShowsTheGatewayUpWithoutTheKey() throws Exception {
        assertThat(this.context).isInstanceOf(contextType());
        HealthResponse health = HealthResponse.get(uri("/actuator/health"));
        assertThat(health.status()).isEqualTo(200);
        JsonNode aiStats = health.json().path("components").path("aiStats");
        assertThat(aiStats.path("status").asString()).isEqualTo("UP");
        assertThat(aiStats.path("details").path("baseUrl").asString()).isEqualTo(gateway.baseUrl().toString());
        assertThat(aiStats.path("details").path("httpStatus").asInt()).isEqualTo(200);
        assertThat(aiStats.path("details").path("keyVerified").asBoolean()).isTrue();
        assertThat(aiStats.path("details").path("latency").isNumber()).isTrue();
        assertThat(health.body()).doesNotContain(gateway.apiKey());
        assertThat(gateway.requestCount("GET", "/v1/videos/models")).isOne();
    }

    @Test
    void healthEndpointShowsTheGatewayDownWhenItFails() throws Exception {
        assertThat(this.context).isInstanceOf(contextType());
        gateway.faults().failNext(1, 503, "GET", "/v1/health");
        HealthResponse health = HealthResponse.get(uri("/actuator/health"));
        assertThat(health.status()).isEqualTo(503);
        JsonNode aiStats = health.json().path("components").path("aiStats");
        assertThat(aiStats.path("status").asString()).isEqualTo("DOWN");
        assertThat(aiStats.path("details").path("httpStatus").asInt()).isEqualTo(503);
        assertThat(aiStats.path("details").path("reason").asString()).isNotBlank();
        assertThat(health.body()).doesNotContain(gateway.apiKey());
    }

    @Test
    void probesLeaveTheGatewayOut() throws Exception {
        for (String probe : new String[] { "liveness", "readiness" }) {
            HealthResponse health = HealthResponse.get(uri("/actuator/health/" + probe));
            assertThat(health.status()).as(probe).isEqualTo(200);
            assertThat(health.body()).as(probe).doesNotContain("aiStats");
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + this.port + path);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TestApplication {

    }

    /** One GET of a health URL over a real socket. */
    record HealthResponse(int status, String body, JsonNode json) {

        static HealthResponse get(URI uri) throws IOException, InterruptedException {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new HealthResponse(response.statusCode(), response.body(),
                    JsonMapper.builder().build().readTree(response.body()));
        }
    }
}
