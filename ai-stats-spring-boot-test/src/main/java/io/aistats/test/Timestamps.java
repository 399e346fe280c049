package io.aistats.test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The gateway's two timestamp string formats: strings produced by its own clock ({@code 2026-01-01T00:00:00.000Z})
 * and strings read back from its database ({@code 2025-12-31T23:57:30.214871+00:00}).
 */
final class Timestamps {

    private static final DateTimeFormatter GATEWAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter DATABASE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** @return the instant as the gateway's clock prints it, millisecond precision, {@code Z} suffix */
    static String gateway(Instant instant) {
        return GATEWAY.format(instant);
    }

    /** @return the instant as the gateway's database prints it, microsecond precision, {@code +00:00} offset */
    static String database(Instant instant) {
        return DATABASE.format(instant);
    }

    /** @return whole unix seconds of the instant (rounded down) */
    static long unixSeconds(Instant instant) {
        return instant.getEpochSecond();
    }
}
