package io.aistats.modulith;

import com.zaxxer.hikari.HikariDataSource;
import io.aistats.postgres.PostgresTestDatabase;
import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.test.SimulatedWebhookEndpoint;
import io.aistats.video.VideoClient;
import io.aistats.video.model.VideoGenerationRequest;
import io.aistats.video.webhook.endpoint.WebhookEndpointClient;
import io.aistats.video.webhook.endpoint.WebhookEndpointUpdate;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ModulithTestApplication} on a random port of a real web server, receiving a gateway simulator's webhooks
 * for one endpoint, with the starter's claims and Spring Modulith's event publications on one PostgreSQL database.
 */
final class ReceivingApplication implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private final AiStatsGatewaySimulator gateway;

    private final SimulatedWebhookEndpoint endpoint;

    private ReceivingApplication(ConfigurableApplicationContext context, AiStatsGatewaySimulator gateway,
            SimulatedWebhookEndpoint endpoint) {
        this.context = context;
        this.gateway = gateway;
        this.endpoint = endpoint;
    }

    /**
     * Starts the application and points the endpoint at it, through the starter's {@link WebhookEndpointClient}.
     * @param gateway the gateway the application talks to
     * @param endpoint the endpoint whose deliveries the application receives (its secret verifies them)
     * @param database the application's database
     * @param properties more properties, {@code key=value}
     * @return the running application
     */
    static ReceivingApplication start(AiStatsGatewaySimulator gateway, SimulatedWebhookEndpoint endpoint,
            HikariDataSource database, String... properties) {
        return start(List.of(), gateway, endpoint, database, properties);
    }

    /**
     * Starts the application with more configuration classes and points the endpoint at it.
     * @param configurations configuration classes beside {@link ModulithTestApplication}
     * @param gateway the gateway the application talks to
     * @param endpoint the endpoint whose deliveries the application receives (its secret verifies them)
     * @param database the application's database
     * @param properties more properties, {@code key=value}
     * @return the running application
     */
    static ReceivingApplication start(List<Class<?>> configurations, AiStatsGatewaySimulator gateway,
            SimulatedWebhookEndpoint endpoint, HikariDataSource database, String... properties) {
        Map<String, Object> defaults = new LinkedHashMap<>(gateway.clientProperties());
        defaults.put("ai-stats.webhook.secret", endpoint.signingSecret());
        defaults.put("ai-stats.webhook.dedupe.store", "jdbc");
        defaults.put("ai-stats.jdbc.initialize-schema", "always");
        defaults.put("spring.datasource.url", database.getJdbcUrl());
        defaults.put("spring.datasource.username", PostgresTestDatabase.user());
        defaults.put("spring.datasource.password", "");
        defaults.put("spring.modulith.events.jdbc.schema-initialization.enabled", "true");
        defaults.put("server.port", "0");
        defaults.put("server.address", "127.0.0.1");
        defaults.put("spring.main.banner-mode", "off");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ModulithTestApplication.class)
            .sources(configurations.toArray(Class<?>[]::new))
            .properties(defaults)
            .properties(properties)
            .run();
        try {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            context.getBean(WebhookEndpointClient.class)
                .update(endpoint.id(),
                        WebhookEndpointUpdate.empty().withUrl("http://127.0.0.1:" + port + "/ai-stats/webhooks"));
        }
        catch (RuntimeException ex) {
            context.close();
            throw ex;
        }
        return new ReceivingApplication(context, gateway, endpoint);
    }

    /**
     * Creates a video job through the application's {@link VideoClient} with the endpoint for its webhooks, completes
     * it on the gateway and waits until the gateway has sent what that produced.
     * @return the job's id
     */
    String completeJob() {
        String id = bean(VideoClient.class).generateVideo(VideoGenerationRequest.builder()
            .prompt("A glacier calving into a fjord at dawn")
            .webhook(this.endpoint.id(), "video.completed")
            .build()).id();
        this.gateway.jobs().complete(id);
        this.gateway.webhooks().awaitIdle(Duration.ofSeconds(30));
        return id;
    }

    <T> T bean(Class<T> type) {
        return this.context.getBean(type);
    }

    @Override
    public void close() {
        this.context.close();
    }
}
