package io.aistats.test;

import org.jspecify.annotations.Nullable;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The gateway's webhook URL rules (§5.4), checked when an endpoint is created or updated, when a job references it
 * and before every delivery attempt: a parseable absolute URL, scheme {@code https}, no {@code localhost}, no private,
 * loopback, link-local, CGNAT, multicast, reserved or unspecified address, and for host names a DNS answer with only
 * public addresses.
 * <p>
 * With local URLs allowed (a test switch, off on the real gateway) {@code http} is accepted too, and so are
 * {@code localhost} and private or loopback addresses, so that tests can receive deliveries on their own machine.
 * Host names other than {@code localhost} must still resolve.
 */
final class WebhookUrlPolicy {

    static final String REQUIRED = "webhook_url_required";

    static final String INVALID = "webhook_url_invalid";

    static final String MUST_USE_HTTPS = "webhook_url_must_use_https";

    static final String PRIVATE_NETWORK = "webhook_url_private_network_not_allowed";

    static final String DNS_FAILED = "webhook_url_dns_resolution_failed";

    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9.]+");

    private final boolean allowLocal;

    private final HostResolver resolver;

    /**
     * @param allowLocal whether {@code http} and local or private hosts are accepted (tests only)
     * @param resolver how host names are resolved
     */
    WebhookUrlPolicy(boolean allowLocal, HostResolver resolver) {
        this.allowLocal = allowLocal;
        this.resolver = resolver;
    }

    /**
     * Checks and normalises a URL. May resolve the host (blocking): call it off event-loop threads where possible.
     * @param raw the URL as given, or {@code null}
     * @return the normalised URL, or the rejection reason
     */
    Verdict check(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return Verdict.rejected(REQUIRED);
        }
        URI uri;
        try {
            uri = new URI(raw.strip());
        }
        catch (URISyntaxException ex) {
            return Verdict.rejected(INVALID);
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getHost().isEmpty()) {
            return Verdict.rejected(INVALID);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"https".equals(scheme) && !(this.allowLocal && "http".equals(scheme))) {
            return Verdict.rejected(MUST_USE_HTTPS);
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String bareHost = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        String rejection = checkHost(bareHost);
        return rejection != null ? Verdict.rejected(rejection) : Verdict.accepted(normalize(uri, scheme, host));
    }

    private @Nullable String checkHost(String host) {
        if ("localhost".equals(host) || host.endsWith(".localhost")) {
            return this.allowLocal ? null : PRIVATE_NETWORK;
        }
        if (host.contains(":") || IPV4_LITERAL.matcher(host).matches()) {
            InetAddress literal = literal(host);
            if (literal == null) {
                return INVALID;
            }
            return !this.allowLocal && isPrivate(literal) ? PRIVATE_NETWORK : null;
        }
        InetAddress[] addresses;
        try {
            addresses = this.resolver.resolve(host);
        }
        catch (UnknownHostException | SecurityException ex) {
            return DNS_FAILED;
        }
        if (addresses == null || addresses.length == 0) {
            return DNS_FAILED;
        }
        if (!this.allowLocal) {
            for (InetAddress address : addresses) {
                if (isPrivate(address)) {
                    return PRIVATE_NETWORK;
                }
            }
        }
        return null;
    }

    private static @Nullable InetAddress literal(String host) {
        try {
            // an IP literal is parsed without any lookup
            return InetAddress.getByName(host);
        }
        catch (UnknownHostException ex) {
            return null;
        }
    }

    /**
     * @param address an address
     * @return whether it is private, loopback, link-local, CGNAT, multicast, reserved or unspecified (IPv4-mapped,
     * IPv4-compatible and NAT64 forms are judged by their IPv4 address)
     */
    static boolean isPrivate(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPrivateIpv4(bytes);
        }
        if (address instanceof Inet6Address) {
            return isPrivateIpv6(bytes);
        }
        return true;
    }

    private static boolean isPrivateIpv4(byte[] bytes) {
        int a = bytes[0] & 0xff;
        int b = bytes[1] & 0xff;
        return a == 0 || a == 10 || a == 127 || a >= 224
                || (a == 100 && b >= 64 && b <= 127)
                || (a == 169 && b == 254)
                || (a == 172 && b >= 16 && b <= 31)
                || (a == 192 && (b == 0 || b == 168))
                || (a == 198 && (b == 18 || b == 19));
    }

    private static boolean isPrivateIpv6(byte[] bytes) {
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        if (first == 0xff || (first & 0xfe) == 0xfc || (first == 0xfe && (second & 0xc0) == 0x80)) {
            return true;
        }
        boolean leadingZeros = true;
        for (int i = 0; i < 10; i++) {
            leadingZeros &= bytes[i] == 0;
        }
        int eleventh = bytes[10] & 0xff;
        int twelfth = bytes[11] & 0xff;
        boolean mapped = leadingZeros && eleventh == 0xff && twelfth == 0xff;
        boolean compatible = leadingZeros && eleventh == 0 && twelfth == 0;
        boolean nat64 = first == 0x00 && second == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = bytes[i] == 0;
        }
        if (mapped || compatible || nat64) {
            // covers :: and ::1 too (their IPv4 part is 0.0.0.0 or 0.0.0.1)
            return isPrivateIpv4(new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] });
        }
        return false;
    }

    /** Lower-case scheme and host, no default port, fragment removed, {@code /} for an empty path. */
    private static String normalize(URI uri, String scheme, String host) {
        StringBuilder url = new StringBuilder(scheme).append("://");
        if (uri.getRawUserInfo() != null) {
            url.append(uri.getRawUserInfo()).append('@');
        }
        url.append(host);
        int port = uri.getPort();
        boolean defaultPort = ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        if (port >= 0 && !defaultPort) {
            url.append(':').append(port);
        }
        String path = uri.getRawPath();
        url.append(path == null || path.isEmpty() ? "/" : path);
        if (uri.getRawQuery() != null) {
            url.append('?').append(uri.getRawQuery());
        }
        return url.toString();
    }

    /** Resolves host names (DNS A and AAAA). */
    @FunctionalInterface
    interface HostResolver {

        /** The system resolver. */
        HostResolver SYSTEM = InetAddress::getAllByName;

        /**
         * @param host a host name
         * @return its addresses
         * @throws UnknownHostException when it does not resolve
         */
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * The outcome of a check.
     * @param url the normalised URL when accepted
     * @param rejection the reason ({@code webhook_url_*}) when rejected
     */
    record Verdict(@Nullable String url, @Nullable String rejection) {

        static Verdict accepted(String url) {
            return new Verdict(url, null);
        }

        static Verdict rejected(String reason) {
            return new Verdict(null, reason);
        }

        boolean isAccepted() {
            return this.rejection == null;
        }
    }
}
