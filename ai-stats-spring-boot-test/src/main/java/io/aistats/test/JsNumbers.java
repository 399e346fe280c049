package io.aistats.test;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Parses strings the way the gateway's JavaScript does with {@code Number(value)}, so that quirks such as
 * {@code limit=} (0), {@code limit=1e3} (1000) and {@code limit=abc} (NaN) come out the same.
 */
final class JsNumbers {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private static final Pattern INFINITY = Pattern.compile("[+-]?Infinity");

    private JsNumbers() {
    }

    /**
     * @param value the string, possibly with surrounding white space
     * @return the number JavaScript's {@code Number(value)} yields; {@code NaN} when it is not a number
     */
    static double number(String value) {
        String text = JsText.trim(value);
        if (text.isEmpty()) {
            return 0;
        }
        if (DECIMAL.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        if (INFINITY.matcher(text).matches()) {
            return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (text.length() > 2 && text.charAt(0) == '0') {
            int radix = switch (text.charAt(1)) {
                case 'x', 'X' -> 16;
                case 'o', 'O' -> 8;
                case 'b', 'B' -> 2;
                default -> 0;
            };
            if (radix != 0) {
                try {
                    return new BigInteger(text.substring(2), radix).doubleValue();
                }
                catch (NumberFormatException ex) {
                    return Double.NaN;
                }
            }
        }
        return Double.NaN;
    }

    /**
     * @param value a finite or infinite number
     * @param min lower bound
     * @param max upper bound
     * @return the number truncated towards zero and clamped, as {@code Math.min(max, Math.max(min, Math.trunc(v)))}
     */
    static long truncateAndClamp(double value, long min, long max) {
        if (value >= max) {
            return max;
        }
        if (value <= min) {
            return min;
        }
        return (long) value;
    }
}
