package io.aistats.test;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the largest delivery the gateway sends, as the simulator builds it after the contract: a job followed
 * through its whole life by an endpoint subscribed to every event, whose receiver fails every attempt with a long
 * error page, so that the job's webhook state carries the ten most recent attempts with full 500-character response
 * previews. Measured: about 12 KB with an HTML error page, about 37 KB when the previews are control characters. The
 * receiver's default maximum body size (64 KB) rests on these figures.
 */
class LargestDeliveryTest {

    private static final String ALL_EVENTS = "[\"video.created\",\"video.status_changed\",\"video.progress\","
            + "\"video.completed\",\"video.failed\",\"video.cancelled\",\"video.expired\"]";

    private static final int RECEIVER_DEFAULT_MAX_PAYLOAD = 64 * 1024;

    private AiStatsGatewaySimulator simulator;

    private GatewayHttp http;

    private WebhookReceiver receiver;

    @BeforeEach
    void start() {
        this.simulator = AiStatsGatewaySimulator.builder().manualClock(Instant.parse("2025-12-31T23:57:30Z"))
            .allowLocalWebhookUrls(true).start();
        this.http = new GatewayHttp(this.simulator);
        this.receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        this.receiver.close();
        this.simulator.close();
    }

    /**
     * @param kind what the failing receiver answers: a proxy's HTML error page (JSON-escaped quotes), or control
     * characters, which JSON escapes to six bytes each (the worst a preview can cost)
     * @param expectedAtMost a ceiling a little above the measured size
     */
    @ParameterizedTest
    @CsvSource({ "html error page, 16384", "control characters, 49152" })
    void theLargestDeliveryStaysFarBelowTheReceiversDefaultLimit(String kind, int expectedAtMost) {
        String errorPage = kind.startsWith("html")
                ? "<html><head><title>502 Bad Gateway</title></head><body class=\"error\"><h1 id=\"t\">502</h1>"
                        .repeat(12)
                : "\u0001".repeat(600);
        for (int i = 0; i < 40; i++) {
            this.receiver.answer(500, errorPage);
        }
        GatewayHttp.Response endpoint = this.http.call("POST", "/v1/webhook-endpoints")
            .auth(this.simulator.managementKey())
            .json("{\"url\":\"" + this.receiver.url() + "\",\"events\":" + ALL_EVENTS + "}").send();
        String endpointId = endpoint.json().get("id").stringValue();
        String id = this.http.create("{\"prompt\":\"" + "a long prompt ".repeat(100) + "\",\"webhook\":"
                + "{\"endpoint_id\":\"" + endpointId + "\"}}");
        for (int minute = 0; minute < 90; minute++) {
            this.simulator.clock().advance(Duration.ofMinutes(1));
            this.simulator.webhooks().awaitIdle(Duration.ofSeconds(10));
        }
        int largest = 0;
        int attemptsShown = 0;
        for (WebhookReceiver.Received delivery : this.receiver.received()) {
            largest = Math.max(largest, delivery.body().length);
            JsonNode webhook = delivery.json().get("data").get("webhook");
            if (webhook != null && webhook.get("attempts") != null) {
                attemptsShown = Math.max(attemptsShown, webhook.get("attempts").size());
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d deliveries of job %s, the largest %d bytes%n", kind,
                this.receiver.received().size(), id, largest);
        assertThat(attemptsShown).as("the webhook state shows its ten most recent attempts").isEqualTo(10);
        assertThat(largest).isLessThan(expectedAtMost).isLessThan(RECEIVER_DEFAULT_MAX_PAYLOAD);
    }
}
