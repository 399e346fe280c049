package io.aistats.sample;

import io.aistats.video.model.VideoJob;
import io.aistats.video.stream.VideoJobWatcher;
import io.aistats.video.webhook.WebhookProcessor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Decides how the application learns about its jobs' progress, and starts following a new job accordingly. Either
 * way the application sees the same {@code VideoJobEvent}s:
 * <ul>
 * <li>by <b>webhook</b> when this application serves the webhook receiver (a signing secret is configured) and its
 * jobs name a webhook endpoint ({@code ai-stats.default-webhook-endpoint-id}); the gateway then pushes the events and
 * nothing needs doing per job;</li>
 * <li>otherwise with the <b>job watcher</b> (the gateway's lifecycle stream, polling while it is unavailable), which
 * follows each job it is handed; the one-shot demo, which serves no web requests, always uses it.</li>
 * </ul>
 */
@Component
class JobTracking {

    private final VideoJobWatcher watcher;

    private final boolean byWebhook;

    JobTracking(VideoJobWatcher watcher, ObjectProvider<WebhookProcessor> webhookReceiver, ApplicationContext context,
            Environment environment) {
        this.watcher = watcher;
        this.byWebhook = context instanceof WebServerApplicationContext && webhookReceiver.getIfAvailable() != null
                && StringUtils.hasText(environment.getProperty("ai-stats.default-webhook-endpoint-id"));
    }

    /**
     * Makes sure the events of a job just created reach the application.
     * @param job the job as returned by its creation
     */
    void follow(VideoJob job) {
        if (!this.byWebhook) {
            this.watcher.watch(job);
        }
    }

    /**
     * @return whether the gateway's webhook deliveries bring the events
     */
    boolean byWebhook() {
        return this.byWebhook;
    }

    /**
     * @return how events arrive, for people
     */
    String description() {
        return this.byWebhook ? "webhook deliveries" : "the job watcher (lifecycle stream, polling as fallback)";
    }
}
