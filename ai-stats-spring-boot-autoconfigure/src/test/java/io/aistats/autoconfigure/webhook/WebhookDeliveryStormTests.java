package io.aistats.autoconfigure.webhook;

import io.aistats.test.WebhookSigner;
import io.aistats.video.event.VideoJobCompletedEvent;
import io.aistats.video.event.VideoJobCreatedEvent;
import io.aistats.video.event.VideoJobEvent;
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
import org.springframework.context.event.EventListener;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern ANSWER_CODE = Pattern.compile("\\{\"(?:status|error)\":\"([a-z_]+)\"}");

    @LocalServerPort
    private int port;

    @Autowired
    private StormListener listener;

    @Test
    void everyValidEventIsPublishedExactlyOnceAndEveryInvalidOneIsRejected() throws Exception {
        Random random = new Random(SEED);
        List<ValidEvent> events = validEvents("VALID", VIDEOS);
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

        assertThat(count(answers, "accepted")).isEqualTo(validIds.size());
        assertThat(count(answers, "duplicate")).isEqualTo(DUPLICATES);
        assertThat(count(answers, "listener_failed")).isEqualTo(LISTENER_FAILURES);
        assertThat(count(answers, "invalid_signature")).isEqualTo(TAMPERED + FOREIGN_SIGNATURES);
        assertThat(count(answers, "stale_timestamp")).isEqualTo(STALE);
        assertThat(count(answers, "invalid_headers")).isEqualTo(MISSING_HEADERS);
        assertThat(count(answers, "malformed_payload")).isEqualTo(SIGNED_GARBAGE);
        // concurrent deliveries of one event may meet in flight; those are delivered again and counted above
        assertThat(answers.keySet()).isSubsetOf("accepted", "duplicate", "listener_failed", "invalid_signature",
                "stale_timestamp", "invalid_headers", "malformed_payload", "in_flight");
    }

    /** Sends every planned delivery from several threads, redelivering each non-2xx answer of a signed one. */
    private Map<String, AtomicInteger> deliverAll(List<Delivery> plan) throws Exception {
        WebhookDeliveries http = new WebhookDeliveries(
                URI.create("http://127.0.0.1:" + this.port + "/ai-stats/webhooks"));
        return new GatewayRedeliveries<Delivery>(SENDERS, MAX_ATTEMPTS, Duration.ofSeconds(45)).deliverAll(plan,
                (delivery, attempt) -> List.of(new GatewayRedeliveries.Answer<>(post(http, delivery, attempt),
                        delivery)));
    }

    /** Posts an attempt of a delivery: its body for the attempt, signed, then tampered with as planned. */
    static HttpResponse<String> post(WebhookDeliveries http, Delivery delivery, int attempt) throws Exception {
        String signed = delivery.body().apply(attempt);
        return http.post(delivery.tamper().apply(signed), delivery.signing().apply(signed));
    }

    /** Four phases per video; every one is a distinct event the listener must see once. */
    static List<ValidEvent> validEvents(String kind, int videos) {
        List<ValidEvent> events = new ArrayList<>();
        for (int i = 0; i < videos; i++) {
            String videoId = videoId(kind, i);
            events.add(new ValidEvent(videoId, "video.created", "video.created", "queued", null));
            events.add(new ValidEvent(videoId, "video.status_changed", "video.status_changed:queued:in_progress",
                    "processing", "{\"previous_status\":\"queued\",\"status\":\"in_progress\"}"));
            events.add(new ValidEvent(videoId, "video.progress", "video.progress:50", "processing", null));
            events.add(new ValidEvent(videoId, "video.completed", "video.completed", "completed", null));
        }
        return events;
    }

    private static void addInvalidDeliveries(List<Delivery> plan, Random random) {
        WebhookSigner signer = new WebhookSigner(WebhookDeliveries.SECRET);
        WebhookSigner stranger = new WebhookSigner("whsec_not_the_endpoints_secret");
        for (int i = 0; i < TAMPERED; i++) {
            String videoId = videoId("TAMPERED", i);
            // signed as completed, delivered as failed
            plan.add(new Delivery((attempt) -> completed(videoId, attempt), (body) -> signer.headers(body, now()),
                    (body) -> body.replace("\"status\":\"completed\"", "\"status\":\"failed\"")));
        }
        for (int i = 0; i < FOREIGN_SIGNATURES; i++) {
            String videoId = videoId("FOREIGN", i);
            plan.add(new Delivery((attempt) -> completed(videoId, attempt), (body) -> stranger.headers(body, now())));
        }
        for (int i = 0; i < STALE; i++) {
            String videoId = videoId("STALE", i);
            // outside the five-minute tolerance, in the past or in the future
            long skew = (random.nextBoolean() ? -1 : 1) * (301 + random.nextInt(7200));
            plan.add(new Delivery((attempt) -> completed(videoId, attempt), (body) -> signer.headers(body,
                    now() + skew)));
        }
        for (int i = 0; i < MISSING_HEADERS; i++) {
            String videoId = videoId("HEADERLESS", i);
            String header = random.nextBoolean() ? "x-phaseo-signature" : "x-phaseo-timestamp";
            plan.add(new Delivery((attempt) -> completed(videoId, attempt),
                    (body) -> WebhookDeliveries.without(signer.headers(body, now()), header)));
        }
        for (int i = 0; i < SIGNED_GARBAGE; i++) {
            String garbage = "{\"not\":\"an event\",\"n\":" + i + "}";
            plan.add(new Delivery((attempt) -> garbage, (body) -> signer.headers(body, now())));
        }
    }

    /** The body of a {@code video.completed} delivery. */
    static String completed(String videoId, int attempt) {
        return WebhookDeliveries.body(videoId, "video.completed", "video.completed", attempt, "completed", null);
    }

    static String videoId(String kind, int index) {
        return String.format(Locale.ROOT, "G-STORM%s%05d", kind, index);
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }

    static String answerCode(HttpResponse<String> response) {
        Matcher matcher = ANSWER_CODE.matcher(response.body());
        return matcher.matches() ? matcher.group(1) : "HTTP " + response.statusCode() + " " + response.body();
    }

    static int count(Map<String, AtomicInteger> answers, String code) {
        AtomicInteger count = answers.get(code);
        return (count != null) ? count.get() : 0;
    }

    /**
     * One planned delivery.
     * @param body renders the signed body for an attempt number
     * @param signing the headers for a signed body
     * @param tamper what happens to the body after signing; the identity for an untouched one
     */
    record Delivery(IntFunction<String> body, Function<String, Map<String, String>> signing,
            UnaryOperator<String> tamper) {

        Delivery(IntFunction<String> body, Function<String, Map<String, String>> signing) {
            this(body, signing, UnaryOperator.identity());
        }
    }

    /** A valid event: signed now with the endpoint's secret. */
    record ValidEvent(String videoId, String type, String deliveryKey, String status, String statusChange) {

        String eventId() {
            return ("evt_video_" + this.videoId + "_" + this.deliveryKey).replaceAll("[^A-Za-z0-9_-]+", "_");
        }

        Delivery delivery() {
            WebhookSigner signer = new WebhookSigner(WebhookDeliveries.SECRET);
            return new Delivery((attempt) -> WebhookDeliveries.body(this.videoId, this.type, this.deliveryKey,
                    attempt, this.status, this.statusChange), (body) -> signer.headers(body, now()));
        }
    }

    /** Counts what the application's listener received; fails once for the event ids it is told to. */
    static class StormListener {

        private final Map<String, AtomicInteger> published = new ConcurrentHashMap<>();

        private final Map<Class<?>, AtomicInteger> types = new ConcurrentHashMap<>();

        private final Set<String> failOnce = ConcurrentHashMap.newKeySet();

        private final AtomicInteger failures = new AtomicInteger();

        @EventListener
        void on(VideoJobEvent event) {
            if (this.failOnce.remove(event.eventId())) {
                this.failures.incrementAndGet();
                throw new IllegalStateException("Listener down for " + event.eventId());
            }
            this.published.computeIfAbsent(event.eventId(), (id) -> new AtomicInteger()).incrementAndGet();
            this.types.computeIfAbsent(event.getClass(), (type) -> new AtomicInteger()).incrementAndGet();
        }

        void failOnce(String eventId) {
            this.failOnce.add(eventId);
        }

        Set<String> publishedIds() {
            return Set.copyOf(this.published.keySet());
        }

        Map<String, Integer> publishCounts() {
            Map<String, Integer> counts = new HashMap<>();
            this.published.forEach((id, count) -> counts.put(id, count.get()));
            return counts;
        }

        Map<Class<?>, Integer> typeCounts() {
            Map<Class<?>, Integer> counts = new HashMap<>();
            this.types.forEach((type, count) -> counts.put(type, count.get()));
            return counts;
        }

        int failures() {
            return this.failures.get();
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
