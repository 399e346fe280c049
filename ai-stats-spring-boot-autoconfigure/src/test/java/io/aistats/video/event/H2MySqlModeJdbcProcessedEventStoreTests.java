package io.aistats.video.event;

import com.zaxxer.hikari.HikariDataSource;

import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@link JdbcProcessedEventStore} on the MySQL/MariaDB schema script, run by H2 in its MySQL compatibility mode: this
 * checks the script's syntax and the store's statements against it, not MySQL itself.
 */
class H2MySqlModeJdbcProcessedEventStoreTests extends JdbcProcessedEventStoreContractTests {

    @Override
    DataSource createDataSource() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:mem:claims_mysql_" + UUID.randomUUID() + ";MODE=MySQL;DB_CLOSE_DELAY=-1");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }

    @Override
    String platform() {
        return "mysql";
    }

    @Override
    void closeDataSource(DataSource dataSource) {
        ((HikariDataSource) dataSource).close();
    }
}
