package io.aistats.sample;

import io.aistats.video.error.AiStatsException;
import io.aistats.video.webhook.endpoint.WebhookEndpoint;
import io.aistats.video.webhook.endpoint.WebhookEndpointClient;
import io.aistats.video.webhook.endpoint.WebhookEndpointCreateRequest;
import io.aistats.video.webhook.endpoint.WebhookEndpointStatus;
import io.aistats.video.webhook.endpoint.WebhookEndpointUpdate;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * This application's own webhook endpoint on the bundled gateway simulator. The receiver needs the endpoint's signing
 * secret when the application starts, but the endpoint's URL needs the web server's port, known only once the server
 * listens. So the endpoint is created first, disabled, and pointed at this application and enabled when the server
 * is up ({@link WebServerInitializedEvent}); no job can be created before that, since jobs are created through the
 * web server. The endpoint is deleted when the application stops.
 */
final class LocalWebhookEndpoint implements ApplicationListener<ApplicationEvent> {

    /** Every video event, so that the page sees queued, processing, progress and the end of each job. */
    static final String[] EVENTS = { "video.created", "video.status_changed", "video.progress", "video.completed",
            "video.failed", "video.cancelled", "video.expired" };

    private static final String NAME = "ai-stats sample application";

    private static final Log logger = LogFactory.getLog(LocalWebhookEndpoint.class);

    private final WebhookEndpointClient client;

    private final WebhookEndpoint endpoint;

    private final String path;

    private LocalWebhookEndpoint(WebhookEndpointClient client, WebhookEndpoint endpoint, String path) {
        this.client = client;
        this.endpoint = endpoint;
        this.path = path;
    }

    /**
     * Creates the endpoint, disabled until {@link WebServerInitializedEvent}.
     * @param client the simulator's webhook endpoint API, with the management key
     * @param path the path of this application's webhook receiver
     * @return the endpoint; its {@link #signingSecret()} is the receiver's secret
     * @throws AiStatsException when the simulator refuses (for example when it does not allow local URLs)
     */
    static LocalWebhookEndpoint create(WebhookEndpointClient client, String path) {
        WebhookEndpoint created = client.create(WebhookEndpointCreateRequest.of(url(0, path))
            .withName(NAME)
            .withEvents(EVENTS));
        client.update(created.id(), WebhookEndpointUpdate.empty().withStatus(WebhookEndpointStatus.DISABLED));
        return new LocalWebhookEndpoint(client, created, path);
    }

    /**
     * @return the endpoint id (a UUID), referenced by every job the application creates
     */
    String id() {
        return this.endpoint.id();
    }

    /**
     * @return the signing secret the gateway simulator signs deliveries with
     */
    String signingSecret() {
        String secret = this.endpoint.signingSecret();
        if (secret == null) {
            throw new IllegalStateException("The gateway simulator returned no signing secret for endpoint " + id());
        }
        return secret;
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof WebServerInitializedEvent initialized
                && initialized.getApplicationContext().getServerNamespace() == null) {
            activate(initialized.getWebServer().getPort());
        }
        else if (event instanceof ContextClosedEvent) {
            delete();
        }
    }

    private void activate(int port) {
        String url = url(port, this.path);
        this.client.update(id(), WebhookEndpointUpdate.empty().withUrl(url).withStatus(WebhookEndpointStatus.ACTIVE));
        logger.info("Registered webhook endpoint " + id() + " for " + url + " on the gateway simulator: job events "
                + "arrive by signed webhook deliveries");
    }

    private void delete() {
        try {
            this.client.delete(id());
        }
        catch (AiStatsException ex) {
            // the simulator may have stopped first; it forgets its endpoints anyway
            logger.debug("Could not delete webhook endpoint " + id() + ": " + ex.getMessage());
        }
    }

    /** Port 0 stands for "not listening yet": the endpoint stays disabled until the real port is known. */
    private static String url(int port, String path) {
        return "http://127.0.0.1" + ((port > 0) ? ":" + port : "") + path;
    }
}
