package io.aistats.test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * String rules of the gateway's JavaScript: {@code String.prototype.trim} and the WHATWG URL parser's verdict on
 * {@code https:} URLs. Java's {@code strip()} differs from JavaScript's {@code trim()} (it keeps U+00A0, U+2007,
 * U+202F and U+FEFF, and removes U+001C to U+001F), and {@code java.net.URI} refuses URLs the WHATWG parser takes.
 */
final class JsText {

    /** ECMAScript WhiteSpace and LineTerminator. */
    private static final String WHITE_SPACE = "\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
            + "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

    /** A special scheme's URL: the scheme, any slashes, the authority, the rest. */
    private static final Pattern HTTPS_URL = Pattern.compile("(?i)https:[/\\\\]*([^/\\\\?#]*)(.*)", Pattern.DOTALL);

    /** A host and an optional port, the host bracketed (IPv6) or not. */
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[^:\\[\\]]*)(?::(\\d*))?");

    /** Code points the WHATWG parser refuses in a domain: C0 controls, space, DEL and the forbidden punctuation. */
    private static final Pattern FORBIDDEN_HOST = Pattern.compile("[\\x00-\\x20\\x7f#%/:<>?@\\[\\\\\\]^|]");

    private JsText() {
    }

    /** @return the string as JavaScript's {@code trim()} leaves it */
    static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && WHITE_SPACE.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && WHITE_SPACE.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(start, end);
    }

    /** @return whether JavaScript's {@code trim()} empties the string */
    static boolean isBlank(String text) {
        return trim(text).isEmpty();
    }

    /**
     * @param url a URL as received
     * @return whether the WHATWG parser takes it as an {@code https:} URL with a host: the scheme in any case, any
     * run of slashes, a non-empty host without forbidden code points (after percent-decoding), a port of at most
     * 65535
     */
    static boolean isHttpsUrl(String url) {
        String cleaned = trim(url).replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+$", "").replaceAll("[\\t\\n\\r]", "");
        Matcher matcher = HTTPS_URL.matcher(cleaned);
        if (!matcher.matches()) {
            return false;
        }
        String authority = matcher.group(1);
        Matcher hostPort = HOST_PORT.matcher(authority.substring(authority.lastIndexOf('@') + 1));
        if (!hostPort.matches()) {
            return false;
        }
        String host;
        try {
            host = URLDecoder.decode(hostPort.group(1).replace("+", "%2B"), StandardCharsets.UTF_8)
                .toLowerCase(Locale.ROOT);
        }
        catch (IllegalArgumentException ex) {
            return false; // a malformed percent escape
        }
        String port = hostPort.group(2);
        boolean portOk = port == null || port.isEmpty() || (port.length() <= 5 && Integer.parseInt(port) <= 65535);
        boolean bracketed = host.startsWith("[");
        return portOk && !host.isEmpty() && (bracketed || !FORBIDDEN_HOST.matcher(host).find());
    }
}
