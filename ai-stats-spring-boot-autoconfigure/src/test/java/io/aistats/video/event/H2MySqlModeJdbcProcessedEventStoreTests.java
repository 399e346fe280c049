package io.aistats.video.event;

import com.zaxxer.hikari.HikariDataSource;

/**
 * {@link JdbcProcessedEventStore} on the MySQL/MariaDB schema script, run by H2 in its MySQL compatibility mode: this
 * checks the script's syntax and the store's statements against it, not MySQL itself.
 */
class H2MySqlModeJdbcProcessedEventStoreTests extends JdbcProcessedEventStoreContractTests {

    @Override
    HikariDataSource createDataSource() {
        return inMemoryH2("claims_mysql", "MySQL");
    }

    @Override
    String platform() {
        return "mysql";
    }
}
