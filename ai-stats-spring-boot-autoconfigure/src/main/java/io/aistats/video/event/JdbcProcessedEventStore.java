package io.aistats.video.event;

import io.aistats.video.internal.util.Durations;
import io.aistats.video.internal.util.SqlTableNames;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link ProcessedEventStore} in a table of the application's database, so that every instance of an application
 * (and every restart) shares the claims: one row per event id, claimed by inserting it (the primary key makes the
 * claim atomic across instances), completed by marking it, released by deleting it. An expired claim, or a completed
 * id older than the time to live, is taken over by a conditional update. Times are epoch milliseconds of the store's
 * clock.
 * <p>
 * On PostgreSQL the insert is {@code INSERT ... ON CONFLICT DO NOTHING}, so that a claim never aborts the
 * surrounding transaction; elsewhere a duplicate key is caught. Run inside a transaction (see
 * {@link SpringDispatchTransaction}), a claim stays invisible to other instances until the commit: a concurrent claim
 * of the same id waits for it and then finds the id handled, or claims it when the transaction rolled back.
 * <p>
 * {@link #purgeExpired()} deletes completed ids older than the time to live, and claims whose lease ended that long
 * ago, in small batches; call it off the request path (the auto-configuration schedules it). The table comes from
 * {@code classpath:io/aistats/video/jdbc/schema-<platform>.sql}. Thread-safe.
 */
public class JdbcProcessedEventStore implements ProcessedEventStore {

    /** The table's default name. */
    public static final String DEFAULT_TABLE_NAME = "AISTATS_PROCESSED_EVENT";

    /** The longest event id the table holds. */
    public static final int MAX_EVENT_ID_LENGTH = 200;

    /** How many rows one purge statement deletes at most. */
    static final int PURGE_BATCH_SIZE = 500;


    private static final Log logger = LogFactory.getLog(JdbcProcessedEventStore.class);

    private final JdbcClient jdbc;

    private final DataSource dataSource;

    private final String table;

    private final Duration timeToLive;

    private final Clock clock;

    /** Whether the database is PostgreSQL; {@code null} until first asked. */
    private volatile @Nullable Boolean postgres;

    /**
     * @param dataSource the application's database
     * @param tableName the table, for example {@value #DEFAULT_TABLE_NAME}, optionally after a schema and a dot
     * @param timeToLive how long a handled id is remembered; positive
     * @param clock the clock of leases and completions
     */
    public JdbcProcessedEventStore(DataSource dataSource, String tableName, Duration timeToLive, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.jdbc = JdbcClient.create(dataSource);
        if (!SqlTableNames.isTableName(tableName)) {
            throw new IllegalArgumentException("Not a table name: " + tableName);
        }
        this.table = tableName;
        Durations.requirePositive(timeToLive, "Processed event time to live");
        this.timeToLive = timeToLive;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Claim claim(String eventId, Duration lease) {
        checkId(eventId);
        long now = this.clock.millis();
        long leaseEnd = now + lease.toMillis();
        // a row released or purged between the statements below is simply claimed on the next round
        for (int round = 0; round < 3; round++) {
            if (insert(eventId, leaseEnd, now)) {
                return Claim.CLAIMED;
            }
            int taken = this.jdbc.sql("UPDATE " + this.table + " SET COMPLETED = FALSE, LEASE_UNTIL = ?, "
                    + "CREATED_AT = ?, COMPLETED_AT = NULL WHERE EVENT_ID = ? AND ((COMPLETED = FALSE AND "
                    + "LEASE_UNTIL <= ?) OR (COMPLETED = TRUE AND COMPLETED_AT <= ?))")
                .params(leaseEnd, now, eventId, now, now - this.timeToLive.toMillis())
                .update();
            if (taken == 1) {
                return Claim.CLAIMED;
            }
            Optional<Boolean> completed = this.jdbc.sql("SELECT COMPLETED FROM " + this.table + " WHERE EVENT_ID = ?")
                .param(eventId)
                .query(Boolean.class)
                .optional();
            if (completed.isPresent()) {
                return completed.get() ? Claim.DUPLICATE : Claim.IN_FLIGHT;
            }
        }
        return Claim.IN_FLIGHT;
    }

    @Override
    public void complete(String eventId) {
        checkId(eventId);
        long now = this.clock.millis();
        int updated = this.jdbc.sql("UPDATE " + this.table + " SET COMPLETED = TRUE, COMPLETED_AT = ?, "
                + "LEASE_UNTIL = ? WHERE EVENT_ID = ?")
            .params(now, now, eventId)
            .update();
        if (updated == 0) {
            // the claim was purged meanwhile (its holder outlived the time to live): record the id all the same
            this.jdbc.sql("INSERT INTO " + this.table + " (EVENT_ID, COMPLETED, LEASE_UNTIL, CREATED_AT, "
                    + "COMPLETED_AT) VALUES (?, TRUE, ?, ?, ?)")
                .params(eventId, now, now, now)
                .update();
        }
    }

    @Override
    public void release(String eventId) {
        checkId(eventId);
        this.jdbc.sql("DELETE FROM " + this.table + " WHERE EVENT_ID = ? AND COMPLETED = FALSE")
            .param(eventId)
            .update();
    }

    /**
     * Deletes completed ids older than the time to live and claims whose lease ended as long ago, a batch of at
     * most {@value #PURGE_BATCH_SIZE} rows per statement, so that no statement holds many locks for long.
     * @return the number of rows deleted
     */
    public int purgeExpired() {
        long cutoff = this.clock.millis() - this.timeToLive.toMillis();
        String expired = "((COMPLETED = TRUE AND COMPLETED_AT < :cutoff) OR (COMPLETED = FALSE AND "
                + "LEASE_UNTIL < :cutoff))";
        int deleted = 0;
        while (true) {
            List<String> ids = this.jdbc.sql("SELECT EVENT_ID FROM " + this.table + " WHERE " + expired)
                .param("cutoff", cutoff)
                .withMaxRows(PURGE_BATCH_SIZE)
                .query(String.class)
                .list();
            if (ids.isEmpty()) {
                break;
            }
            // the condition again: an id claimed anew since the select stays
            deleted += this.jdbc.sql("DELETE FROM " + this.table + " WHERE EVENT_ID IN (:ids) AND " + expired)
                .param("ids", ids)
                .param("cutoff", cutoff)
                .update();
            if (ids.size() < PURGE_BATCH_SIZE) {
                break;
            }
        }
        if (deleted > 0 && logger.isDebugEnabled()) {
            logger.debug("Purged " + deleted + " expired event ids from " + this.table);
        }
        return deleted;
    }

    /**
     * @return the table's name
     */
    public String tableName() {
        return this.table;
    }

    private boolean insert(String eventId, long leaseEnd, long now) {
        String insert = "INSERT INTO " + this.table + " (EVENT_ID, COMPLETED, LEASE_UNTIL, CREATED_AT) "
                + "VALUES (?, FALSE, ?, ?)";
        if (isPostgres()) {
            return this.jdbc.sql(insert + " ON CONFLICT (EVENT_ID) DO NOTHING")
                .params(eventId, leaseEnd, now)
                .update() == 1;
        }
        try {
            return this.jdbc.sql(insert).params(eventId, leaseEnd, now).update() == 1;
        }
        catch (DuplicateKeyException ex) {
            return false;
        }
    }

    private boolean isPostgres() {
        Boolean postgres = this.postgres;
        if (postgres == null) {
            try {
                String product = JdbcUtils.extractDatabaseMetaData(this.dataSource,
                        DatabaseMetaData::getDatabaseProductName);
                postgres = product.toLowerCase(Locale.ROOT).contains("postgresql");
            }
            catch (MetaDataAccessException ex) {
                throw new IllegalStateException("Could not tell the database's product from its metadata", ex);
            }
            this.postgres = postgres;
        }
        return postgres;
    }

    private static void checkId(String eventId) {
        Objects.requireNonNull(eventId, "eventId");
        if (eventId.length() > MAX_EVENT_ID_LENGTH) {
            throw new IllegalArgumentException("Event id longer than " + MAX_EVENT_ID_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return "JdbcProcessedEventStore[table=" + this.table + ", timeToLive=" + this.timeToLive + "]";
    }
}
