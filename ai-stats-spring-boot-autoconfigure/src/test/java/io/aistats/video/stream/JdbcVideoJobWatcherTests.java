package io.aistats.video.stream;

import com.zaxxer.hikari.HikariDataSource;
import io.aistats.postgres.PostgresTestDatabase;
import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.video.ReactiveVideoClient;
import io.aistats.video.event.InMemoryProcessedEventStore;
import io.aistats.video.event.VideoJobEvent;
import io.aistats.video.event.VideoJobEventDispatcher;
import io.aistats.video.model.VideoJob;
import io.aistats.video.model.WebSocketUrlOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.scheduler.Schedulers;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The job watcher with its watches leased in a real PostgreSQL database, against the gateway simulator over real
 * sockets: a watched job is a row until its terminal event was published, and instances (watchers with their own
 * store, dispatcher and owner) hand jobs over to each other when one stops, dies or loses its lease, without
 * publishing a phase twice.
 */
@ExtendWith(PostgresTestDatabase.class)
class JdbcVideoJobWatcherTests {

    /** Long enough not to expire on a loaded machine; the tests that need an ended lease use clocks past it. */
    private static final Duration LEASE = Duration.ofSeconds(30);

    private static final Duration RENEW = Duration.ofMillis(200);

    private static HikariDataSource database;

    private final ConcurrentLinkedQueue<VideoJobEvent> published = new ConcurrentLinkedQueue<>();

    private final List<VideoJobWatcher> watchers = new ArrayList<>();

    private AiStatsGatewaySimulator simulator;

    private ReactiveVideoClient client;

    private JdbcClient jdbc;

    @BeforeAll
    static void createDatabase() {
        database = PostgresTestDatabase.newDatabase("watcher");
        WatchTable.create(database, "postgresql", "AISTATS_");
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @BeforeEach
    void start() {
        this.simulator = AiStatsGatewaySimulator.builder().manualClock(Instant.parse("2026-01-01T00:00:00Z")).start();
        this.client = StreamTestSupport.client(this.simulator);
        this.jdbc = JdbcClient.create(database);
        this.jdbc.sql("DELETE FROM AISTATS_VIDEO_WATCH").update();
    }

    @AfterEach
    void stop() {
        this.watchers.forEach(VideoJobWatcher::close);
        this.simulator.close();
    }

    @Test
    void aWatchedJobIsARowUntilItsTerminalEventWasPublished() throws Exception {
        VideoJobWatcher watcher = startedWatcher("a");
        VideoJob job = StreamTestSupport.createJob(this.client);

        VideoJobWatch watch = watcher.watch(job);

        assertThat(row(job.id())).containsEntry("owner_id", "a").containsEntry("last_status", "queued");
        await().untilAsserted(() -> assertThat(row(job.id())).containsEntry("observed", true));
        this.simulator.clock().advance(Duration.ofSeconds(1));
        await().untilAsserted(() -> assertThat(row(job.id())).containsEntry("last_status", "in_progress"));
        this.simulator.clock().advance(Duration.ofSeconds(3));

        assertThat(watch.whenDone().get(10, TimeUnit.SECONDS).state()).isEqualTo(VideoJobWatch.State.FINISHED);
        assertThat(rowCount()).isZero();
        assertThat(eventIds()).containsExactly(eventId(job, "video_created"),
                eventId(job, "video_status_changed_queued_in_progress"),
                eventId(job, "video_status_changed_in_progress_completed"), eventId(job, "video_completed"));
    }

    @Test
    void aJobLeftByAProcessThatDiedIsTakenOverAfterItsLeaseAndGoesOnFromItsLastStatus() {
        VideoJob job = StreamTestSupport.createJob(this.client);
        this.simulator.clock().advance(Duration.ofSeconds(1));
        // the dead process published created and queued -> in_progress, and renewed its lease for the last time
        JdbcVideoJobWatchStore dead = new JdbcVideoJobWatchStore(database, "AISTATS_", "dead", LEASE, RENEW,
                Clock.fixed(Instant.now().minus(LEASE).minusSeconds(1), ZoneOffset.UTC));
        dead.claim(new WatchedJob(job.id(), "in_progress", true, 0));

        VideoJobWatcher watcher = startedWatcher("b");

        await().until(() -> watcher.find(job.id()).isPresent());
        assertThat(row(job.id())).containsEntry("owner_id", "b");
        assertThat(this.simulator.streams().awaitOpened(1, StreamTestSupport.WAIT)).isTrue();
        this.simulator.clock().advance(Duration.ofSeconds(3));
        await().until(() -> rowCount() == 0);
        assertThat(eventIds()).containsExactly(eventId(job, "video_status_changed_in_progress_completed"),
                eventId(job, "video_completed"));
    }

    @Test
    void aStoppingInstanceReleasesItsJobsAndAnotherTakesThemOverAtOnce() {
        VideoJobWatcher a = startedWatcher("a");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(a.watch(StreamTestSupport.createJob(this.client)).videoId());
        }
        assertThat(this.simulator.streams().awaitOpened(3, StreamTestSupport.WAIT)).isTrue();
        await().until(() -> this.published.size() == 3);

        a.stop();

        assertThat(this.jdbc.sql("SELECT COUNT(*) FROM AISTATS_VIDEO_WATCH WHERE OWNER_ID IS NULL AND LEASE_UNTIL <= ?")
            .param(System.currentTimeMillis()).query(Integer.class).single()).isEqualTo(3);
        VideoJobWatcher b = startedWatcher("b", Duration.ofMinutes(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> ids.stream().allMatch((id) -> b.find(id).isPresent()));
        assertThat(this.simulator.streams().awaitOpened(6, StreamTestSupport.WAIT)).isTrue();
        this.simulator.clock().advance(Duration.ofSeconds(4));
        await().until(() -> rowCount() == 0);
        assertThat(eventIds()).doesNotHaveDuplicates();
        for (String id : ids) {
            // the jump of the clock can show queued -> completed without in_progress
            assertThat(eventIds()).filteredOn((eventId) -> eventId.contains(id))
                .contains("evt_video_" + id + "_video_created", "evt_video_" + id + "_video_completed")
                .filteredOn((eventId) -> eventId.endsWith("_completed"))
                .hasSize(2);
        }
    }

    @Test
    void anInstanceThatLostItsLeaseStopsFollowingTheJob() throws Exception {
        VideoJobWatcher a = startedWatcher("a");
        VideoJob job = StreamTestSupport.createJob(this.client);
        VideoJobWatch watch = a.watch(job);
        // another instance whose clock is past the lease takes the job, as when this one could not renew in time
        JdbcVideoJobWatchStore other = new JdbcVideoJobWatchStore(database, "AISTATS_", "other", Duration.ofHours(1),
                RENEW, Clock.fixed(Instant.now().plus(LEASE).plusSeconds(60), ZoneOffset.UTC));

        assertThat(other.takeOver(10)).extracting(WatchedJob::videoId).containsExactly(job.id());

        assertThat(watch.whenDone().get(10, TimeUnit.SECONDS).state()).isEqualTo(VideoJobWatch.State.ELSEWHERE);
        assertThat(row(job.id())).containsEntry("owner_id", "other");
        assertThat(this.simulator.streams().awaitOpen(0, StreamTestSupport.WAIT)).isTrue();
    }

    @Test
    void aJobAnotherInstanceFollowsIsNotWatchedTwice() throws Exception {
        VideoJob job = StreamTestSupport.createJob(this.client);
        startedWatcher("a").watch(job);
        VideoJobWatcher b = startedWatcher("b");

        VideoJobWatch elsewhere = b.watch(job);

        assertThat(elsewhere.whenDone().get(10, TimeUnit.SECONDS).state()).isEqualTo(VideoJobWatch.State.ELSEWHERE);
        assertThat(b.find(job.id())).isEmpty();
        assertThat(row(job.id())).containsEntry("owner_id", "a");
        assertThat(this.simulator.streams().awaitOpened(1, StreamTestSupport.WAIT)).isTrue();
        assertThat(this.simulator.streams().openedCount()).isOne();
    }

    @Test
    void aCancelledWatchForgetsItsJob() throws Exception {
        VideoJobWatcher a = startedWatcher("a");
        VideoJobWatch watch = a.watch(StreamTestSupport.createJob(this.client));

        watch.cancel();

        assertThat(watch.whenDone().get(10, TimeUnit.SECONDS).state()).isEqualTo(VideoJobWatch.State.CANCELLED);
        assertThat(rowCount()).isZero();
    }

    private VideoJobWatcher startedWatcher(String owner) {
        return startedWatcher(owner, Duration.ofMinutes(1));
    }

    /** One instance: its own store, owner and dispatcher (with its own processed-event store). */
    private VideoJobWatcher startedWatcher(String owner, Duration watchTimeout) {
        VideoJobEventDispatcher dispatcher = new VideoJobEventDispatcher(
                (event) -> this.published.add((VideoJobEvent) event), new InMemoryProcessedEventStore(),
                VideoJobEventDispatcher.DEFAULT_LEASE, null);
        JdbcVideoJobWatchStore store = new JdbcVideoJobWatchStore(database, "AISTATS_", owner, LEASE, RENEW);
        VideoJobWatcher watcher = new VideoJobWatcher(this.client, dispatcher, store,
                new VideoJobWatcherSettings(10, watchTimeout, WebSocketUrlOptions.defaults(),
                        Schedulers::boundedElastic));
        this.watchers.add(watcher);
        watcher.start();
        return watcher;
    }

    private Map<String, Object> row(String id) {
        return this.jdbc.sql("SELECT OWNER_ID, LAST_STATUS, OBSERVED FROM AISTATS_VIDEO_WATCH WHERE JOB_ID = ?")
            .param(id)
            .query()
            .singleRow();
    }

    private int rowCount() {
        return this.jdbc.sql("SELECT COUNT(*) FROM AISTATS_VIDEO_WATCH").query(Integer.class).single();
    }

    private List<String> eventIds() {
        return this.published.stream().map(VideoJobEvent::eventId).toList();
    }

    private static String eventId(VideoJob job, String key) {
        return "evt_video_" + job.id() + "_" + key;
    }
}
