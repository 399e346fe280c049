package io.aistats.video.model;

import io.aistats.video.internal.json.GatewayTimestamps;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Lenient conversions of decoded JSON values (maps, lists, strings, numbers, booleans) into model values. A value of an
 * unexpected type yields {@code null} rather than an error, so that a gateway change never breaks decoding.
 */
final class Wire {

    private static final Pattern NUMERIC = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private Wire() {
    }

    static @Nullable String string(@Nullable Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return null;
    }

    static @Nullable BigDecimal decimal(@Nullable Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? new BigDecimal(Double.toString(number)) : null;
        }
        if (value instanceof Number number) {
            return BigDecimal.valueOf(number.longValue());
        }
        if (value instanceof String text) {
            String trimmed = text.trim();
            return NUMERIC.matcher(trimmed).matches() ? new BigDecimal(trimmed) : null;
        }
        return null;
    }

    static @Nullable Double doubleValue(@Nullable Object value) {
        BigDecimal decimal = decimal(value);
        return (decimal != null) ? decimal.doubleValue() : null;
    }

    static @Nullable Long longValue(@Nullable Object value) {
        BigDecimal decimal = decimal(value);
        if (decimal == null) {
            return null;
        }
        try {
            return decimal.setScale(0, RoundingMode.HALF_UP).longValueExact();
        }
        catch (ArithmeticException ex) {
            return null;
        }
    }

    static @Nullable Integer integer(@Nullable Object value) {
        Long number = longValue(value);
        return (number != null && number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) ? number.intValue() : null;
    }

    static @Nullable Boolean bool(@Nullable Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof String text) {
            String trimmed = text.trim();
            if (trimmed.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (trimmed.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
        }
        return null;
    }

    /**
     * Reads a point in time sent as unix seconds (a number or numeric string) or as an ISO-8601 timestamp with or
     * without fraction and offset (a missing offset means UTC).
     */
    static @Nullable Instant instant(@Nullable Object value) {
        if (value instanceof Number) {
            return epochSeconds(decimal(value));
        }
        if (!(value instanceof String text) || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        if (NUMERIC.matcher(trimmed).matches()) {
            return epochSeconds(decimal(trimmed));
        }
        String normalized = (trimmed.length() > 10 && trimmed.charAt(10) == ' ')
                ? trimmed.substring(0, 10) + 'T' + trimmed.substring(11) : trimmed;
        try {
            var parsed = GatewayTimestamps.ISO_OPTIONAL_OFFSET.parseBest(normalized, OffsetDateTime::from,
                    LocalDateTime::from);
            return (parsed instanceof OffsetDateTime offset) ? offset.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        }
        catch (DateTimeParseException ex) {
            return null;
        }
    }

    private static @Nullable Instant epochSeconds(@Nullable BigDecimal seconds) {
        if (seconds == null) {
            return null;
        }
        try {
            long whole = seconds.setScale(0, RoundingMode.FLOOR).longValueExact();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
            return Instant.ofEpochSecond(whole, nanos);
        }
        catch (ArithmeticException | DateTimeException ex) {
            return null;
        }
    }

    /** An unmodifiable deep copy of a JSON object, or {@code null} when the value is not an object. */
    @SuppressWarnings("unchecked")
    static @Nullable Map<String, Object> object(@Nullable Object value) {
        return (value instanceof Map<?, ?> map) ? (Map<String, Object>) freeze(map) : null;
    }

    /** Like {@link #object(Object)} but an empty map instead of {@code null}. */
    static Map<String, Object> objectOrEmpty(@Nullable Object value) {
        Map<String, Object> map = object(value);
        return (map != null) ? map : Map.of();
    }

    /** The string items of a JSON array (other items skipped), or {@code null} when the value is not an array. */
    static @Nullable List<String> strings(@Nullable Object value) {
        if (!(value instanceof List<?> list)) {
            return null;
        }
        List<String> result = new ArrayList<>(list.size());
        for (Object item : list) {
            String text = string(item);
            if (text != null) {
                result.add(text);
            }
        }
        return List.copyOf(result);
    }

    /** Like {@link #strings(Object)} but an empty list instead of {@code null}. */
    static List<String> stringsOrEmpty(@Nullable Object value) {
        List<String> list = strings(value);
        return (list != null) ? list : List.of();
    }

    /** Converts each object item of a JSON array; anything else yields an empty list. */
    static <T> List<T> objects(@Nullable Object value, Function<Map<String, ?>, T> converter) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<T> result = new ArrayList<>(list.size());
        for (Object item : list) {
            Map<String, Object> map = object(item);
            if (map != null) {
                result.add(converter.apply(map));
            }
        }
        return List.copyOf(result);
    }

    /** An unmodifiable copy of a record's list component, empty instead of {@code null}. */
    static <T> List<T> copyOrEmpty(@Nullable List<T> list) {
        return (list != null) ? List.copyOf(list) : List.of();
    }

    /** Converts a JSON object member; anything else yields {@code null}. */
    static <T> @Nullable T objectOrNull(@Nullable Object value, Function<Map<String, ?>, T> converter) {
        Map<String, Object> map = object(value);
        return (map != null) ? converter.apply(map) : null;
    }

    /** The value of the first of the given members that is present and not {@code null}. */
    static @Nullable Object first(Map<?, ?> members, String... names) {
        for (String name : names) {
            Object value = members.get(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** An unmodifiable deep copy of decoded JSON: maps keep their order and may hold {@code null} values. */
    static @Nullable Object freeze(@Nullable Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>(map.size() * 2);
            map.forEach((key, item) -> copy.put(String.valueOf(key), freeze(item)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach((item) -> copy.add(freeze(item)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    /** A URL without its query (which may carry a signature), for messages and {@code toString()}. */
    static @Nullable String redactQuery(@Nullable String url) {
        if (url == null) {
            return null;
        }
        int query = url.indexOf('?');
        return (query < 0) ? url : url.substring(0, query) + "?<redacted>";
    }
}
