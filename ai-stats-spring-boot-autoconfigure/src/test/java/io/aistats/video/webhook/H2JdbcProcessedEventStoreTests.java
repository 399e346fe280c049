package io.aistats.video.webhook;

import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.util.UUID;

/**
 * {@link JdbcProcessedEventStore} on an in-memory H2 database.
 */
class H2JdbcProcessedEventStoreTests extends JdbcProcessedEventStoreContractTests {

    @Override
    DataSource createDataSource() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:mem:claims_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }

    @Override
    String platform() {
        return "h2";
    }

    @Override
    void closeDataSource(DataSource dataSource) {
        ((HikariDataSource) dataSource).close();
    }
}
