package io.aistats.autoconfigure.webhook;

import io.aistats.video.event.VideoJobCompletedEvent;
import io.aistats.video.event.VideoJobEvent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In asynchronous mode the endpoint answers before the listeners ran, and the listeners run on the application's
 * task executor.
 */
@SpringBootTest(classes = WebhookTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=servlet", AbstractWebhookEndToEndTests.PROPERTIES_SECRET,
                "ai-stats.webhook.async=true" })
class WebhookAsyncEndToEndTests {

    @LocalServerPort
    private int port;

    @Autowired
    private RecordingListener listener;

    @Test
    void answersBeforeTheListenerFinishesAndPublishesOnTheTaskExecutor() throws Exception {
        WebhookDeliveries deliveries = new WebhookDeliveries(
                URI.create("http://localhost:" + this.port + "/ai-stats/webhooks"));
        String videoId = WebhookDeliveries.newVideoId();
        CountDownLatch release = this.listener.block(videoId);
        CountDownLatch entered = this.listener.entered(videoId);
        String body = WebhookDeliveries.body(videoId, "video.completed", "video.completed", 1, "completed", null);
        try {
            HttpResponse<String> response = deliveries.post(body);
            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(response.body()).isEqualTo("{\"status\":\"queued\"}");
            assertThat(entered.await(10, TimeUnit.SECONDS)).as("listener started").isTrue();
            assertThat(this.listener.received(videoId)).as("listener still running").isEmpty();

            HttpResponse<String> concurrent = deliveries.post(body);
            assertThat(concurrent.statusCode()).as("same event while its listener runs").isEqualTo(409);
            assertThat(concurrent.body()).isEqualTo("{\"error\":\"in_flight\"}");
        }
        finally {
            release.countDown();
        }
        VideoJobEvent event = this.listener.next(videoId);
        assertThat(event).isInstanceOf(VideoJobCompletedEvent.class);
        assertThat(this.listener.thread(event.eventId())).as("Boot's applicationTaskExecutor").startsWith("task-");
        assertThat(this.listener.received(videoId)).as("published once, no further event").isEmpty();
    }
}
