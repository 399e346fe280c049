package io.aistats.modulith;

import com.zaxxer.hikari.HikariDataSource;
import io.aistats.postgres.PostgresTestDatabase;
import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.test.SimulatedDelivery;
import io.aistats.test.SimulatedWebhookEndpoint;
import io.aistats.video.event.VideoJobEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spring Modulith's event externalization sends the starter's {@link VideoJobEvent}s, which the application cannot
 * annotate with {@code @Externalized}, to Kafka: selected and routed by type in an
 * {@link EventExternalizationConfiguration}, registered in the publication registry with the delivery's claim, and
 * sent as JSON after the commit.
 */
@ExtendWith(PostgresTestDatabase.class)
class KafkaExternalizationTests {

    private static final String TOPIC = "video-jobs";

    private EmbeddedKafkaBroker kafka;

    private AiStatsGatewaySimulator gateway;

    private SimulatedWebhookEndpoint endpoint;

    private HikariDataSource database;

    @BeforeEach
    void start() {
        this.kafka = new EmbeddedKafkaKraftBroker(1, 1, TOPIC);
        this.kafka.afterPropertiesSet();
        this.gateway = AiStatsGatewaySimulator.builder().manualClock().allowLocalWebhookUrls(true).start();
        this.endpoint = this.gateway.webhooks().createEndpoint("http://127.0.0.1:9/ai-stats/webhooks",
                List.of("video.completed"));
        this.database = PostgresTestDatabase.newDatabase("modulith_kafka");
    }

    @AfterEach
    void stop() {
        this.database.close();
        this.gateway.close();
        this.kafka.destroy();
    }

    @Test
    void aDeliveredEventArrivesOnTheTopicAsJsonKeyedByItsVideo() {
        String videoId;
        try (ReceivingApplication application = ReceivingApplication.start(List.of(VideoJobEventsToKafka.class),
                this.gateway, this.endpoint, this.database,
                "spring.kafka.bootstrap-servers=" + this.kafka.getBrokersAsString(),
                "spring.kafka.producer.value-serializer="
                        + "org.apache.kafka.common.serialization.ByteArraySerializer")) {
            videoId = application.completeJob();
            assertThat(this.gateway.webhooks().deliveries(videoId)).singleElement().satisfies((delivery) -> {
                assertThat(delivery.outcome()).isEqualTo(SimulatedDelivery.DELIVERED);
                assertThat(delivery.responseStatus()).isEqualTo(200);
            });
            try (KafkaConsumer<String, String> consumer = consumer()) {
                consumer.subscribe(List.of(TOPIC));
                ConsumerRecord<String, String> record = KafkaTestUtils.getSingleRecord(consumer, TOPIC,
                        Duration.ofSeconds(60));

                assertThat(record.key()).isEqualTo(videoId);
                JsonNode event = JsonMapper.builder().build().readTree(record.value());
                assertThat(event.get("eventId").stringValue()).isEqualTo("evt_video_" + videoId + "_video_completed");
                assertThat(event.get("eventType").stringValue()).isEqualTo("video.completed");
                assertThat(event.get("phase").stringValue()).isEqualTo("COMPLETED");
                assertThat(event.get("videoId").stringValue()).isEqualTo(videoId);
                assertThat(event.get("source").stringValue()).isEqualTo("WEBHOOK");
                assertThat(event.get("job").get("id").stringValue()).isEqualTo(videoId);
                assertThat(event.get("job").get("status").stringValue()).isEqualTo("completed");
            }
            // the registry completes the externalization once the broker acknowledged it
            await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(new PublicationRegistry(this.database).completionOf(videoId))
                    .filteredOn((publication) -> publication.listenerId().contains("EventExternalizer"))
                    .singleElement()
                    .satisfies((publication) -> assertThat(publication.status()).isEqualTo("COMPLETED")));
        }
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "video-job-consumer", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"), new StringDeserializer(), new StringDeserializer());
    }

    /** What the application declares to externalize the starter's events. */
    @Configuration(proxyBeanMethods = false)
    static class VideoJobEventsToKafka {

        @Bean
        EventExternalizationConfiguration videoJobEventExternalization() {
            return EventExternalizationConfiguration.externalizing()
                .selectByType(VideoJobEvent.class)
                .route(VideoJobEvent.class, (event) -> RoutingTarget.forTarget(TOPIC).andKey(event.videoId()))
                .build();
        }
    }
}
