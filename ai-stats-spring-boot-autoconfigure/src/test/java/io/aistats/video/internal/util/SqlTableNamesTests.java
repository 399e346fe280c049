package io.aistats.video.internal.util;

import io.aistats.autoconfigure.jdbc.AiStatsJdbcProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The one check of the table names and prefixes that the JDBC stores and {@code ai-stats.jdbc.table-prefix} write
 * into SQL.
 */
class SqlTableNamesTests {

    @ParameterizedTest
    @ValueSource(strings = { "AISTATS_PROCESSED_EVENT", "videos.AISTATS_PROCESSED_EVENT", "_t", "t1" })
    void tableNamesWithAnOptionalSchemaAreAccepted(String name) {
        assertThat(SqlTableNames.isTableName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "1t", "a.b.c", "t;DROP TABLE x", "t name", "a.", ".t", "t-1", "\"t\"" })
    void anythingElseIsRefusedAsATableName(String name) {
        assertThat(SqlTableNames.isTableName(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "AISTATS_", "videos.AISTATS_", "videos.", "app" })
    void prefixesThatMakeTableNamesAreAccepted(String prefix) {
        assertThat(SqlTableNames.isTablePrefix(prefix)).isTrue();
        new AiStatsJdbcProperties().setTablePrefix(prefix);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "1_", "a.b.", "a..b_", "x;--", "v-1_" })
    void otherPrefixesAreRefusedAndFailTheProperty(String prefix) {
        assertThat(SqlTableNames.isTablePrefix(prefix)).isFalse();
        assertThat(SqlTableNames.isTablePrefix(null)).isFalse();
        assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
            .isThrownBy(() -> new AiStatsJdbcProperties().setTablePrefix(prefix))
            .satisfies((ex) -> assertThat(ex.getName()).isEqualTo("ai-stats.jdbc.table-prefix"));
    }
}
