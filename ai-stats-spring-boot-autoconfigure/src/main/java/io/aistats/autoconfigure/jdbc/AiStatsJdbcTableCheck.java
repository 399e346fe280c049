package io.aistats.autoconfigure.jdbc;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Fails startup, naming the table and {@code ai-stats.jdbc.initialize-schema}, when one of the tables the selected
 * JDBC stores need is missing, rather than letting the first delivery fail. Runs after the schema initialization.
 */
class AiStatsJdbcTableCheck implements InitializingBean {

    private final JdbcClient jdbc;

    private final List<String> tables;

    private final AiStatsJdbcProperties properties;

    private final List<String> schemaLocations;

    /**
     * @param dataSource the application's database
     * @param tables the tables that must exist, with their prefix
     * @param properties the initialization mode, for the message
     * @param schemaLocations the scripts that create the tables, for the message
     */
    AiStatsJdbcTableCheck(DataSource dataSource, List<String> tables, AiStatsJdbcProperties properties,
            List<String> schemaLocations) {
        this.jdbc = JdbcClient.create(dataSource);
        this.tables = List.copyOf(tables);
        this.properties = Objects.requireNonNull(properties, "properties");
        this.schemaLocations = List.copyOf(schemaLocations);
    }

    /**
     * @return the tables checked
     */
    List<String> tables() {
        return this.tables;
    }

    @Override
    public void afterPropertiesSet() {
        for (String table : this.tables) {
            try {
                this.jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE 1 = 0").query(Long.class).single();
            }
            catch (BadSqlGrammarException ex) {
                throw new InvalidConfigurationPropertyValueException(AiStatsJdbcProperties.PREFIX
                        + ".initialize-schema", this.properties.getInitializeSchema().name().toLowerCase(Locale.ROOT),
                        "table " + table + " does not exist in the application's DataSource; set it to 'always' to "
                                + "create the starter's tables at startup, or create them with "
                                + String.join(" or ", this.schemaLocations) + " (" + ex.getSQLException().getMessage()
                                + ")");
            }
        }
    }
}
