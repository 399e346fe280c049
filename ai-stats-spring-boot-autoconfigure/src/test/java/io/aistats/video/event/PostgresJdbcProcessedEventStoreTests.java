package io.aistats.video.event;

import com.zaxxer.hikari.HikariDataSource;
import io.aistats.postgres.PostgresTestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link JdbcProcessedEventStore} on a real PostgreSQL server, a fresh database per test.
 */
@ExtendWith(PostgresTestDatabase.class)
class PostgresJdbcProcessedEventStoreTests extends JdbcProcessedEventStoreContractTests {

    @Override
    HikariDataSource createDataSource() {
        return PostgresTestDatabase.newDatabase("claims_store");
    }

    @Override
    String platform() {
        return "postgresql";
    }
}
