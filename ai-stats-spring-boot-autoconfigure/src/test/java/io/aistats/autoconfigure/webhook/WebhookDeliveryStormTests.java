package io.aistats.autoconfigure.webhook;

import io.aistats.autoconfigure.webhook.StormDeliveries.Delivery;
import io.aistats.autoconfigure.webhook.StormDeliveries.StormListener;
import io.aistats.autoconfigure.webhook.StormDeliveries.ValidEvent;
import io.aistats.test.WebhookSigner;
import io.aistats.video.event.VideoJobCompletedEvent;
import io.aistats.video.event.VideoJobCreatedEvent;
import io.aistats.video.event.VideoJobProgressEvent;
import io.aistats.video.event.VideoJobStatusChangedEvent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten thousand deliveries against the real Spring MVC endpoint, from eight threads, in a shuffled (seeded) order:
 * originals, duplicates, tampered bodies, foreign signatures, stale and future timestamps, missing headers, signed
 * garbage, and listeners that fail once so that the delivery must be redelivered. The senders behave like the
 * gateway: any answer that is not 2xx is delivered again later (attempt + 1, signed anew).
 * <p>
 * Asserted exactly: every valid event reaches the listener once and only once, no invalid one ever does, nothing is
 * lost, and every rejection reason is answered as often as it was injected.
 */
@SpringBootTest(classes = WebhookDeliveryStormTests.StormApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=servlet", AbstractWebhookEndToEndTests.PROPERTIES_SECRET,
                // thousands of deliberate rejections would only flood the test log
                "logging.level.io.aistats.video.webhook=ERROR" })
class WebhookDeliveryStormTests {

    private static final long SEED = 20260101L;

    private static final int VIDEOS = 1500;

    private static final int DUPLICATES = 1700;

    private static final int TAMPERED = 700;

    private static final int FOREIGN_SIGNATURES = 300;

    private static final int STALE = 700;

    private static final int MISSING_HEADERS = 300;

    private static final int SIGNED_GARBAGE = 300;

    private static final int LISTENER_FAILURES = 600;

    private static final int SENDERS = 8;

    /** A delivery answered non-2xx this often is treated as lost. */
    private static final int MAX_ATTEMPTS = 50;

    @LocalServerPort
    private int port;

    @Autowired
    private StormListener listener;

    @Test
    void everyValidEventIsPublishedExactlyOnceAndEveryInvalidOneIsRejected() throws Exception {
        Random random = new Random(SEED);
        List<ValidEvent> events = StormDeliveries.validEvents("VALID", VIDEOS);
        List<Delivery> plan = new ArrayList<>();
        events.forEach((event) -> plan.add(event.delivery()));
        for (int i = 0; i < DUPLICATES; i++) {
            plan.add(events.get(random.nextInt(events.size())).delivery());
        }
        addInvalidDeliveries(plan, random);
        assertThat(plan).hasSize(10_000);
        Collections.shuffle(plan, random);
        List<ValidEvent> failing = new ArrayList<>(events);
        Collections.shuffle(failing, random);
        failing.subList(0, LISTENER_FAILURES).forEach((event) -> this.listener.failOnce(event.eventId()));

        long started = System.nanoTime();
        Map<String, AtomicInteger> answers = deliverAll(plan);
        System.out.printf(Locale.ROOT, "%d deliveries in %d ms, answers %s%n", plan.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), answers);

        Set<String> validIds = new HashSet<>();
        events.forEach((event) -> validIds.add(event.eventId()));
        assertThat(this.listener.publishedIds()).isEqualTo(validIds);
        assertThat(this.listener.publishCounts()).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
        assertThat(this.listener.failures()).isEqualTo(LISTENER_FAILURES);
        assertThat(this.listener.typeCounts()).containsOnly(Map.entry(VideoJobCreatedEvent.class, VIDEOS),
                Map.entry(VideoJobStatusChangedEvent.class, VIDEOS), Map.entry(VideoJobProgressEvent.class, VIDEOS),
                Map.entry(VideoJobCompletedEvent.class, VIDEOS));

        assertThat(StormDeliveries.count(answers, "accepted")).isEqualTo(validIds.size());
        assertThat(StormDeliveries.count(answers, "duplicate")).isEqualTo(DUPLICATES);
        assertThat(StormDeliveries.count(answers, "listener_failed")).isEqualTo(LISTENER_FAILURES);
        assertThat(StormDeliveries.count(answers, "invalid_signature")).isEqualTo(TAMPERED + FOREIGN_SIGNATURES);
        assertThat(StormDeliveries.count(answers, "stale_timestamp")).isEqualTo(STALE);
        assertThat(StormDeliveries.count(answers, "invalid_headers")).isEqualTo(MISSING_HEADERS);
        assertThat(StormDeliveries.count(answers, "malformed_payload")).isEqualTo(SIGNED_GARBAGE);
        // concurrent deliveries of one event may meet in flight; those are delivered again and counted above
        assertThat(answers.keySet()).isSubsetOf("accepted", "duplicate", "listener_failed", "invalid_signature",
                "stale_timestamp", "invalid_headers", "malformed_payload", "in_flight");
    }

    /** Sends every planned delivery from several threads, redelivering each non-2xx answer of a signed one. */
    private Map<String, AtomicInteger> deliverAll(List<Delivery> plan) throws Exception {
        WebhookDeliveries http = new WebhookDeliveries(
                URI.create("http://127.0.0.1:" + this.port + "/ai-stats/webhooks"));
        return new GatewayRedeliveries<Delivery>(SENDERS, MAX_ATTEMPTS, Duration.ofSeconds(45)).deliverAll(plan,
                (delivery, attempt) -> List.of(
                        new GatewayRedeliveries.Answer<>(StormDeliveries.post(http, delivery, attempt), delivery)));
    }

    private static void addInvalidDeliveries(List<Delivery> plan, Random random) {
        WebhookSigner signer = new WebhookSigner(WebhookDeliveries.SECRET);
        for (int i = 0; i < TAMPERED; i++) {
            String videoId = StormDeliveries.videoId("TAMPERED", i);
            // signed as completed, delivered as failed
            plan.add(new Delivery((attempt) -> StormDeliveries.completed(videoId, attempt),
                    (body) -> signer.headers(body, StormDeliveries.now()),
                    (body) -> body.replace("\"status\":\"completed\"", "\"status\":\"failed\"")));
        }
        plan.addAll(StormDeliveries.foreignSigned("FOREIGN", FOREIGN_SIGNATURES));
        plan.addAll(StormDeliveries.stale("STALE", STALE, random));
        for (int i = 0; i < MISSING_HEADERS; i++) {
            String videoId = StormDeliveries.videoId("HEADERLESS", i);
            String header = random.nextBoolean() ? "x-phaseo-signature" : "x-phaseo-timestamp";
            plan.add(new Delivery((attempt) -> StormDeliveries.completed(videoId, attempt),
                    (body) -> WebhookDeliveries.without(signer.headers(body, StormDeliveries.now()), header)));
        }
        for (int i = 0; i < SIGNED_GARBAGE; i++) {
            String garbage = "{\"not\":\"an event\",\"n\":" + i + "}";
            plan.add(new Delivery((attempt) -> garbage, (body) -> signer.headers(body, StormDeliveries.now())));
        }
    }

    /** The starter's webhook endpoint in a plain Spring MVC application, with one listener. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class StormApplication {

        @Bean
        StormListener stormListener() {
            return new StormListener();
        }
    }
}
