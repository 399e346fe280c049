package io.aistats.autoconfigure.jdbc;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates the starter's tables on the application's {@code DataSource} from
 * {@code schema-@@platform@@.sql} (PostgreSQL, MySQL, which serves MariaDB too, and H2), the way Spring Session JDBC
 * initializes its own: according to {@code ai-stats.jdbc.initialize-schema} ({@code embedded} by default, so only an
 * embedded database is initialized unless told otherwise). The scripts are idempotent.
 * <p>
 * The scripts name every table and index with the prefix {@value AiStatsJdbcProperties#DEFAULT_TABLE_PREFIX}, which
 * is replaced by {@code ai-stats.jdbc.table-prefix} (in index names without its schema, since an index lives in its
 * table's schema). Define a bean of this type to replace the auto-configured one.
 */
public class AiStatsJdbcSchemaInitializer extends DataSourceScriptDatabaseInitializer {

    /** Index names: the prefix's schema, if any, must not precede them. */
    private static final Pattern INDEX_NAME = Pattern.compile("(?i)(INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?)"
            + Pattern.quote(AiStatsJdbcProperties.DEFAULT_TABLE_PREFIX));

    private final String tablePrefix;

    /**
     * @param dataSource the application's database
     * @param properties the schema location, platform, table prefix and initialization mode
     */
    public AiStatsJdbcSchemaInitializer(DataSource dataSource, AiStatsJdbcProperties properties) {
        super(dataSource, settings(dataSource, properties));
        this.tablePrefix = properties.getTablePrefix();
    }

    /**
     * The schema script locations for the database, with the platform resolved.
     * @param dataSource the application's database
     * @param properties the schema location and platform
     * @return the locations
     */
    static List<String> schemaLocations(DataSource dataSource, AiStatsJdbcProperties properties) {
        PlatformPlaceholderDatabaseDriverResolver platforms = new PlatformPlaceholderDatabaseDriverResolver()
            .withDriverPlatform(DatabaseDriver.MARIADB, "mysql");
        if (StringUtils.hasText(properties.getPlatform())) {
            return platforms.resolveAll(properties.getPlatform(), properties.getSchema());
        }
        return platforms.resolveAll(dataSource, properties.getSchema());
    }

    private static DatabaseInitializationSettings settings(DataSource dataSource, AiStatsJdbcProperties properties) {
        DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
        settings.setSchemaLocations(schemaLocations(dataSource, properties));
        settings.setMode(properties.getInitializeSchema());
        return settings;
    }

    @Override
    protected void runScripts(Scripts scripts) {
        Charset encoding = (scripts.getEncoding() != null) ? scripts.getEncoding() : StandardCharsets.UTF_8;
        List<Resource> prefixed = new ArrayList<>();
        for (Resource script : scripts) {
            prefixed.add(withTablePrefix(script, encoding));
        }
        super.runScripts(new Scripts(prefixed).continueOnError(scripts.isContinueOnError())
            .separator(scripts.getSeparator())
            .encoding(encoding));
    }

    private Resource withTablePrefix(Resource script, Charset encoding) {
        try {
            String sql = script.getContentAsString(encoding);
            String localPrefix = this.tablePrefix.substring(this.tablePrefix.lastIndexOf('.') + 1);
            sql = INDEX_NAME.matcher(sql).replaceAll("$1" + Matcher.quoteReplacement(localPrefix));
            sql = sql.replace(AiStatsJdbcProperties.DEFAULT_TABLE_PREFIX, this.tablePrefix);
            return new ByteArrayResource(sql.getBytes(encoding), script.getDescription());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read " + script.getDescription(), ex);
        }
    }
}
