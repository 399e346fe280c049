package io.aistats.autoconfigure.webhook;

import com.zaxxer.hikari.HikariDataSource;
import io.aistats.postgres.PostgresTestDatabase;
import io.aistats.video.event.JdbcProcessedEventStore;
import io.aistats.video.event.ProcessedEventStore.Claim;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A claim left behind by an instance that died (it claimed an event, then vanished with its connections) holds the
 * event for its lease only: on the real clock, over real HTTP, against a real PostgreSQL database, redeliveries are
 * answered 409 until the lease ends, then one is published.
 */
@ExtendWith(PostgresTestDatabase.class)
@SpringBootTest(classes = WebhookTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=servlet", AbstractWebhookEndToEndTests.PROPERTIES_SECRET,
                "ai-stats.webhook.dedupe.store=jdbc", "ai-stats.jdbc.initialize-schema=always" })
class WebhookLeaseTakeoverTests {

    private static final Duration DEAD_LEASE = Duration.ofSeconds(5);

    private static HikariDataSource database;

    @LocalServerPort
    private int port;

    @Autowired
    private RecordingListener listener;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = PostgresTestDatabase.newDatabase("claims_lease");
        registry.add("spring.datasource.url", database::getJdbcUrl);
        registry.add("spring.datasource.username", PostgresTestDatabase::user);
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Test
    void aClaimLeftByAnInstanceThatDiedIsPublishedByARedeliveryOnceItsLeaseEnds() throws Exception {
        String videoId = WebhookDeliveries.newVideoId();
        String eventId = "evt_video_" + videoId + "_video_completed";
        long claimedAt = System.currentTimeMillis();
        try (HikariDataSource deadInstance = PostgresTestDatabase.dataSource(database.getJdbcUrl(), 1)) {
            assertThat(new JdbcProcessedEventStore(deadInstance, JdbcProcessedEventStore.DEFAULT_TABLE_NAME,
                    Duration.ofHours(1), Clock.systemUTC()).claim(eventId, DEAD_LEASE)).isEqualTo(Claim.CLAIMED);
        }
        WebhookDeliveries http = new WebhookDeliveries(
                URI.create("http://127.0.0.1:" + this.port + "/ai-stats/webhooks"));
        AtomicInteger attempt = new AtomicInteger();

        assertThat(deliver(http, videoId, attempt.incrementAndGet()).statusCode()).as("within the lease")
            .isEqualTo(409);
        // the gateway's retries, compressed: delivered again until one is answered 2xx
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
            .until(() -> deliver(http, videoId, attempt.incrementAndGet()).statusCode() == 200);

        assertThat(System.currentTimeMillis()).as("not before the lease ended")
            .isGreaterThanOrEqualTo(claimedAt + DEAD_LEASE.toMillis());
        assertThat(this.listener.received(videoId)).singleElement()
            .satisfies((event) -> assertThat(event.eventId()).isEqualTo(eventId));
        assertThat(deliver(http, videoId, attempt.incrementAndGet()).body()).isEqualTo("{\"status\":\"duplicate\"}");
        assertThat(this.listener.received(videoId)).hasSize(1);
    }

    private static HttpResponse<String> deliver(WebhookDeliveries http, String videoId, int attempt) throws Exception {
        return http.post(WebhookDeliveries.body(videoId, "video.completed", "video.completed", attempt, "completed",
                null));
    }
}
