package io.aistats.video.event;

import com.zaxxer.hikari.HikariDataSource;
import io.aistats.video.event.ProcessedEventStore.Claim;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store contract and the purge of {@link JdbcProcessedEventStore}, on a database a subclass provides, with the
 * table created by the starter's schema script for that database.
 */
abstract class JdbcProcessedEventStoreContractTests extends ProcessedEventStoreContractTests {

    private HikariDataSource dataSource;

    private JdbcProcessedEventStore store;

    /** A fresh, empty database; closed after each test. */
    abstract HikariDataSource createDataSource();

    /** The platform in the schema script's name. */
    abstract String platform();

    /**
     * @param name the start of the database's name
     * @param mode the H2 compatibility mode, or {@code null} for H2's own
     * @return a fresh in-memory H2 database, kept until its pool closes
     */
    static HikariDataSource inMemoryH2(String name, @Nullable String mode) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:mem:" + name + "_" + UUID.randomUUID() + ((mode != null) ? ";MODE=" + mode : "")
                + ";DB_CLOSE_DELAY=-1");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }

    @Override
    ProcessedEventStore createStore(Duration timeToLive, Clock clock) {
        this.dataSource = createDataSource();
        new ResourceDatabasePopulator(new ClassPathResource("io/aistats/video/jdbc/schema-" + platform() + ".sql"))
            .execute(this.dataSource);
        this.store = new JdbcProcessedEventStore(this.dataSource, JdbcProcessedEventStore.DEFAULT_TABLE_NAME,
                timeToLive, clock);
        return this.store;
    }

    @AfterEach
    void closeDataSource() {
        this.dataSource.close();
    }

    @Test
    void theSchemaScriptCanRunAgain() {
        this.store.claim("evt_1", LEASE);
        new ResourceDatabasePopulator(new ClassPathResource("io/aistats/video/jdbc/schema-" + platform() + ".sql"))
            .execute(this.dataSource);
        assertThat(this.store.claim("evt_1", LEASE)).isEqualTo(Claim.IN_FLIGHT);
    }

    @Test
    void purgeDeletesCompletedIdsOlderThanTheTimeToLiveInBatches() {
        int old = JdbcProcessedEventStore.PURGE_BATCH_SIZE * 2 + 7;
        for (int i = 0; i < old; i++) {
            this.store.claim("evt_old_" + i, LEASE);
            this.store.complete("evt_old_" + i);
        }
        this.clock.advance(TIME_TO_LIVE.plusSeconds(1));
        this.store.claim("evt_recent", LEASE);
        this.store.complete("evt_recent");
        this.store.claim("evt_in_flight", LEASE);

        assertThat(this.store.purgeExpired()).isEqualTo(old);
        assertThat(rows()).isEqualTo(2);
        assertThat(this.store.claim("evt_recent", LEASE)).isEqualTo(Claim.DUPLICATE);
        assertThat(this.store.claim("evt_in_flight", LEASE)).isEqualTo(Claim.IN_FLIGHT);
        assertThat(this.store.claim("evt_old_0", LEASE)).isEqualTo(Claim.CLAIMED);
        assertThat(this.store.purgeExpired()).isZero();
    }

    @Test
    void purgeDeletesClaimsAbandonedLongerThanTheTimeToLive() {
        this.store.claim("evt_abandoned", LEASE);
        this.clock.advance(LEASE.plus(TIME_TO_LIVE).minusSeconds(1));
        assertThat(this.store.purgeExpired()).isZero();
        this.clock.advance(Duration.ofSeconds(2));
        assertThat(this.store.purgeExpired()).isOne();
        assertThat(rows()).isZero();
    }

    @Test
    void completingAClaimThatWasPurgedStillRecordsTheId() {
        this.store.claim("evt_slow", LEASE);
        this.clock.advance(LEASE.plus(TIME_TO_LIVE).plusSeconds(1));
        assertThat(this.store.purgeExpired()).isOne();
        this.store.complete("evt_slow");
        assertThat(this.store.claim("evt_slow", LEASE)).isEqualTo(Claim.DUPLICATE);
    }

    @Test
    void tableNameAndTimeToLiveShowButNothingElse() {
        assertThat(this.store).hasToString("JdbcProcessedEventStore[table=AISTATS_PROCESSED_EVENT, timeToLive=PT30M]");
    }

    private long rows() {
        return JdbcClient.create(this.dataSource)
            .sql("SELECT COUNT(*) FROM " + JdbcProcessedEventStore.DEFAULT_TABLE_NAME)
            .query(Long.class)
            .single();
    }
}
