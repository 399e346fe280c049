package io.aistats.video.stream;

import io.aistats.autoconfigure.jdbc.AiStatsJdbcProperties;
import io.aistats.autoconfigure.jdbc.AiStatsJdbcSchemaInitializer;

import org.springframework.boot.sql.init.DatabaseInitializationMode;

import javax.sql.DataSource;

/**
 * Creates the starter's tables, the watch table among them, with the schema initializer the auto-configuration uses:
 * the platform's script from {@code io/aistats/video/jdbc}, with the {@code AISTATS_} prefix replaced.
 */
public final class WatchTable {

    private WatchTable() {
    }

    /**
     * @param dataSource the database
     * @param platform {@code postgresql}, {@code h2} or {@code mysql}
     * @param tablePrefix replaces {@code AISTATS_}
     */
    public static void create(DataSource dataSource, String platform, String tablePrefix) {
        AiStatsJdbcProperties properties = new AiStatsJdbcProperties();
        properties.setPlatform(platform);
        properties.setTablePrefix(tablePrefix);
        properties.setInitializeSchema(DatabaseInitializationMode.ALWAYS);
        new AiStatsJdbcSchemaInitializer(dataSource, properties).initializeDatabase();
    }
}
