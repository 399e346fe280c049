package io.aistats.video.stream;

import com.zaxxer.hikari.HikariDataSource;
import io.aistats.postgres.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JdbcVideoJobWatchStore} on a real PostgreSQL server: takeover with {@code FOR UPDATE SKIP LOCKED}, and a
 * table prefix with a schema.
 */
@ExtendWith(PostgresTestDatabase.class)
class PostgresJdbcVideoJobWatchStoreTests extends AbstractJdbcVideoJobWatchStoreTests {

    private static HikariDataSource database;

    @BeforeAll
    static void createDatabase() {
        database = PostgresTestDatabase.newDatabase("watch");
        WatchTable.create(database, "postgresql", PREFIX);
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    DataSource dataSource() {
        return database;
    }

    @Test
    void usesTheConfiguredTablePrefix() {
        JdbcClient.create(database).sql("CREATE SCHEMA watches").update();
        WatchTable.create(database, "postgresql", "watches.APP_");
        JdbcVideoJobWatchStore store = new JdbcVideoJobWatchStore(database, "watches.APP_", "a",
                Duration.ofSeconds(30), Duration.ofSeconds(10));

        store.claim(WatchedJob.newWatch("G-prefixed", null));

        assertThat(JdbcClient.create(database).sql("SELECT JOB_ID FROM watches.app_video_watch").query(String.class)
            .list()).containsExactly("G-prefixed");
        assertThat(store.takeOver(10)).isEmpty();
    }
}
