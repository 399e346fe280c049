package io.aistats.video.stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

import javax.sql.DataSource;

/**
 * {@link JdbcVideoJobWatchStore} on H2: the conditional-update takeover used on databases other than PostgreSQL.
 */
class H2JdbcVideoJobWatchStoreTests extends AbstractJdbcVideoJobWatchStoreTests {

    private static EmbeddedDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true).build();
        WatchTable.create(database, "h2", PREFIX);
    }

    @AfterAll
    static void dropDatabase() {
        database.shutdown();
    }

    @Override
    DataSource dataSource() {
        return database;
    }
}
