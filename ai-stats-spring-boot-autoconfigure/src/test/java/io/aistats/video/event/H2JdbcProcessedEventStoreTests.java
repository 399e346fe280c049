package io.aistats.video.event;

import com.zaxxer.hikari.HikariDataSource;

/**
 * {@link JdbcProcessedEventStore} on an in-memory H2 database.
 */
class H2JdbcProcessedEventStoreTests extends JdbcProcessedEventStoreContractTests {

    @Override
    HikariDataSource createDataSource() {
        return inMemoryH2("claims", null);
    }

    @Override
    String platform() {
        return "h2";
    }
}
