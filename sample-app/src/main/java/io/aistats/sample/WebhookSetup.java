package io.aistats.sample;

import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.video.VideoClientSettings;
import io.aistats.video.error.AiStatsException;
import io.aistats.video.webhook.endpoint.ReactiveWebhookEndpointClient;
import io.aistats.video.webhook.endpoint.WebhookEndpoint;
import io.aistats.video.webhook.endpoint.WebhookEndpointClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.aot.AotDetector;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

import java.util.Map;

/**
 * Sets the web application up to receive its jobs' events by webhook. Runs before the context refreshes, because
 * the starter's webhook receiver is configured from {@code ai-stats.webhook.secret} at startup:
 * <ul>
 * <li>on the bundled gateway simulator, it registers the application's own endpoint ({@link LocalWebhookEndpoint})
 * and sets {@code ai-stats.webhook.secret} and {@code ai-stats.default-webhook-endpoint-id} to it;</li>
 * <li>on the real gateway with {@code sample.webhook.public-url} and {@code ai-stats.webhook.secret} set, it finds
 * the active endpoint of that URL (with the management key) unless {@code ai-stats.default-webhook-endpoint-id} names
 * it already;</li>
 * <li>otherwise, in the demo (which serves no web requests) and in ahead-of-time builds, it does nothing: the job
 * watcher brings the events (see {@link JobTracking}).</li>
 * </ul>
 */
class WebhookSetup implements ApplicationListener<ApplicationPreparedEvent> {

    /** Name of the property source holding the webhook secret and endpoint id. */
    static final String PROPERTY_SOURCE_NAME = "aiStatsSampleWebhook";

    static final String SECRET = "ai-stats.webhook.secret";

    static final String ENDPOINT_ID = "ai-stats.default-webhook-endpoint-id";

    private static final Log logger = LogFactory.getLog(WebhookSetup.class);

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        if (!(context instanceof WebServerApplicationContext) || aheadOfTime()) {
            return;
        }
        ConfigurableEnvironment environment = context.getEnvironment();
        if (context.getBeanFactory().getBeanProvider(AiStatsGatewaySimulator.class).getIfAvailable() != null) {
            registerLocalEndpoint(context, environment);
        }
        else if (StringUtils.hasText(environment.getProperty("sample.webhook.public-url"))
                && StringUtils.hasText(environment.getProperty(SECRET))
                && !StringUtils.hasText(environment.getProperty(ENDPOINT_ID))) {
            findPublicEndpoint(environment);
        }
    }

    private void registerLocalEndpoint(ConfigurableApplicationContext context, ConfigurableEnvironment environment) {
        String path = environment.getProperty("ai-stats.webhook.path", "/ai-stats/webhooks");
        LocalWebhookEndpoint endpoint;
        try {
            endpoint = LocalWebhookEndpoint.create(endpointClient(environment), path);
        }
        catch (AiStatsException ex) {
            logger.warn("Could not register a webhook endpoint on the gateway simulator (" + ex.getMessage()
                    + "); job events come from the job watcher instead");
            return;
        }
        environment.getPropertySources()
            .addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
                    Map.of(SECRET, endpoint.signingSecret(), ENDPOINT_ID, endpoint.id())));
        context.addApplicationListener(endpoint);
    }

    private void findPublicEndpoint(ConfigurableEnvironment environment) {
        String url = environment.getRequiredProperty("sample.webhook.public-url");
        WebhookEndpoint endpoint = endpointClient(environment).listAll(false)
            .stream()
            .filter((candidate) -> url.equals(candidate.url()) && candidate.isActive())
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("No active webhook endpoint of the gateway has the URL " + url
                    + " (sample.webhook.public-url): create one for it and set ai-stats.webhook.secret to its signing "
                    + "secret, or set " + ENDPOINT_ID));
        environment.getPropertySources()
            .addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of(ENDPOINT_ID, endpoint.id())));
        logger.info("Job events arrive by webhook at " + url + " (endpoint " + endpoint.id() + ")");
    }

    /**
     * Ahead-of-time processing settles the auto-configuration conditions at build time, where no signing secret
     * exists, so the receiver cannot be switched on at run time: such builds always use the job watcher.
     */
    private static boolean aheadOfTime() {
        return AotDetector.useGeneratedArtifacts() || Boolean.getBoolean("spring.aot.processing");
    }

    /** The context is not refreshed yet: the client is built from the properties rather than taken from it. */
    private static WebhookEndpointClient endpointClient(ConfigurableEnvironment environment) {
        VideoClientSettings.Builder settings = VideoClientSettings.builder();
        String baseUrl = environment.getProperty("ai-stats.base-url");
        if (StringUtils.hasText(baseUrl)) {
            settings.baseUrl(baseUrl);
        }
        return new WebhookEndpointClient(new ReactiveWebhookEndpointClient(WebClient::builder, settings.build(),
                environment.getProperty("ai-stats.management-key")));
    }
}
