package io.aistats.video.model;

import io.aistats.video.internal.util.JsStrings;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a string is an {@code https:} URL the way the gateway decides it: with the WHATWG URL parser of JavaScript
 * ({@code new URL(value)}), not RFC 3986. So a space in the path, {@code |} in the query, a non-ASCII or underscored
 * host and {@code https:example.com/a.png} all pass, which {@code java.net.URI} refuses. The check follows the
 * parser's steps for a special scheme far enough to find what makes it fail: a scheme other than {@code https}, an
 * empty host, a forbidden host code point, a malformed IPv4 or IPv6 host, or a bad port. Internationalised hosts are
 * not mapped to ASCII (the parser's UTS 46 step), so the rare labels that mapping rejects are let through for the
 * gateway to judge.
 */
final class HttpsUrls {

    /** Code points the parser refuses in a domain (forbidden domain code points, beyond C0 controls and DEL). */
    private static final String FORBIDDEN_IN_HOST = " #%/:<>?@[\\]^|";

    private HttpsUrls() {
    }

    /**
     * @param value the URL as the caller gave it
     * @return whether the gateway accepts it as an absolute {@code https:} URL
     */
    static boolean isHttps(String value) {
        String url = removeTabsAndNewlines(stripC0AndSpace(JsStrings.trim(value)));
        int colon = url.indexOf(':');
        if (colon < 0 || !url.substring(0, colon).toLowerCase(Locale.ROOT).equals("https")) {
            return false;
        }
        int start = colon + 1;
        // a special scheme skips any run of slashes and backslashes before the authority
        while (start < url.length() && (url.charAt(start) == '/' || url.charAt(start) == '\\')) {
            start++;
        }
        int end = start;
        while (end < url.length() && "/\\?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(start, end);
        String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
        return isHostAndPort(hostAndPort);
    }

    private static boolean isHostAndPort(String hostAndPort) {
        int portColon = -1;
        boolean inBrackets = false;
        for (int i = 0; i < hostAndPort.length(); i++) {
            char ch = hostAndPort.charAt(i);
            if (ch == '[') {
                inBrackets = true;
            }
            else if (ch == ']') {
                inBrackets = false;
            }
            else if (ch == ':' && !inBrackets) {
                portColon = i;
                break;
            }
        }
        String host = (portColon < 0) ? hostAndPort : hostAndPort.substring(0, portColon);
        String port = (portColon < 0) ? "" : hostAndPort.substring(portColon + 1);
        return isPort(port) && isHost(host);
    }

    private static boolean isPort(String port) {
        if (port.isEmpty()) {
            return true;
        }
        for (int i = 0; i < port.length(); i++) {
            if (port.charAt(i) < '0' || port.charAt(i) > '9') {
                return false;
            }
        }
        return new BigInteger(port).compareTo(BigInteger.valueOf(65535)) <= 0;
    }

    private static boolean isHost(String host) {
        if (host.isEmpty()) {
            return false;
        }
        if (host.startsWith("[")) {
            return host.endsWith("]") && isIpv6(host.substring(1, host.length() - 1));
        }
        String domain = percentDecode(host);
        if (domain == null || domain.isEmpty()) {
            return false;
        }
        for (int i = 0; i < domain.length(); i++) {
            char ch = domain.charAt(i);
            if (ch <= '\u001f' || ch == '\u007f' || FORBIDDEN_IN_HOST.indexOf(ch) >= 0) {
                return false;
            }
        }
        return !endsInANumber(domain) || isIpv4(domain);
    }

    /** Loose IPv6 check: hex groups, colons and an optional dotted IPv4 tail, at most one {@code ::}. */
    private static boolean isIpv6(String address) {
        if (address.isEmpty() || address.indexOf("::") != address.lastIndexOf("::")) {
            return false;
        }
        for (int i = 0; i < address.length(); i++) {
            char ch = address.charAt(i);
            if (Character.digit(ch, 16) < 0 && ch != ':' && ch != '.') {
                return false;
            }
        }
        return true;
    }

    /** The parser treats a host whose last label is numeric as IPv4, and fails when it is not a valid one. */
    private static boolean endsInANumber(String domain) {
        List<String> labels = labels(domain);
        String last = labels.get(labels.size() - 1);
        if (last.isEmpty()) {
            return false;
        }
        if (last.chars().allMatch((ch) -> ch >= '0' && ch <= '9')) {
            return true;
        }
        return ipv4Number(last) != null;
    }

    private static boolean isIpv4(String domain) {
        List<String> labels = labels(domain);
        if (labels.size() > 4) {
            return false;
        }
        List<BigInteger> numbers = new ArrayList<>(labels.size());
        for (String label : labels) {
            BigInteger number = ipv4Number(label);
            if (number == null) {
                return false;
            }
            numbers.add(number);
        }
        BigInteger octetLimit = BigInteger.valueOf(255);
        for (int i = 0; i < numbers.size() - 1; i++) {
            if (numbers.get(i).compareTo(octetLimit) > 0) {
                return false;
            }
        }
        BigInteger lastLimit = BigInteger.valueOf(256).pow(5 - numbers.size());
        return numbers.get(numbers.size() - 1).compareTo(lastLimit) < 0;
    }

    /** The labels of a domain, without the empty label a single trailing dot leaves. */
    private static List<String> labels(String domain) {
        List<String> labels = new ArrayList<>(List.of(domain.split("\\.", -1)));
        if (labels.size() > 1 && labels.get(labels.size() - 1).isEmpty()) {
            labels.remove(labels.size() - 1);
        }
        return labels;
    }

    /** An IPv4 part: decimal, {@code 0x} hexadecimal or {@code 0}-prefixed octal; {@code null} when it is none. */
    private static @Nullable BigInteger ipv4Number(String part) {
        if (part.isEmpty()) {
            return null;
        }
        String digits = part;
        int radix = 10;
        if (digits.length() >= 2 && (digits.startsWith("0x") || digits.startsWith("0X"))) {
            digits = digits.substring(2);
            radix = 16;
        }
        else if (digits.length() >= 2 && digits.startsWith("0")) {
            digits = digits.substring(1);
            radix = 8;
        }
        if (digits.isEmpty()) {
            return BigInteger.ZERO;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), radix) < 0) {
                return null;
            }
        }
        return new BigInteger(digits, radix);
    }

    /** Percent-decodes a host as UTF-8; {@code null} when the bytes are not UTF-8 (the parser then fails). */
    private static @Nullable String percentDecode(String host) {
        if (host.indexOf('%') < 0) {
            return host;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(host.length());
        byte[] utf8 = host.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == '%' && i + 2 < utf8.length && Character.digit(utf8[i + 1], 16) >= 0
                    && Character.digit(utf8[i + 2], 16) >= 0) {
                bytes.write(Character.digit(utf8[i + 1], 16) * 16 + Character.digit(utf8[i + 2], 16));
                i += 2;
            }
            else {
                bytes.write(utf8[i]);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .decode(ByteBuffer.wrap(bytes.toByteArray()))
                .toString();
        }
        catch (CharacterCodingException ex) {
            return null;
        }
    }

    private static String stripC0AndSpace(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) <= ' ') {
            end--;
        }
        return text.substring(start, end);
    }

    private static String removeTabsAndNewlines(String text) {
        StringBuilder result = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch != '\t' && ch != '\n' && ch != '\r') {
                result.append(ch);
            }
        }
        return result.toString();
    }
}
