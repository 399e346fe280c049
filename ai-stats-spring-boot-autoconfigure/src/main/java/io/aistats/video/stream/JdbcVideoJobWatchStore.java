package io.aistats.video.stream;

import io.aistats.video.internal.util.Lazy;
import io.aistats.video.internal.util.SqlTableNames;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A {@link VideoJobWatchStore} in a table of the application's database ({@code <prefix>VIDEO_WATCH}, created by the
 * {@code schema-<platform>.sql} scripts under {@code io/aistats/video/jdbc}), shared by every instance of the
 * application: a watched job is a row holding how far its events were published, the instance that follows it and
 * the time its lease ends. Leases use this instance's clock, so the instances' clocks must agree to well within the
 * lease.
 * <p>
 * A job is taken over only by a conditional update of a row whose lease ended, so two instances never take the same
 * job; on PostgreSQL the rows are picked with {@code FOR UPDATE SKIP LOCKED}, so that instances taking over at the same
 * moment do not wait for each other. Uses Spring's {@link JdbcClient}; thread-safe.
 */
public final class JdbcVideoJobWatchStore implements VideoJobWatchStore {

    /** The name of the table after its prefix. */
    public static final String TABLE_NAME = "VIDEO_WATCH";

    private static final String COLUMNS = "JOB_ID, LAST_STATUS, OBSERVED, PROGRESS_BUCKET";

    private static final RowMapper<WatchedJob> WATCHED_JOB = (rs, row) -> new WatchedJob(rs.getString("JOB_ID"),
            rs.getString("LAST_STATUS"), rs.getBoolean("OBSERVED"), rs.getInt("PROGRESS_BUCKET"));

    private final JdbcClient jdbc;

    private final String table;

    private final String ownerId;

    private final Duration lease;

    private final Duration renewInterval;

    private final Clock clock;

    private final Lazy<Boolean> postgres;

    /**
     * Creates a store with the system clock.
     * @param dataSource the application's database
     * @param tablePrefix the prefix of the table name, {@code AISTATS_} by default
     * @param ownerId identifies this instance in the rows it holds; unique among the running instances (see
     * {@link #newOwnerId()})
     * @param lease how long a job stays held by an instance that stopped renewing its lease
     * @param renewInterval how often the leases are renewed and expired ones taken over; shorter than the lease
     */
    public JdbcVideoJobWatchStore(DataSource dataSource, String tablePrefix, String ownerId, Duration lease,
            Duration renewInterval) {
        this(dataSource, tablePrefix, ownerId, lease, renewInterval, Clock.systemUTC());
    }

    /**
     * @param dataSource the application's database
     * @param tablePrefix the prefix of the table name, {@code AISTATS_} by default
     * @param ownerId identifies this instance in the rows it holds; unique among the running instances
     * @param lease how long a job stays held by an instance that stopped renewing its lease
     * @param renewInterval how often the leases are renewed and expired ones taken over; shorter than the lease
     * @param clock the clock of the leases
     */
    public JdbcVideoJobWatchStore(DataSource dataSource, String tablePrefix, String ownerId, Duration lease,
            Duration renewInterval, Clock clock) {
        Objects.requireNonNull(dataSource, "dataSource must not be null");
        if (!SqlTableNames.isTablePrefix(tablePrefix)) {
            throw new IllegalArgumentException("tablePrefix must be letters, digits and underscores, optionally after "
                    + "a schema name and a dot, was " + tablePrefix);
        }
        if (ownerId == null || ownerId.isBlank()) {
            throw new IllegalArgumentException("ownerId must not be blank");
        }
        Objects.requireNonNull(lease, "lease must not be null");
        Objects.requireNonNull(renewInterval, "renewInterval must not be null");
        if (renewInterval.isNegative() || renewInterval.isZero() || renewInterval.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("renewInterval must be positive and shorter than the lease (" + lease
                    + "), was " + renewInterval);
        }
        this.jdbc = JdbcClient.create(dataSource);
        this.table = tablePrefix + TABLE_NAME;
        this.ownerId = ownerId;
        this.lease = lease;
        this.renewInterval = renewInterval;
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.postgres = Lazy.of(() -> isPostgres(dataSource));
    }

    /**
     * @return an owner id unique to this process: its process id and a random part
     */
    public static String newOwnerId() {
        return ProcessHandle.current().pid() + "-" + UUID.randomUUID();
    }

    /**
     * @return the id of this instance in the rows it holds
     */
    public String ownerId() {
        return this.ownerId;
    }

    /**
     * @return how long a job stays held by an instance that stopped renewing its lease
     */
    public Duration lease() {
        return this.lease;
    }

    @Override
    public Optional<WatchedJob> claim(WatchedJob job) {
        long now = now();
        if (insert(job, now)) {
            return Optional.of(job);
        }
        int taken = this.jdbc.sql("UPDATE " + this.table + " SET OWNER_ID = ?, LEASE_UNTIL = ? WHERE JOB_ID = ? AND "
                + "(OWNER_ID = ? OR LEASE_UNTIL <= ?)")
            .params(this.ownerId, now + this.lease.toMillis(), job.videoId(), this.ownerId, now)
            .update();
        return (taken == 1) ? held(job.videoId()) : Optional.empty();
    }

    @Override
    public void update(WatchedJob job) {
        this.jdbc.sql("UPDATE " + this.table + " SET LAST_STATUS = ?, OBSERVED = ?, PROGRESS_BUCKET = ? WHERE "
                + "JOB_ID = ? AND OWNER_ID = ?")
            .params(job.status(), job.observed(), job.progressBucket(), job.videoId(), this.ownerId)
            .update();
    }

    @Override
    public void remove(String videoId) {
        this.jdbc.sql("DELETE FROM " + this.table + " WHERE JOB_ID = ? AND OWNER_ID = ?")
            .params(videoId, this.ownerId)
            .update();
    }

    @Override
    public void release(Collection<String> videoIds) {
        long now = now();
        for (String videoId : videoIds) {
            this.jdbc.sql("UPDATE " + this.table + " SET OWNER_ID = NULL, LEASE_UNTIL = ? WHERE JOB_ID = ? AND "
                    + "OWNER_ID = ?")
                .params(now, videoId, this.ownerId)
                .update();
        }
    }

    @Override
    public Set<String> renew() {
        this.jdbc.sql("UPDATE " + this.table + " SET LEASE_UNTIL = ? WHERE OWNER_ID = ?")
            .params(now() + this.lease.toMillis(), this.ownerId)
            .update();
        return new HashSet<>(this.jdbc.sql("SELECT JOB_ID FROM " + this.table + " WHERE OWNER_ID = ?")
            .param(this.ownerId)
            .query(String.class)
            .list());
    }

    @Override
    public List<WatchedJob> takeOver(int max) {
        if (max < 1) {
            return List.of();
        }
        long now = now();
        long until = now + this.lease.toMillis();
        if (this.postgres.get()) {
            return this.jdbc.sql("UPDATE " + this.table + " SET OWNER_ID = ?, LEASE_UNTIL = ? WHERE JOB_ID IN ("
                    + "SELECT JOB_ID FROM " + this.table + " WHERE LEASE_UNTIL <= ? ORDER BY LEASE_UNTIL LIMIT ? "
                    + "FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS)
                .params(this.ownerId, until, now, max)
                .query(WATCHED_JOB)
                .list();
        }
        List<String> expired = this.jdbc.sql("SELECT JOB_ID FROM " + this.table + " WHERE LEASE_UNTIL <= ? ORDER BY "
                + "LEASE_UNTIL LIMIT ?")
            .params(now, max)
            .query(String.class)
            .list();
        List<WatchedJob> taken = new ArrayList<>();
        for (String videoId : expired) {
            // only the instance whose update still finds the lease ended takes the job
            int updated = this.jdbc.sql("UPDATE " + this.table + " SET OWNER_ID = ?, LEASE_UNTIL = ? WHERE JOB_ID = ? "
                    + "AND LEASE_UNTIL <= ?")
                .params(this.ownerId, until, videoId, now)
                .update();
            if (updated == 1) {
                held(videoId).ifPresent(taken::add);
            }
        }
        return taken;
    }

    @Override
    public Optional<Duration> renewInterval() {
        return Optional.of(this.renewInterval);
    }

    @Override
    public String toString() {
        return "JdbcVideoJobWatchStore[table=" + this.table + ", owner=" + this.ownerId + ", lease=" + this.lease
                + "]";
    }

    private boolean insert(WatchedJob job, long now) {
        String insert = "INSERT INTO " + this.table + " (" + COLUMNS + ", OWNER_ID, LEASE_UNTIL, CREATED_AT) VALUES "
                + "(?, ?, ?, ?, ?, ?, ?)";
        if (this.postgres.get()) {
            // no failed statement, and no error in the server's log, for a job recorded already
            insert += " ON CONFLICT (JOB_ID) DO NOTHING";
        }
        try {
            return this.jdbc.sql(insert)
                .params(job.videoId(), job.status(), job.observed(), job.progressBucket(), this.ownerId,
                        now + this.lease.toMillis(), now)
                .update() == 1;
        }
        catch (DuplicateKeyException ex) {
            return false;
        }
    }

    private Optional<WatchedJob> held(String videoId) {
        return this.jdbc.sql("SELECT " + COLUMNS + " FROM " + this.table + " WHERE JOB_ID = ? AND OWNER_ID = ?")
            .params(videoId, this.ownerId)
            .query(WATCHED_JOB)
            .optional();
    }

    private long now() {
        return this.clock.millis();
    }

    private static boolean isPostgres(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return product != null && product.toLowerCase(Locale.ROOT).contains("postgresql");
        }
        catch (MetaDataAccessException ex) {
            throw new IllegalStateException("Could not read the database product of the watch store", ex);
        }
    }
}
