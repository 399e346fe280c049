package io.aistats.autoconfigure.webhook;

import io.aistats.test.WebhookSigner;
import io.aistats.video.event.VideoJobEvent;

import org.springframework.context.event.EventListener;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The planned deliveries of the storm tests ({@link WebhookDeliveryStormTests} on one application,
 * {@link WebhookClusterTests} on several replicas), the listener that counts what they publish, and how their
 * answers are sent and counted.
 */
final class StormDeliveries {

    private static final Pattern ANSWER_CODE = Pattern.compile("\\{\"(?:status|error)\":\"([a-z_]+)\"}");

    private StormDeliveries() {
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

    /**
     * @param kind a word that goes into the video ids
     * @param count how many deliveries
     * @return deliveries of {@code video.completed} signed with a secret that is not the endpoint's
     */
    static List<Delivery> foreignSigned(String kind, int count) {
        WebhookSigner stranger = new WebhookSigner("whsec_not_the_endpoints_secret");
        List<Delivery> deliveries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String videoId = videoId(kind, i);
            deliveries.add(new Delivery((attempt) -> completed(videoId, attempt),
                    (body) -> stranger.headers(body, now())));
        }
        return deliveries;
    }

    /**
     * @param kind a word that goes into the video ids
     * @param count how many deliveries
     * @param random chooses each delivery's skew
     * @return deliveries of {@code video.completed} signed with the endpoint's secret at a time outside the
     * five-minute tolerance, in the past or in the future
     */
    static List<Delivery> stale(String kind, int count, Random random) {
        WebhookSigner signer = new WebhookSigner(WebhookDeliveries.SECRET);
        List<Delivery> deliveries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String videoId = videoId(kind, i);
            long skew = (random.nextBoolean() ? -1 : 1) * (301 + random.nextInt(7200));
            deliveries.add(new Delivery((attempt) -> completed(videoId, attempt),
                    (body) -> signer.headers(body, now() + skew)));
        }
        return deliveries;
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
}
