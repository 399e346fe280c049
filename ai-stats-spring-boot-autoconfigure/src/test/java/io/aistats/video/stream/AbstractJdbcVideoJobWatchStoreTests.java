package io.aistats.video.stream;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The contract of {@link JdbcVideoJobWatchStore} on one database: claims, progress, leases, takeover and release
 * between instances (stores with different owners, each at a fixed instant of its own), and concurrent takeovers
 * that never hand one job to two instances.
 */
abstract class AbstractJdbcVideoJobWatchStoreTests {

    static final String PREFIX = "AISTATS_";

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static final Duration LEASE = Duration.ofSeconds(30);

    private static final Duration RENEW = Duration.ofSeconds(10);

    private static final AtomicInteger JOBS = new AtomicInteger();

    /** The database, with the watch table created under {@link #PREFIX}. */
    abstract DataSource dataSource();

    @Test
    void claimRecordsANewJobForItsOwner() {
        String id = jobId();

        assertThat(store("a", T0).claim(new WatchedJob(id, "queued", false, 0)))
            .contains(new WatchedJob(id, "queued", false, 0));

        assertThat(owner(id)).isEqualTo("a");
        assertThat(leaseUntil(id)).isEqualTo(T0.plus(LEASE).toEpochMilli());
        assertThat(store("a", T0).renew()).contains(id);
    }

    @Test
    void aJobHeldByAnotherInstanceCannotBeClaimedUntilItsLeaseEnds() {
        String id = jobId();
        JdbcVideoJobWatchStore a = store("a", T0);
        a.claim(WatchedJob.newWatch(id, null));
        a.update(new WatchedJob(id, "in_progress", true, 30));

        assertThat(store("b", T0.plus(LEASE).minusMillis(1)).claim(WatchedJob.newWatch(id, null))).isEmpty();
        assertThat(store("a", T0.plusSeconds(1)).claim(WatchedJob.newWatch(id, null)))
            .as("the holder claims again and keeps the progress").contains(new WatchedJob(id, "in_progress", true, 30));
        assertThat(store("b", T0.plusSeconds(1).plus(LEASE)).claim(WatchedJob.newWatch(id, null)))
            .as("after the lease, with the progress recorded").contains(new WatchedJob(id, "in_progress", true, 30));
        assertThat(owner(id)).isEqualTo("b");
    }

    @Test
    void aJobIsTakenOverWithItsProgressOnceItsLeaseEnded() {
        String id = jobId();
        JdbcVideoJobWatchStore a = store("a", T0);
        a.claim(WatchedJob.newWatch(id, null));
        a.update(new WatchedJob(id, "in_progress", true, 0));

        assertThat(store("b", T0.plus(LEASE).minusMillis(1)).takeOver(100)).extracting(WatchedJob::videoId)
            .doesNotContain(id);
        List<WatchedJob> taken = store("b", T0.plus(LEASE)).takeOver(100);

        assertThat(taken).contains(new WatchedJob(id, "in_progress", true, 0));
        assertThat(owner(id)).isEqualTo("b");
        assertThat(a.renew()).doesNotContain(id);
        a.update(new WatchedJob(id, "completed", true, 0));
        a.remove(id);
        assertThat(status(id)).as("the former holder changes nothing").isEqualTo("in_progress");
    }

    @Test
    void renewingKeepsTheJobsOfTheirHolder() {
        String id = jobId();
        store("a", T0).claim(WatchedJob.newWatch(id, null));

        assertThat(store("a", T0.plus(RENEW)).renew()).contains(id);

        assertThat(store("b", T0.plus(LEASE)).takeOver(100)).extracting(WatchedJob::videoId).doesNotContain(id);
        assertThat(store("b", T0.plus(RENEW).plus(LEASE)).takeOver(100)).extracting(WatchedJob::videoId)
            .contains(id);
    }

    @Test
    void aReleasedJobIsTakenOverAtOnce() {
        String id = jobId();
        JdbcVideoJobWatchStore a = store("a", T0);
        a.claim(WatchedJob.newWatch(id, null));

        a.release(List.of(id));

        assertThat(owner(id)).isNull();
        assertThat(a.renew()).doesNotContain(id);
        assertThat(store("b", T0).takeOver(100)).extracting(WatchedJob::videoId).contains(id);
        assertThat(owner(id)).isEqualTo("b");
    }

    @Test
    void removeDeletesTheRowOfItsHolder() {
        String id = jobId();
        JdbcVideoJobWatchStore a = store("a", T0);
        a.claim(WatchedJob.newWatch(id, null));

        store("b", T0).remove(id);
        assertThat(rows(id)).isOne();
        a.remove(id);

        assertThat(rows(id)).isZero();
    }

    @Test
    void takeOverTakesNoMoreThanAskedAndTheLongestExpiredFirst() {
        List<String> ids = List.of(jobId(), jobId(), jobId());
        for (int i = 0; i < ids.size(); i++) {
            store("a", T0.plusSeconds(i)).claim(WatchedJob.newWatch(ids.get(i), null));
        }

        List<WatchedJob> taken = store("b", T0.plusSeconds(3).plus(LEASE)).takeOver(2);

        assertThat(taken).extracting(WatchedJob::videoId).containsExactlyInAnyOrder(ids.get(0), ids.get(1));
        assertThat(owner(ids.get(2))).isEqualTo("a");
    }

    @Test
    void instancesTakingOverAtTheSameMomentNeverTakeTheSameJob() throws Exception {
        JdbcClient jdbc = JdbcClient.create(dataSource());
        jdbc.sql("DELETE FROM " + PREFIX + "VIDEO_WATCH").update();
        Set<String> expired = new HashSet<>();
        JdbcVideoJobWatchStore dead = store("dead", T0);
        for (int i = 0; i < 300; i++) {
            String id = jobId();
            dead.claim(WatchedJob.newWatch(id, null));
            expired.add(id);
        }
        int instances = 4;
        CyclicBarrier start = new CyclicBarrier(instances);
        ExecutorService threads = Executors.newFixedThreadPool(instances);
        try {
            List<CompletableFuture<List<String>>> results = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                JdbcVideoJobWatchStore store = store("racer-" + i, T0.plus(LEASE).plusSeconds(1));
                results.add(CompletableFuture.supplyAsync(() -> {
                    List<String> taken = new ArrayList<>();
                    await(start);
                    List<WatchedJob> batch;
                    do {
                        batch = store.takeOver(7);
                        batch.forEach((job) -> taken.add(job.videoId()));
                    }
                    while (!batch.isEmpty());
                    return taken;
                }, threads));
            }
            List<String> all = new ArrayList<>();
            for (CompletableFuture<List<String>> result : results) {
                all.addAll(result.get(60, TimeUnit.SECONDS));
            }

            assertThat(all).doesNotHaveDuplicates();
            assertThat(new HashSet<>(all)).isEqualTo(expired);
            for (int i = 0; i < instances; i++) {
                assertThat(store("racer-" + i, T0.plus(LEASE).plusSeconds(1)).renew())
                    .containsExactlyInAnyOrderElementsOf(results.get(i).get());
            }
        }
        finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theTablePrefixIsChecked() {
        assertThatIllegalArgumentException().isThrownBy(() -> new JdbcVideoJobWatchStore(dataSource(),
                "X; DROP TABLE Y;", "a", LEASE, RENEW)).withMessageContaining("tablePrefix");
        assertThatIllegalArgumentException().isThrownBy(() -> new JdbcVideoJobWatchStore(dataSource(), PREFIX, "a",
                LEASE, LEASE)).withMessageContaining("renewInterval");
    }

    JdbcVideoJobWatchStore store(String owner, Instant now) {
        return new JdbcVideoJobWatchStore(dataSource(), PREFIX, owner, LEASE, RENEW, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static String jobId() {
        return "G-" + JOBS.incrementAndGet() + "-" + System.nanoTime();
    }

    private String owner(String id) {
        return JdbcClient.create(dataSource()).sql("SELECT OWNER_ID FROM " + PREFIX + "VIDEO_WATCH WHERE JOB_ID = ?")
            .param(id)
            .query(String.class)
            .optional()
            .orElse(null);
    }

    private String status(String id) {
        return JdbcClient.create(dataSource()).sql("SELECT LAST_STATUS FROM " + PREFIX + "VIDEO_WATCH WHERE JOB_ID = ?")
            .param(id)
            .query(String.class)
            .single();
    }

    private long leaseUntil(String id) {
        return JdbcClient.create(dataSource()).sql("SELECT LEASE_UNTIL FROM " + PREFIX + "VIDEO_WATCH WHERE JOB_ID = ?")
            .param(id)
            .query(Long.class)
            .single();
    }

    private int rows(String id) {
        return JdbcClient.create(dataSource()).sql("SELECT COUNT(*) FROM " + PREFIX + "VIDEO_WATCH WHERE JOB_ID = ?")
            .param(id)
            .query(Integer.class)
            .single();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
