package io.aistats.autoconfigure.webhook;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * With Spring Security in the application, signed deliveries reach the endpoint (no login, no CSRF token) while
 * every other path stays protected. Subclasses choose the web stack and the application's own security, and check
 * the security chains the application ends up with.
 */
@SpringBootTest(classes = WebhookTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = AbstractWebhookEndToEndTests.PROPERTIES_SECRET)
abstract class AbstractWebhookSecurityTests {

    @LocalServerPort
    private int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    private RecordingListener listener;

    private WebhookDeliveries deliveries;

    @BeforeAll
    static void requireBootSecurity() {
        assumeTrue(BootSecurity.present(), "Spring Boot's security auto-configuration is on the classpath");
    }

    @BeforeEach
    void setUp() {
        this.deliveries = new WebhookDeliveries(URI.create("http://localhost:" + this.port + "/ai-stats/webhooks"));
    }

    @Test
    void signedDeliveryPassesSpringSecurity() throws Exception {
        String videoId = WebhookDeliveries.newVideoId();
        String body = WebhookDeliveries.body(videoId, "video.completed", "video.completed", 1, "completed", null);
        HttpResponse<String> response = this.deliveries.post(body);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"accepted\"}");
        assertThat(this.listener.received(videoId)).hasSize(1);
    }

    @Test
    void unsignedDeliveryIsStillRejectedByTheEndpoint() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/ai-stats/webhooks"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_headers\"}");
    }

    @Test
    void otherPathsStayProtected() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/anything")).GET()).statusCode()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(uri("/ai-stats/webhooks/other")).GET()).statusCode())
            .as("only the webhook path itself is opened").isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(uri("/orders"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode()).isIn(401, 403);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + this.port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
