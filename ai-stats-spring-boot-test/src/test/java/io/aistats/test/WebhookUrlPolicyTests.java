package io.aistats.test;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook URL rules (§5.4) with a scripted resolver, so that DNS answers are deterministic.
 */
class WebhookUrlPolicyTests {

    private static final Map<String, String[]> DNS = Map.of(
            "hooks.example.com", new String[] { "93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946" },
            "internal.example.com", new String[] { "93.184.216.34", "10.0.0.7" },
            "rebind.example.com", new String[] { "::ffff:127.0.0.1" });

    private static final WebhookUrlPolicy.HostResolver RESOLVER = host -> {
        String[] addresses = DNS.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] resolved = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            resolved[i] = InetAddress.getByName(addresses[i]);
        }
        return resolved;
    };

    private final WebhookUrlPolicy faithful = new WebhookUrlPolicy(false, RESOLVER);

    private final WebhookUrlPolicy local = new WebhookUrlPolicy(true, RESOLVER);

    @Test
    void hostNamesMustResolveToPublicAddressesOnly() {
        assertThat(this.faithful.check("https://Hooks.Example.com/phaseo#x").url())
                .isEqualTo("https://hooks.example.com/phaseo");
        assertThat(this.faithful.check("https://internal.example.com/").rejection())
                .isEqualTo("webhook_url_private_network_not_allowed");
        assertThat(this.faithful.check("https://rebind.example.com/").rejection())
                .isEqualTo("webhook_url_private_network_not_allowed");
        assertThat(this.faithful.check("https://unknown.example.com/").rejection())
                .isEqualTo("webhook_url_dns_resolution_failed");
    }

    @Test
    void urlsAreNormalised() {
        assertThat(this.faithful.check("  https://hooks.example.com  ").url()).isEqualTo("https://hooks.example.com/");
        assertThat(this.faithful.check("https://hooks.example.com:8443/a/b?c=d&e#f").url())
                .isEqualTo("https://hooks.example.com:8443/a/b?c=d&e");
        assertThat(this.local.check("HTTP://127.0.0.1:80/x").url()).isEqualTo("http://127.0.0.1/x");
    }

    @Test
    void privateAddressesAreRecognised() throws UnknownHostException {
        for (String address : new String[] { "0.1.2.3", "10.0.0.1", "100.64.0.1", "100.127.255.255", "127.0.0.1",
                "169.254.1.1", "172.16.0.1", "172.31.255.255", "192.0.2.1", "192.168.0.1", "198.18.0.1",
                "198.19.255.255", "224.0.0.1", "255.255.255.255", "::", "::1", "fc00::1", "fdff::1", "fe80::1",
                "febf::1", "ff02::1", "::ffff:192.168.1.1", "::10.0.0.1", "64:ff9b::a00:1" }) {
            assertThat(WebhookUrlPolicy.isPrivate(InetAddress.getByName(address))).as(address).isTrue();
        }
        for (String address : new String[] { "93.184.216.34", "100.63.255.255", "100.128.0.0", "172.15.255.255",
                "172.32.0.0", "198.17.255.255", "198.20.0.0", "223.255.255.255", "2606:2800:220:1::1",
                "::ffff:93.184.216.34", "64:ff9b::5db8:d822", "fec0::1" }) {
            assertThat(WebhookUrlPolicy.isPrivate(InetAddress.getByName(address))).as(address).isFalse();
        }
    }

    @Test
    void localUrlsAreAcceptedOnlyWhenAllowed() {
        for (String url : new String[] { "http://127.0.0.1:8080/hook", "http://localhost:8080/hook",
                "https://app.localhost/hook", "http://[::1]:9000/hook", "http://internal.example.com/hook" }) {
            assertThat(this.local.check(url).isAccepted()).as(url).isTrue();
            assertThat(this.faithful.check(url).isAccepted()).as(url).isFalse();
        }
        assertThat(this.local.check("http://unknown.example.com/").rejection())
                .isEqualTo("webhook_url_dns_resolution_failed");
        assertThat(this.local.check("ftp://127.0.0.1/").rejection()).isEqualTo("webhook_url_must_use_https");
    }

    @Test
    void malformedUrlsAreInvalid() {
        assertThat(this.faithful.check(null).rejection()).isEqualTo("webhook_url_required");
        assertThat(this.faithful.check("  ").rejection()).isEqualTo("webhook_url_required");
        for (String url : new String[] { "hooks.example.com/phaseo", "https:opaque", "https://",
                "https://exa mple.com/" }) {
            assertThat(this.faithful.check(url).rejection()).as(url).isEqualTo("webhook_url_invalid");
        }
    }
}
