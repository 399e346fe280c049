package io.aistats.modulith;

import com.zaxxer.hikari.HikariDataSource;
import io.aistats.postgres.PostgresTestDatabase;
import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.test.SimulatedDelivery;
import io.aistats.test.SimulatedWebhookEndpoint;
import io.aistats.video.event.VideoJobCompletedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spring Modulith's JDBC event publication registry on the same PostgreSQL database as the starter's claims: the
 * gateway's delivery is claimed and its publication registered in one transaction, answered 2xx once, and an
 * {@code @ApplicationModuleListener} that fails keeps the event in the registry until a resubmission or a restart
 * gets it through.
 */
@ExtendWith(PostgresTestDatabase.class)
class EventPublicationRegistryTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private AiStatsGatewaySimulator gateway;

    private SimulatedWebhookEndpoint endpoint;

    private HikariDataSource database;

    private PublicationRegistry registry;

    @BeforeEach
    void start() {
        this.gateway = AiStatsGatewaySimulator.builder().manualClock().allowLocalWebhookUrls(true).start();
        // pointed at the application once it listens
        this.endpoint = this.gateway.webhooks().createEndpoint("http://127.0.0.1:9/ai-stats/webhooks",
                List.of("video.completed"));
        this.database = PostgresTestDatabase.newDatabase("modulith_registry");
        this.registry = new PublicationRegistry(this.database);
    }

    @AfterEach
    void stop() {
        this.database.close();
        this.gateway.close();
    }

    @Test
    void aListenerThatFailsTwiceReceivesTheEventOnceTheRegistryResubmitsIt() {
        try (ReceivingApplication application = ReceivingApplication.start(this.gateway, this.endpoint,
                this.database, "archive.failures=2")) {
            VideoArchive archive = application.bean(VideoArchive.class);
            IncompleteEventPublications incomplete = application.bean(IncompleteEventPublications.class);

            String videoId = application.completeJob();
            assertOneDeliveryAnswered2xx(videoId);
            awaitFailedAttempts(archive, videoId, 1);
            assertThat(this.registry.completionOf(videoId)).singleElement().satisfies((publication) -> {
                assertThat(publication.listenerId()).contains(VideoArchive.class.getName());
                assertThat(publication.completionDate()).as("incomplete").isNull();
                assertThat(publication.serializedEvent()).contains("\"eventId\":\"evt_video_" + videoId
                        + "_video_completed\"");
            });

            incomplete.resubmitIncompletePublications(completionOf(videoId));
            awaitFailedAttempts(archive, videoId, 2);
            assertThat(archive.archived()).isEmpty();

            incomplete.resubmitIncompletePublications(completionOf(videoId));
            await().atMost(WAIT).until(() -> archive.archived().contains(videoId));
            await().atMost(WAIT).untilAsserted(() -> assertThat(this.registry.completionOf(videoId)).singleElement()
                .satisfies((publication) -> {
                    assertThat(publication.status()).isEqualTo("COMPLETED");
                    assertThat(publication.completionDate()).isNotNull();
                }));
            assertThat(archive.archived()).as("succeeded exactly once").containsExactly(videoId);
            assertThat(archive.attempts()).isEqualTo(3);
            assertOneDeliveryAnswered2xx(videoId);
            assertThat(completedClaims()).containsExactly("evt_video_" + videoId + "_video_completed");
        }
    }

    @Test
    void aRestartRepublishesAnIncompletePublication() {
        String videoId;
        try (ReceivingApplication application = ReceivingApplication.start(this.gateway, this.endpoint,
                this.database, "archive.failures=1")) {
            videoId = application.completeJob();
            awaitFailedAttempts(application.bean(VideoArchive.class), videoId, 1);
        }
        assertThat(this.registry.completionOf(videoId)).singleElement()
            .satisfies((publication) -> assertThat(publication.completionDate()).isNull());

        try (ReceivingApplication restarted = ReceivingApplication.start(this.gateway, this.endpoint, this.database,
                "spring.modulith.events.republish-outstanding-events-on-restart=true")) {
            VideoArchive archive = restarted.bean(VideoArchive.class);
            await().atMost(WAIT).untilAsserted(() -> assertThat(this.registry.completionOf(videoId)).singleElement()
                .satisfies((publication) -> assertThat(publication.status()).isEqualTo("COMPLETED")));
            assertThat(archive.archived()).containsExactly(videoId);
            assertThat(archive.attempts()).isEqualTo(1);
        }
        assertOneDeliveryAnswered2xx(videoId);
    }

    /** The gateway delivered the job's completion once, answered 2xx, and has nothing left to send. */
    private void assertOneDeliveryAnswered2xx(String videoId) {
        assertThat(this.gateway.webhooks().deliveries(videoId)).singleElement().satisfies((delivery) -> {
            assertThat(delivery.eventType()).isEqualTo("video.completed");
            assertThat(delivery.outcome()).isEqualTo(SimulatedDelivery.DELIVERED);
            assertThat(delivery.responseStatus()).isEqualTo(200);
        });
    }

    /** Waits until the listener failed that often and the registry recorded the last failure. */
    private void awaitFailedAttempts(VideoArchive archive, String videoId, int attempts) {
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(archive.attempts()).isEqualTo(attempts);
            assertThat(this.registry.completionOf(videoId)).singleElement().satisfies((publication) -> {
                assertThat(publication.status()).isEqualTo("FAILED");
                assertThat(publication.completionAttempts()).isEqualTo(attempts);
            });
        });
    }

    private static Predicate<EventPublication> completionOf(String videoId) {
        return (publication) -> publication.getEvent() instanceof VideoJobCompletedEvent completed
                && completed.videoId().equals(videoId);
    }

    private List<String> completedClaims() {
        return JdbcClient.create(this.database)
            .sql("SELECT EVENT_ID FROM AISTATS_PROCESSED_EVENT WHERE COMPLETED")
            .query(String.class)
            .list();
    }
}
