package io.aistats.autoconfigure.webhook;

import io.aistats.video.event.VideoJobEvent;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;

/**
 * A webhook receiving application run in its own small-heap JVM by {@link WebhookFloodTests}: it prints the port it
 * listens on and every event its listener receives, one line each, to standard output.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class WebhookFloodTargetMain {

    /** Printed before the port number. */
    static final String PORT_LINE = "LISTENING ON PORT ";

    /** Printed before the id of every event received. */
    static final String EVENT_LINE = "RECEIVED EVENT ";

    public static void main(String[] args) {
        SpringApplication.run(WebhookFloodTargetMain.class, args);
    }

    @EventListener
    void started(WebServerInitializedEvent event) {
        System.out.println(PORT_LINE + event.getWebServer().getPort());
    }

    @EventListener
    void received(VideoJobEvent event) {
        System.out.println(EVENT_LINE + event.eventId());
    }
}
