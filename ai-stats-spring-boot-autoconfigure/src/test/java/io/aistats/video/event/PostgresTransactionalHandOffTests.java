package io.aistats.video.event;

import com.zaxxer.hikari.HikariDataSource;
import io.aistats.postgres.PostgresTestDatabase;
import io.aistats.video.event.ProcessedEventStore.Claim;
import io.aistats.video.event.VideoJobEventDispatcher.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The transactional hand-off on a real PostgreSQL server: a claim, the listeners' own writes to the same database and
 * the completion commit or roll back together, and a second instance sees none of it before the commit. Each
 * "instance" has its own connection pool, store and dispatcher on one database.
 */
@ExtendWith(PostgresTestDatabase.class)
class PostgresTransactionalHandOffTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private HikariDataSource database;

    private HikariDataSource otherInstancesPool;

    /** What the application's listener does with an event, before it may fail. */
    private final Set<String> failFor = ConcurrentHashMap.newKeySet();

    private final AtomicInteger listenerCalls = new AtomicInteger();

    @BeforeEach
    void createDatabase() {
        this.database = PostgresTestDatabase.newDatabase("claims_tx");
        new ResourceDatabasePopulator(new ClassPathResource("io/aistats/video/jdbc/schema-postgresql.sql"))
            .execute(this.database);
        JdbcClient.create(this.database).sql("CREATE TABLE VIDEO_ORDER (VIDEO_ID VARCHAR(64) PRIMARY KEY)").update();
        this.otherInstancesPool = PostgresTestDatabase.dataSource(this.database.getJdbcUrl(), 4);
    }

    @AfterEach
    void closeDatabase() {
        this.otherInstancesPool.close();
        this.database.close();
    }

    @Test
    void aListenerThatWritesThenFailsLeavesNeitherItsRowNorTheRecord() {
        VideoJobEventDispatcher dispatcher = transactionalDispatcher(this.database, this::recordOrder);
        this.failFor.add("G-1");

        assertThat(dispatcher.dispatch(completed("G-1"))).isEqualTo(Result.LISTENER_FAILED);
        assertThat(orders()).isEmpty();
        assertThat(claimRows()).isZero();

        assertThat(dispatcher.dispatch(completed("G-1"))).as("the redelivery").isEqualTo(Result.PUBLISHED);
        assertThat(orders()).containsExactly("G-1");
        assertThat(completedIds()).containsExactly("evt_video_G-1_video_completed");
        assertThat(dispatcher.dispatch(completed("G-1"))).isEqualTo(Result.DUPLICATE);
        assertThat(this.listenerCalls).hasValue(2);
    }

    @Test
    void aListenerWhoseOwnStatementFailsAbortsNothingButItsDelivery() {
        JdbcClient.create(this.database).sql("INSERT INTO VIDEO_ORDER VALUES ('G-2')").update();
        VideoJobEventDispatcher dispatcher = transactionalDispatcher(this.database, this::recordOrder);

        // the duplicate key aborts PostgreSQL's transaction: the dispatcher must roll back, not try to release
        assertThat(dispatcher.dispatch(completed("G-2"))).isEqualTo(Result.LISTENER_FAILED);
        assertThat(claimRows()).isZero();
    }

    @Test
    void anotherInstanceWaitsForTheCommitThenFindsTheEventHandled() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        VideoJobEventDispatcher first = transactionalDispatcher(this.database, (event) -> {
            recordOrder(event);
            entered.countDown();
            awaitLatch(release);
        });
        AtomicInteger secondCalls = new AtomicInteger();
        VideoJobEventDispatcher second = transactionalDispatcher(this.otherInstancesPool,
                (event) -> secondCalls.incrementAndGet());

        CompletableFuture<Result> firstResult = CompletableFuture.supplyAsync(() -> first.dispatch(completed("G-3")));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(orders()).as("uncommitted work is invisible").isEmpty();
        assertThat(claimRows()).as("so is the uncommitted claim").isZero();
        CompletableFuture<Result> secondResult = CompletableFuture.supplyAsync(() -> second.dispatch(completed("G-3")));
        await().atMost(Duration.ofSeconds(10)).until(() -> backendsWaitingForALock() == 1);
        assertThat(secondResult).isNotDone();

        release.countDown();
        assertThat(firstResult.get(10, TimeUnit.SECONDS)).isEqualTo(Result.PUBLISHED);
        assertThat(secondResult.get(10, TimeUnit.SECONDS)).isEqualTo(Result.DUPLICATE);
        assertThat(secondCalls).hasValue(0);
        assertThat(orders()).containsExactly("G-3");
        assertThat(completedIds()).containsExactly("evt_video_G-3_video_completed");
    }

    @Test
    void anotherInstanceWaitingForARolledBackDeliveryPublishesItItself() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        VideoJobEventDispatcher first = transactionalDispatcher(this.database, (event) -> {
            recordOrder(event);
            entered.countDown();
            awaitLatch(release);
            throw new IllegalStateException("listener down");
        });
        VideoJobEventDispatcher second = transactionalDispatcher(this.otherInstancesPool,
                (event) -> recordOrder(this.otherInstancesPool, event));

        CompletableFuture<Result> firstResult = CompletableFuture.supplyAsync(() -> first.dispatch(completed("G-4")));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Result> secondResult = CompletableFuture.supplyAsync(() -> second.dispatch(completed("G-4")));
        await().atMost(Duration.ofSeconds(10)).until(() -> backendsWaitingForALock() == 1);

        release.countDown();
        assertThat(firstResult.get(10, TimeUnit.SECONDS)).isEqualTo(Result.LISTENER_FAILED);
        assertThat(secondResult.get(10, TimeUnit.SECONDS)).isEqualTo(Result.PUBLISHED);
        assertThat(orders()).containsExactly("G-4");
        assertThat(completedIds()).containsExactly("evt_video_G-4_video_completed");
    }

    @Test
    void asynchronousHandOffClaimsBeforeAnsweringAndReleasesWhenAListenerFails() {
        Queue<Runnable> executor = new ArrayDeque<>();
        VideoJobEventDispatcher dispatcher = transactionalDispatcher(this.database, this::recordOrder);
        JdbcProcessedEventStore otherInstance = store(this.otherInstancesPool);
        this.failFor.add("G-5");

        assertThat(dispatcher.dispatch(completed("G-5"), executor::add)).isEqualTo(Result.QUEUED);
        assertThat(otherInstance.claim("evt_video_G-5_video_completed", Duration.ofMinutes(2)))
            .as("the claim is committed before the answer").isEqualTo(Claim.IN_FLIGHT);
        executor.remove().run();
        assertThat(orders()).as("the failed listener's write is rolled back").isEmpty();
        assertThat(claimRows()).as("and the claim released").isZero();

        assertThat(dispatcher.dispatch(completed("G-5"), executor::add)).isEqualTo(Result.QUEUED);
        executor.remove().run();
        assertThat(orders()).containsExactly("G-5");
        assertThat(completedIds()).containsExactly("evt_video_G-5_video_completed");
        assertThat(dispatcher.dispatch(completed("G-5"), executor::add)).isEqualTo(Result.DUPLICATE);
        assertThat(executor).isEmpty();
    }

    @Test
    void aClaimLeftByAProcessThatDiedIsPublishedByARedeliveryAfterItsLease() {
        // the process that died: it claimed (answering 202 in asynchronous mode, say), then vanished with its pool
        HikariDataSource deadProcess = PostgresTestDatabase.dataSource(this.database.getJdbcUrl(), 2);
        assertThat(store(deadProcess).claim("evt_video_G-6_video_completed", Duration.ofMinutes(2)))
            .isEqualTo(Claim.CLAIMED);
        deadProcess.close();
        VideoJobEventDispatcher survivor = transactionalDispatcher(this.database, this::recordOrder);

        this.clock.advance(Duration.ofSeconds(119));
        assertThat(survivor.dispatch(completed("G-6"))).as("within the lease").isEqualTo(Result.IN_FLIGHT);
        this.clock.advance(Duration.ofSeconds(1));
        assertThat(survivor.dispatch(completed("G-6"))).as("after the lease").isEqualTo(Result.PUBLISHED);
        assertThat(survivor.dispatch(completed("G-6"))).isEqualTo(Result.DUPLICATE);
        assertThat(orders()).containsExactly("G-6");
    }

    private VideoJobEventDispatcher transactionalDispatcher(HikariDataSource pool, ApplicationEventPublisher listener) {
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
        return new VideoJobEventDispatcher(listener, store(pool), Duration.ofMinutes(2),
                new SpringDispatchTransaction(transactions));
    }

    private JdbcProcessedEventStore store(HikariDataSource pool) {
        return new JdbcProcessedEventStore(pool, JdbcProcessedEventStore.DEFAULT_TABLE_NAME, Duration.ofHours(1),
                this.clock);
    }

    /** The application's listener in the first instance. */
    private void recordOrder(Object event) {
        recordOrder(this.database, event);
    }

    /**
     * The application's listener: records an order through the instance's own pool, then fails for the videos
     * told to.
     */
    private void recordOrder(HikariDataSource pool, Object event) {
        this.listenerCalls.incrementAndGet();
        String videoId = ((VideoJobEvent) event).videoId();
        // JdbcClient on the pool joins the transaction the dispatcher runs, as a repository would
        JdbcClient.create(pool).sql("INSERT INTO VIDEO_ORDER VALUES (?)").param(videoId).update();
        if (this.failFor.remove(videoId)) {
            throw new IllegalStateException("Listener down for " + videoId);
        }
    }

    private List<String> orders() {
        return JdbcClient.create(this.database).sql("SELECT VIDEO_ID FROM VIDEO_ORDER").query(String.class).list();
    }

    private long claimRows() {
        return JdbcClient.create(this.database)
            .sql("SELECT COUNT(*) FROM AISTATS_PROCESSED_EVENT")
            .query(Long.class)
            .single();
    }

    private List<String> completedIds() {
        return JdbcClient.create(this.database)
            .sql("SELECT EVENT_ID FROM AISTATS_PROCESSED_EVENT WHERE COMPLETED")
            .query(String.class)
            .list();
    }

    private long backendsWaitingForALock() {
        return JdbcClient.create(this.database)
            .sql("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
            .query(Long.class)
            .single();
    }

    private static VideoJobEvent completed(String videoId) {
        return VideoJobEvents.create("video.completed", "evt_video_" + videoId + "_video_completed",
                io.aistats.video.model.VideoJob.fromJson(java.util.Map.of("id", videoId)), "video.completed", 1, 4,
                null, EventSource.WEBHOOK, Instant.EPOCH);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
