package io.aistats.video.internal.util;

/**
 * Trimming and blankness as the gateway's JavaScript sees them ({@code String.prototype.trim}). JavaScript strips
 * the ECMAScript WhiteSpace and LineTerminator characters: U+0009 to U+000D, U+0020, U+00A0, U+1680, U+2000 to
 * U+200A, U+2028, U+2029, U+202F, U+205F, U+3000 and U+FEFF. Java's {@code trim()}, {@code strip()} and
 * {@code isBlank()} each disagree somewhere: {@code strip()} keeps U+00A0, U+2007, U+202F and U+FEFF but removes
 * U+001C to U+001F, which JavaScript keeps. Used wherever the gateway trims or tests blankness.
 */
public final class JsStrings {

    private JsStrings() {
    }

    /**
     * @param text the string
     * @return the string without leading and trailing JavaScript white space, as {@code text.trim()} in JavaScript
     */
    public static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isWhiteSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isWhiteSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /**
     * @param text the string
     * @return whether JavaScript's {@code text.trim()} is empty
     */
    public static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isWhiteSpace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param ch a UTF-16 code unit (every JavaScript white space is in the Basic Multilingual Plane)
     * @return whether it is ECMAScript WhiteSpace or LineTerminator
     */
    static boolean isWhiteSpace(char ch) {
        return (ch >= '\u0009' && ch <= '\r') || ch == ' ' || ch == '\u00a0' || ch == '\u1680'
                || (ch >= '\u2000' && ch <= '\u200a') || ch == '\u2028' || ch == '\u2029' || ch == '\u202f'
                || ch == '\u205f' || ch == '\u3000' || ch == '\ufeff';
    }
}
