package io.aistats.video.internal.util;

import org.jspecify.annotations.Nullable;

import java.util.regex.Pattern;

/**
 * Checks the table names and prefixes that the JDBC stores write into their SQL statements, where no bind parameter
 * can stand: letters, digits and underscores, optionally after a schema name and a dot.
 */
public final class SqlTableNames {

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private SqlTableNames() {
    }

    /**
     * @param name a table name, such as {@code AISTATS_PROCESSED_EVENT} or {@code videos.AISTATS_PROCESSED_EVENT}
     * @return whether it is one
     */
    public static boolean isTableName(@Nullable String name) {
        return name != null && TABLE_NAME.matcher(name).matches();
    }

    /**
     * @param prefix a prefix of table names, such as {@code AISTATS_} or {@code videos.AISTATS_}
     * @return whether it is not empty and makes a table name of every name it precedes
     */
    public static boolean isTablePrefix(@Nullable String prefix) {
        return prefix != null && !prefix.isEmpty() && isTableName(prefix + "T");
    }
}
