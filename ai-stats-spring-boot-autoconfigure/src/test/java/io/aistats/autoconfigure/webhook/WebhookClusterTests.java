package io.aistats.autoconfigure.webhook;

import com.zaxxer.hikari.HikariDataSource;
import io.aistats.autoconfigure.webhook.StormDeliveries.Delivery;
import io.aistats.autoconfigure.webhook.StormDeliveries.StormListener;
import io.aistats.autoconfigure.webhook.StormDeliveries.ValidEvent;
import io.aistats.postgres.PostgresTestDatabase;
import io.aistats.test.WebhookSigner;
import io.aistats.video.event.VideoJobEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three replicas of an application, each a real web server (two Spring MVC, one WebFlux) with the webhook endpoint
 * and the JDBC store, on one fresh PostgreSQL database, receive ten thousand signed deliveries spread over them at random (seeded): originals,
 * later duplicates, pairs of the same delivery sent to two replicas at the same instant, tampered, foreign-signed and
 * stale deliveries, and listeners that fail the first time for some events. The senders behave like the gateway: a
 * 5xx or 409 is delivered again, to another replica.
 * <p>
 * The listener writes each event to a table of the same database in the delivery's transaction. Asserted exactly:
 * every valid event is published once in the whole cluster and its row written once, none is lost, no invalid one
 * is published, and every answer is counted.
 */
@ExtendWith(PostgresTestDatabase.class)
class WebhookClusterTests {

    private static final long SEED = 20261204L;

    private static final int REPLICAS = 3;

    /** Four events each: 5,000 valid events. */
    private static final int VIDEOS = 1250;

    private static final int SIMULTANEOUS_PAIRS = 500;

    private static final int DUPLICATES = 3000;

    private static final int TAMPERED = 600;

    private static final int FOREIGN_SIGNATURES = 450;

    private static final int STALE = 450;

    private static final int LISTENER_FAILURES = 400;

    private static final int SENDERS = 12;

    private static final int MAX_ATTEMPTS = 20;

    private final StormListener listener = new StormListener();

    private final Map<Integer, AtomicInteger> publishedPerReplica = new ConcurrentHashMap<>();

    private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

    private HikariDataSource database;

    @BeforeEach
    void startReplicas() {
        this.database = PostgresTestDatabase.newDatabase("claims_cluster");
        JdbcClient.create(this.database)
            .sql("CREATE TABLE VIDEO_EVENT_LOG (EVENT_ID VARCHAR(200) PRIMARY KEY, REPLICA INT NOT NULL)")
            .update();
        for (int replica = 0; replica < REPLICAS; replica++) {
            this.replicas.add(startReplica(replica));
        }
    }

    @AfterEach
    void stopReplicas() {
        this.replicas.forEach(ConfigurableApplicationContext::close);
        this.database.close();
    }

    @Test
    void everyValidEventIsPublishedOnceAcrossTheReplicas() throws Exception {
        Random random = new Random(SEED);
        List<ValidEvent> events = StormDeliveries.validEvents("CLUSTER", VIDEOS);
        List<Send> plan = new ArrayList<>();
        List<ValidEvent> paired = new ArrayList<>(events);
        Collections.shuffle(paired, random);
        Set<ValidEvent> pairs = new HashSet<>(paired.subList(0, SIMULTANEOUS_PAIRS));
        for (ValidEvent event : events) {
            int replica = random.nextInt(REPLICAS);
            plan.add(pairs.contains(event)
                    ? new Send(event.delivery(), replica, (replica + 1 + random.nextInt(REPLICAS - 1)) % REPLICAS)
                    : new Send(event.delivery(), replica, -1));
        }
        for (int i = 0; i < DUPLICATES; i++) {
            plan.add(new Send(events.get(random.nextInt(events.size())).delivery(), random.nextInt(REPLICAS), -1));
        }
        invalidDeliveries(random).forEach((delivery) -> plan.add(new Send(delivery, random.nextInt(REPLICAS), -1)));
        assertThat(plan.stream().mapToInt((send) -> send.isPair() ? 2 : 1).sum()).isEqualTo(10_000);
        Collections.shuffle(plan, random);
        List<ValidEvent> failing = new ArrayList<>(events);
        Collections.shuffle(failing, random);
        failing.subList(0, LISTENER_FAILURES).forEach((event) -> this.listener.failOnce(event.eventId()));

        long started = System.nanoTime();
        Map<String, AtomicInteger> answers = deliverAll(plan);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.printf(Locale.ROOT, "%d deliveries to %d replicas in %d ms, answers %s, published per replica %s%n",
                10_000, REPLICAS, millis, answers, this.publishedPerReplica);

        Set<String> validIds = new HashSet<>();
        events.forEach((event) -> validIds.add(event.eventId()));
        assertThat(this.listener.publishedIds()).isEqualTo(validIds);
        assertThat(this.listener.publishCounts()).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
        assertThat(this.listener.failures()).isEqualTo(LISTENER_FAILURES);
        assertThat(this.publishedPerReplica.values()).hasSize(REPLICAS).allSatisfy((count) -> assertThat(count.get())
            .as("every replica takes its share").isGreaterThan(events.size() / 5));

        assertThat(JdbcClient.create(this.database).sql("SELECT EVENT_ID FROM VIDEO_EVENT_LOG").query(String.class)
            .set()).as("the listeners' rows, committed with the claims").isEqualTo(validIds);
        assertThat(JdbcClient.create(this.database)
            .sql("SELECT EVENT_ID FROM AISTATS_PROCESSED_EVENT WHERE COMPLETED")
            .query(String.class)
            .set()).isEqualTo(validIds);
        assertThat(JdbcClient.create(this.database)
            .sql("SELECT COUNT(*) FROM AISTATS_PROCESSED_EVENT WHERE NOT COMPLETED")
            .query(Long.class)
            .single()).as("claims left in flight").isZero();

        int validDeliveries = events.size() + SIMULTANEOUS_PAIRS + DUPLICATES;
        assertThat(StormDeliveries.count(answers, "accepted")).isEqualTo(validIds.size());
        assertThat(StormDeliveries.count(answers, "listener_failed")).isEqualTo(LISTENER_FAILURES);
        // every failed delivery was delivered again, so every valid delivery but the first of each event is a duplicate
        assertThat(StormDeliveries.count(answers, "duplicate")).isEqualTo(validDeliveries - validIds.size());
        assertThat(StormDeliveries.count(answers, "invalid_signature"))
            .isEqualTo(TAMPERED + FOREIGN_SIGNATURES);
        assertThat(StormDeliveries.count(answers, "stale_timestamp")).isEqualTo(STALE);
        assertThat(answers.keySet()).as("in the transaction a simultaneous claim waits, and is never in flight")
            .containsOnly("accepted", "duplicate", "listener_failed", "invalid_signature", "stale_timestamp");
        assertThat(millis).as("well under a minute on two cores").isLessThan(45_000);
    }

    private ConfigurableApplicationContext startReplica(int replica) {
        // the last replica runs on WebFlux, where the endpoint hands deliveries to another thread
        WebApplicationType stack = (replica == REPLICAS - 1) ? WebApplicationType.REACTIVE : WebApplicationType.SERVLET;
        return new SpringApplicationBuilder(ReplicaApplication.class).web(stack)
            .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
                    AbstractWebhookEndToEndTests.PROPERTIES_SECRET, "spring.datasource.url=" + this.database.getJdbcUrl(),
                    "spring.datasource.username=" + PostgresTestDatabase.user(), "spring.datasource.password=",
                    "spring.datasource.hikari.maximum-pool-size=8", "ai-stats.webhook.dedupe.store=jdbc",
                    "ai-stats.jdbc.initialize-schema=always",
                    // thousands of deliberate rejections and listener failures would only flood the test log
                    "logging.level.io.aistats.video.webhook=ERROR")
            .initializers((context) -> ((GenericApplicationContext) context).registerBean(ReplicaListener.class,
                    () -> new ReplicaListener(replica, this.listener, this.publishedPerReplica,
                            context.getBean(DataSource.class))))
            .run();
    }

    /** Sends every planned delivery from several threads, delivering each 5xx or 409 again to the next replica. */
    private Map<String, AtomicInteger> deliverAll(List<Send> plan) throws Exception {
        List<WebhookDeliveries> endpoints = new ArrayList<>();
        for (ConfigurableApplicationContext replica : this.replicas) {
            int port = ((WebServerApplicationContext) replica).getWebServer().getPort();
            endpoints.add(new WebhookDeliveries(URI.create("http://127.0.0.1:" + port + "/ai-stats/webhooks")));
        }
        ExecutorService twins = Executors.newFixedThreadPool(SENDERS);
        try {
            return new GatewayRedeliveries<Send>(SENDERS, MAX_ATTEMPTS, Duration.ofSeconds(50)).deliverAll(plan,
                    (send, attempt) -> {
                        if (!send.isPair()) {
                            return List.of(answer(post(endpoints.get(send.replica()), send.delivery(), attempt), send,
                                    send.replica() + 1));
                        }
                        // both copies leave together, each to its replica
                        CyclicBarrier together = new CyclicBarrier(2);
                        Future<HttpResponse<String>> twin = twins.submit(() -> {
                            together.await(10, TimeUnit.SECONDS);
                            return post(endpoints.get(send.twinReplica()), send.delivery(), attempt);
                        });
                        together.await(10, TimeUnit.SECONDS);
                        HttpResponse<String> first = post(endpoints.get(send.replica()), send.delivery(), attempt);
                        return List.of(answer(first, send, send.replica() + 1),
                                answer(twin.get(30, TimeUnit.SECONDS), send, send.twinReplica() + 1));
                    });
        }
        finally {
            twins.shutdownNow();
        }
    }

    /** An answer, with the gateway's retry of it: one delivery, to the given replica (modulo their number). */
    private static GatewayRedeliveries.Answer<Send> answer(HttpResponse<String> response, Send send, int retryReplica) {
        return new GatewayRedeliveries.Answer<>(response, new Send(send.delivery(), retryReplica % REPLICAS, -1));
    }

    private static HttpResponse<String> post(WebhookDeliveries endpoint, Delivery delivery, int attempt)
            throws Exception {
        return StormDeliveries.post(endpoint, delivery, attempt);
    }

    private static List<Delivery> invalidDeliveries(Random random) {
        WebhookSigner signer = new WebhookSigner(WebhookDeliveries.SECRET);
        List<Delivery> deliveries = new ArrayList<>();
        for (int i = 0; i < TAMPERED; i++) {
            // an event of a valid video, signed as completed and delivered as failed: must never be published
            String videoId = StormDeliveries.videoId("CLUSTER", i % VIDEOS);
            deliveries.add(new Delivery((attempt) -> WebhookDeliveries.body(videoId, "video.failed", "video.failed",
                    attempt, "completed", null), (body) -> signer.headers(body, StormDeliveries.now()),
                    (body) -> body.replace("\"status\":\"completed\"", "\"status\":\"failed\"")));
        }
        deliveries.addAll(StormDeliveries.foreignSigned("CLUSTERFOREIGN", FOREIGN_SIGNATURES));
        deliveries.addAll(StormDeliveries.stale("CLUSTERSTALE", STALE, random));
        return deliveries;
    }

    /**
     * One planned send: a delivery to a replica, and for a simultaneous pair the same delivery to a second replica.
     * @param twinReplica the second replica of a pair, or -1
     */
    record Send(Delivery delivery, int replica, int twinReplica) {

        boolean isPair() {
            return this.twinReplica >= 0;
        }
    }

    /**
     * A replica's listener: writes the event to the database in the delivery's transaction, then hands it to the
     * listener all replicas share, which counts it (or fails once for the events it is told to).
     */
    static final class ReplicaListener {

        private final int replica;

        private final StormListener shared;

        private final Map<Integer, AtomicInteger> perReplica;

        private final JdbcClient jdbc;

        ReplicaListener(int replica, StormListener shared, Map<Integer, AtomicInteger> perReplica,
                DataSource dataSource) {
            this.replica = replica;
            this.shared = shared;
            this.perReplica = perReplica;
            this.jdbc = JdbcClient.create(dataSource);
        }

        @EventListener
        void on(VideoJobEvent event) {
            this.jdbc.sql("INSERT INTO VIDEO_EVENT_LOG (EVENT_ID, REPLICA) VALUES (?, ?)")
                .params(event.eventId(), this.replica)
                .update();
            this.shared.on(event);
            this.perReplica.computeIfAbsent(this.replica, (id) -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** A replica: the starter's webhook endpoint and JDBC store in a plain Spring MVC or WebFlux application. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ReplicaApplication {

    }
}
