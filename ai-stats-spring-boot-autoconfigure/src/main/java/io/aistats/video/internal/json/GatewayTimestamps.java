package io.aistats.video.internal.json;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/**
 * How the gateway spells points in time in JSON: ISO-8601 date-times with or without a fraction, and with an offset
 * such as {@code Z}, {@code +00:00} or the database's {@code +00}.
 */
public final class GatewayTimestamps {

    /**
     * ISO local date-time followed by an optional offset ({@code Z}, {@code +HH:MM}, {@code +HHmm} or {@code +HH}),
     * case-insensitive. Parse with {@code OffsetDateTime::from} to require the offset, or with {@code parseBest} to
     * accept its absence too.
     */
    public static final DateTimeFormatter ISO_OPTIONAL_OFFSET = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHmm", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();

    private GatewayTimestamps() {
    }
}
