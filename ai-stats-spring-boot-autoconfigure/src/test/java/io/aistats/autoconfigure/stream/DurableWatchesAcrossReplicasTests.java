package io.aistats.autoconfigure.stream;

import com.zaxxer.hikari.HikariDataSource;
import io.aistats.autoconfigure.AiStatsVideoAutoConfiguration;
import io.aistats.autoconfigure.jdbc.AiStatsJdbcAutoConfiguration;
import io.aistats.autoconfigure.webhook.AiStatsWebhookAutoConfiguration;
import io.aistats.postgres.PostgresTestDatabase;
import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.video.VideoClient;
import io.aistats.video.event.VideoJobEvent;
import io.aistats.video.model.VideoGenerationRequest;
import io.aistats.video.stream.JdbcVideoJobWatchStore;
import io.aistats.video.stream.VideoJobWatchStore;
import io.aistats.video.stream.WatchTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Durable watches across replicas: three application contexts (replicas) with
 * {@code ai-stats.video.watch-store=jdbc} and {@code watch=auto} on one real PostgreSQL database and one gateway
 * simulator watch 200 jobs. One replica's context is closed while it holds watches, and another is restarted (closed
 * while jobs complete, then a new context starts). Every job's terminal event, and every other phase, reaches the
 * listeners exactly once across the replicas, and the watch table ends empty.
 * <p>
 * The replicas run as a cluster is meant to: the watches and the processed event ids both in the shared database
 * ({@code ai-stats.webhook.dedupe.store=jdbc}). Exactly once comes from a job being followed by one replica at a time
 * and from the claims, which a replica taking a job over finds completed for every phase already published. Set
 * {@code -Daistats.test.replica-properties=key=value,...} to give every replica more properties (for example
 * {@code ai-stats.webhook.dedupe.store=memory}, which the watch leases alone must keep exact).
 */
@ExtendWith(PostgresTestDatabase.class)
class DurableWatchesAcrossReplicasTests {

    private static final int JOBS = 200;

    private final Map<String, List<String>> publishers = new ConcurrentHashMap<>();

    private final List<ConfigurableApplicationContext> replicas = new CopyOnWriteArrayList<>();

    private AiStatsGatewaySimulator simulator;

    private HikariDataSource database;

    private JdbcClient jdbc;

    @BeforeEach
    void start() {
        this.simulator = AiStatsGatewaySimulator.builder().manualClock(Instant.parse("2026-01-01T00:00:00Z")).start();
        this.database = PostgresTestDatabase.newDatabase("watch");
        WatchTable.create(this.database, "postgresql", "AISTATS_");
        this.jdbc = JdbcClient.create(this.database);
    }

    @AfterEach
    void stop() {
        this.replicas.forEach(ConfigurableApplicationContext::close);
        this.database.close();
        this.simulator.close();
    }

    @Test
    void everyWatchedJobEndsOnceAcrossReplicasThatStopAndRestart() {
        ConfigurableApplicationContext a = replica("a");
        ConfigurableApplicationContext b = replica("b");
        ConfigurableApplicationContext c = replica("c");
        List<ConfigurableApplicationContext> creators = List.of(a, b, c);
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            ConfigurableApplicationContext replica = creators.get(i % creators.size());
            String id = replica.getBean(VideoClient.class).generateVideo(VideoGenerationRequest.of("Boat " + i)).id();
            jobs.add(id);
            assertThat(owner(id)).as("the row exists before generateVideo returns")
                .isEqualTo(ownerOf(replica));
        }
        // every job was seen queued: its created event is out, and the row records it
        await().until(() -> count("WHERE OBSERVED") == JOBS);

        complete(jobs.subList(0, 50));
        await().until(() -> terminalEvents() == 50);

        String ownerA = ownerOf(a);
        int heldByA = count("WHERE OWNER_ID = '" + ownerA + "'");
        assertThat(heldByA).as("replica a holds watches when it stops").isGreaterThan(40);
        close(a);
        assertThat(count("WHERE OWNER_ID = '" + ownerA + "'")).as("a released its jobs").isZero();
        await().until(() -> count("WHERE OWNER_ID IS NULL") == 0);

        // b stops while the jobs it follows complete, then comes back as a new instance
        complete(jobs.subList(50, 100));
        String ownerB = ownerOf(b);
        close(b);
        assertThat(count("WHERE OWNER_ID = '" + ownerB + "'")).as("b released its jobs").isZero();
        ConfigurableApplicationContext restarted = replica("b-restarted");
        await().until(() -> count("WHERE OWNER_ID IS NULL") == 0);
        await().until(() -> terminalEvents() == 100);
        // c follows 80 jobs at most, so the restarted replica holds the rest of the 100 still running
        assertThat(count("WHERE OWNER_ID = '" + ownerOf(restarted) + "'")).as("the restarted replica took jobs over")
            .isGreaterThanOrEqualTo(20);

        complete(jobs.subList(100, JOBS));

        await().atMost(Duration.ofSeconds(30)).until(() -> count("") == 0);
        await().until(() -> terminalEvents() == JOBS);
        Map<String, Long> terminalByJob = new HashMap<>();
        this.publishers.forEach((eventId, replicas) -> {
            if (eventId.endsWith("_video_completed")) {
                terminalByJob.merge(eventId, (long) replicas.size(), Long::sum);
            }
        });
        assertThat(terminalByJob).hasSize(JOBS).allSatisfy((eventId, times) -> assertThat(times).isOne());
        assertThat(this.publishers).allSatisfy((eventId, replicas) -> assertThat(replicas).hasSize(1));
        for (String id : jobs) {
            // a job completed between two observations shows queued -> completed without in_progress
            assertThat(this.publishers.keySet()).filteredOn((eventId) -> eventId.startsWith("evt_video_" + id + "_"))
                .contains("evt_video_" + id + "_video_created", "evt_video_" + id + "_video_completed")
                .filteredOn((eventId) -> eventId.endsWith("_completed")).hasSize(2);
        }
        Set<String> replicasThatEndedJobs = new HashSet<>();
        this.publishers.forEach((eventId, replicas) -> {
            if (eventId.endsWith("_video_completed")) {
                replicasThatEndedJobs.addAll(replicas);
            }
        });
        assertThat(replicasThatEndedJobs).contains("b-restarted", "c");
        assertThat(this.simulator.requestCount("POST", "/v1/videos")).isEqualTo(JOBS);
        if (!System.getProperty("aistats.test.replica-properties", "").contains("dedupe.store=memory")) {
            assertThat(this.jdbc.sql("SELECT COUNT(*) FROM AISTATS_PROCESSED_EVENT WHERE COMPLETED")
                .query(Long.class)
                .single()).as("every published event id is a completed claim in the shared table")
                .isEqualTo(this.publishers.size());
        }
    }

    private ConfigurableApplicationContext replica(String name) {
        Map<String, Object> properties = new HashMap<>(this.simulator.clientProperties());
        properties.put("spring.datasource.url", this.database.getJdbcUrl());
        properties.put("spring.datasource.username", PostgresTestDatabase.user());
        properties.put("spring.datasource.hikari.maximum-pool-size", "4");
        properties.put("ai-stats.video.watch", "auto");
        properties.put("ai-stats.video.watch-store", "jdbc");
        properties.put("ai-stats.webhook.dedupe.store", "jdbc");
        // a stopping replica releases its jobs at once; the lease only bounds how long a crashed one keeps them
        properties.put("ai-stats.video.watch-lease", "10s");
        properties.put("ai-stats.video.watch-renew-interval", "500ms");
        properties.put("ai-stats.video.max-concurrent-watches", "80");
        properties.put("spring.main.banner-mode", "off");
        for (String extra : System.getProperty("aistats.test.replica-properties", "").split(",")) {
            if (extra.contains("=")) {
                properties.put(extra.substring(0, extra.indexOf('=')), extra.substring(extra.indexOf('=') + 1));
            }
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Replica.class)
            .web(WebApplicationType.NONE)
            .properties(properties)
            .initializers((ctx) -> ctx.getBeanFactory().registerSingleton("publishedEvents",
                    new PublishedEvents(name, this.publishers)))
            .run();
        this.replicas.add(context);
        return context;
    }

    private void close(ConfigurableApplicationContext replica) {
        replica.close();
        this.replicas.remove(replica);
    }

    private void complete(List<String> ids) {
        ids.forEach(this.simulator.jobs()::complete);
    }

    private long terminalEvents() {
        return this.publishers.keySet().stream().filter((eventId) -> eventId.endsWith("_video_completed")).count();
    }

    private static String ownerOf(ConfigurableApplicationContext replica) {
        VideoJobWatchStore store = replica.getBean(VideoJobWatchStore.class);
        return ((JdbcVideoJobWatchStore) store).ownerId();
    }

    private String owner(String id) {
        return this.jdbc.sql("SELECT OWNER_ID FROM AISTATS_VIDEO_WATCH WHERE JOB_ID = ?")
            .param(id)
            .query(String.class)
            .single();
    }

    private int count(String where) {
        return this.jdbc.sql("SELECT COUNT(*) FROM AISTATS_VIDEO_WATCH " + where).query(Integer.class).single();
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            AiStatsJdbcAutoConfiguration.class, AiStatsVideoAutoConfiguration.class,
            AiStatsWebhookAutoConfiguration.class, AiStatsVideoStreamAutoConfiguration.class })
    static class Replica {

    }

    /** The listener of one replica: records which replicas published each event id. */
    static final class PublishedEvents {

        private final String replica;

        private final Map<String, List<String>> publishers;

        PublishedEvents(String replica, Map<String, List<String>> publishers) {
            this.replica = replica;
            this.publishers = publishers;
        }

        @EventListener
        void on(VideoJobEvent event) {
            this.publishers.computeIfAbsent(event.eventId(), (id) -> new CopyOnWriteArrayList<>()).add(this.replica);
        }
    }
}
