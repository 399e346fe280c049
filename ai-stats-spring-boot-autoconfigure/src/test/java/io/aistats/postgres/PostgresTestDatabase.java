package io.aistats.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The real PostgreSQL server the JDBC tests run on, as {@code .ci/postgres.sh} starts it. The URL comes from the
 * {@code AISTATS_TEST_POSTGRES_URL} environment variable (default {@value #DEFAULT_URL}, user {@code postgres}).
 * <p>
 * Register with {@code @ExtendWith(PostgresTestDatabase.class)}. When the server does not answer, the tests fail in
 * CI (the {@code CI} environment variable is set, or {@code -Daistats.postgres.required=true}) and are reported as
 * skipped, with the reason, elsewhere: a newcomer's {@code ./mvnw verify} passes without a server, CI never skips.
 */
public final class PostgresTestDatabase implements BeforeAllCallback {

    /** Where {@code .ci/postgres.sh} starts the server. */
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:55432/aistats";

    private static final String USER = "postgres";

    /** The server's JDBC URL. */
    public static String url() {
        String url = System.getenv("AISTATS_TEST_POSTGRES_URL");
        return (url != null && !url.isBlank()) ? url : DEFAULT_URL;
    }

    /** The user the tests connect as. */
    public static String user() {
        return USER;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        try (Connection connection = DriverManager.getConnection(url(), USER, "")) {
            connection.isValid(5);
        }
        catch (SQLException ex) {
            String reason = "PostgreSQL does not answer at " + url() + " (" + ex.getMessage()
                    + "); start one with `bash .ci/postgres.sh`";
            if (required()) {
                throw new IllegalStateException(reason, ex);
            }
            throw new TestAbortedException(reason);
        }
    }

    private static boolean required() {
        return System.getenv("CI") != null || Boolean.getBoolean("aistats.postgres.required");
    }

    /**
     * Creates a new, empty database on the server, so that a test class owns its tables.
     * @param purpose a word that goes into the database's name
     * @return a pooled data source on the new database; close it when done
     */
    public static HikariDataSource newDatabase(String purpose) {
        String name = ("aistats_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection connection = DriverManager.getConnection(url(), USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not create database " + name + " at " + url(), ex);
        }
        return dataSource(url().substring(0, url().lastIndexOf('/') + 1) + name, 20);
    }

    /**
     * @param jdbcUrl the database
     * @param poolSize the most connections the pool opens
     * @return a pooled data source; close it when done
     */
    public static HikariDataSource dataSource(String jdbcUrl, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(USER);
        config.setPassword("");
        config.setMaximumPoolSize(poolSize);
        return new HikariDataSource(config);
    }

    /** The server's default database, pooled. */
    public static DataSource dataSource() {
        return dataSource(url(), 10);
    }
}
