package io.aistats.autoconfigure.jdbc;

import io.aistats.video.internal.util.SqlTableNames;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.sql.init.DatabaseInitializationMode;


/**
 * Configuration properties of the starter's tables on the application's {@code DataSource} (the JDBC stores used when
 * several instances of an application run), bound from {@code ai-stats.jdbc.*}. Modelled on Spring Session JDBC's.
 */
@ConfigurationProperties(AiStatsJdbcProperties.PREFIX)
public class AiStatsJdbcProperties {

    static final String PREFIX = "ai-stats.jdbc";

    /** Where the default schema scripts lie; {@code @@platform@@} stands for the database platform. */
    public static final String DEFAULT_SCHEMA_LOCATION = "classpath:io/aistats/video/jdbc/schema-@@platform@@.sql";

    /** The prefix the schema scripts name the tables with; replaced by {@link #getTablePrefix()}. */
    public static final String DEFAULT_TABLE_PREFIX = "AISTATS_";

    /**
     * Path to the SQL file to use to initialize the database schema.
     */
    private String schema = DEFAULT_SCHEMA_LOCATION;

    /**
     * Platform to use in initialization scripts if the @@platform@@ placeholder is used. Auto-detected by default.
     */
    private @Nullable String platform;

    /**
     * Prefix of the names of the starter's tables (letters, digits, underscores; a schema may precede it with a dot).
     */
    private String tablePrefix = DEFAULT_TABLE_PREFIX;

    /**
     * Database schema initialization mode.
     */
    private DatabaseInitializationMode initializeSchema = DatabaseInitializationMode.EMBEDDED;

    /**
     * @return the location of the schema script
     */
    public String getSchema() {
        return this.schema;
    }

    /**
     * @param schema the location of the schema script
     */
    public void setSchema(String schema) {
        this.schema = schema;
    }

    /**
     * @return the platform of the schema script, or {@code null} to detect it
     */
    public @Nullable String getPlatform() {
        return this.platform;
    }

    /**
     * @param platform the platform of the schema script, or {@code null} to detect it
     */
    public void setPlatform(@Nullable String platform) {
        this.platform = platform;
    }

    /**
     * @return the prefix of the table names
     */
    public String getTablePrefix() {
        return this.tablePrefix;
    }

    /**
     * @param tablePrefix the prefix of the table names; checked, since it becomes part of SQL statements
     */
    public void setTablePrefix(String tablePrefix) {
        if (!SqlTableNames.isTablePrefix(tablePrefix)) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + ".table-prefix", tablePrefix,
                    "must be letters, digits and underscores, optionally after a schema name and a dot");
        }
        this.tablePrefix = tablePrefix;
    }

    /**
     * @return the schema initialization mode
     */
    public DatabaseInitializationMode getInitializeSchema() {
        return this.initializeSchema;
    }

    /**
     * @param initializeSchema the schema initialization mode
     */
    public void setInitializeSchema(DatabaseInitializationMode initializeSchema) {
        this.initializeSchema = initializeSchema;
    }
}
