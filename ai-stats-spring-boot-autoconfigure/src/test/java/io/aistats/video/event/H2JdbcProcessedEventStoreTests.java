package io.aistats.video.event;

import com.zaxxer.hikari.HikariDataSource;

import java.util.UUID;
import javax.sql.DataSource;

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
