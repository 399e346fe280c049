package io.aistats.sample;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the sample application, bound from {@code sample.*}.
 */
@ConfigurationProperties("sample")
public class SampleProperties {

    private final Demo demo = new Demo();

    private final Events events = new Events();

    private final Webhook webhook = new Webhook();

    /** @return settings of the one-shot demo */
    public Demo getDemo() {
        return this.demo;
    }

    /** @return settings of the page's live job updates */
    public Events getEvents() {
        return this.events;
    }

    /** @return settings of webhook deliveries from the real gateway */
    public Webhook getWebhook() {
        return this.webhook;
    }

    /**
     * Settings of the one-shot demo.
     */
    public static class Demo {

        /** Directory the demo writes downloaded videos to. */
        private Path outputDirectory = Path.of("videos");

        /** How long the demo waits for a job to finish. */
        private Duration timeout = Duration.ofMinutes(10);

        /** @return directory the demo writes downloaded videos to */
        public Path getOutputDirectory() {
            return this.outputDirectory;
        }

        /** @param outputDirectory directory the demo writes downloaded videos to */
        public void setOutputDirectory(Path outputDirectory) {
            this.outputDirectory = outputDirectory;
        }

        /** @return how long the demo waits for a job to finish */
        public Duration getTimeout() {
            return this.timeout;
        }

        /** @param timeout how long the demo waits for a job to finish */
        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /**
     * Settings of the server-sent events that carry job updates to the page.
     */
    public static class Events {

        /** Maximum number of pages receiving job updates at once; a new page replaces the oldest. */
        private int maxSubscribers = 32;

        /** How long one page's subscription lasts before the browser reconnects. */
        private Duration timeout = Duration.ofMinutes(30);

        /** @return the number of pages receiving updates at once at most */
        public int getMaxSubscribers() {
            return this.maxSubscribers;
        }

        /** @param maxSubscribers the number of pages receiving updates at once at most; at least 1 */
        public void setMaxSubscribers(int maxSubscribers) {
            if (maxSubscribers < 1) {
                throw new IllegalArgumentException("sample.events.max-subscribers must be at least 1");
            }
            this.maxSubscribers = maxSubscribers;
        }

        /** @return how long one subscription lasts */
        public Duration getTimeout() {
            return this.timeout;
        }

        /** @param timeout how long one subscription lasts */
        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /**
     * Webhook deliveries from the real gateway. Without both this URL and {@code ai-stats.webhook.secret}, the
     * application follows its jobs with the job watcher instead.
     */
    public static class Webhook {

        /**
         * Public https URL at which the gateway reaches this application's webhook path, as registered with the
         * gateway's webhook endpoint.
         */
        private @Nullable URI publicUrl;

        /** @return the public URL of this application's webhook path, or {@code null} */
        public @Nullable URI getPublicUrl() {
            return this.publicUrl;
        }

        /** @param publicUrl the public URL of this application's webhook path */
        public void setPublicUrl(@Nullable URI publicUrl) {
            this.publicUrl = publicUrl;
        }
    }
}
