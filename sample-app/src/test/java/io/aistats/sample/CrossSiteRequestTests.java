package io.aistats.sample;

import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.test.AutoConfigureAiStatsSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The page's API spends the operator's key without a login, so it listens on the loopback interface only and
 * refuses state-changing requests that are not same-origin JSON: a cross-site form post never reaches the gateway.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureAiStatsSimulator(manualClock = true)
class CrossSiteRequestTests {

    @LocalServerPort
    private int port;

    @Autowired
    private AiStatsGatewaySimulator gateway;

    @Autowired
    private Environment environment;

    private SampleHttp http;

    @BeforeEach
    void setUp() {
        this.http = new SampleHttp(this.port);
    }

    @Test
    void aCrossSiteFormPostToCancelIsRefusedAndNeverReachesTheGateway() {
        String id = create();
        long cancels = this.gateway.requestCount("POST", "/v1/videos/" + id + "/cancel");

        SampleHttp.Response refused = this.http.send("POST", "/api/jobs/" + id + "/cancel",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Origin", "https://attacker.example",
                        "Sec-Fetch-Site", "cross-site"), "x=1");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("kind").asString()).isEqualTo("cross_site_request");
        assertThat(this.gateway.requestCount("POST", "/v1/videos/" + id + "/cancel")).isEqualTo(cancels);
    }

    @Test
    void everyStateChangingRequestThatIsNotSameOriginJsonIsRefused() {
        String id = create();
        long before = this.gateway.requests().size();
        String self = "http://127.0.0.1:" + this.port;
        List<Map<String, String>> refusedHeaders = List.of(Map.of(),
                Map.of("Content-Type", "text/plain"),
                Map.of("Content-Type", "multipart/form-data; boundary=x"),
                Map.of("Content-Type", "application/json", "Origin", "https://attacker.example"),
                Map.of("Content-Type", "application/json", "Origin", "http://127.0.0.1:" + (this.port + 1)),
                Map.of("Content-Type", "application/json", "Sec-Fetch-Site", "cross-site"),
                Map.of("Content-Type", "application/json", "Sec-Fetch-Site", "same-site", "Origin", self));
        for (Map<String, String> headers : refusedHeaders) {
            assertThat(this.http.send("POST", "/api/jobs", headers, "{\"prompt\":\"a forged job\"}").status())
                .as("create with %s", headers).isEqualTo(403);
            assertThat(this.http.send("DELETE", "/api/jobs/" + id, headers, "").status())
                .as("delete with %s", headers).isEqualTo(403);
        }
        assertThat(this.gateway.requests()).as("nothing reached the gateway").hasSize((int) before);

        SampleHttp.Response sameOrigin = this.http.send("POST", "/api/jobs", Map.of("Content-Type",
                "application/json", "Origin", self, "Sec-Fetch-Site", "same-origin"), "{\"prompt\":\"a real job\"}");
        assertThat(sameOrigin.status()).as("the page's own request").isEqualTo(201);
        assertThat(this.http.get("/api/jobs/" + id).status()).as("reading needs no JSON").isEqualTo(200);
    }

    @Test
    void listensOnTheLoopbackInterfaceOnlyByDefault() throws IOException {
        assertThat(this.environment.getProperty("server.address")).isEqualTo("127.0.0.1");
        for (InetAddress address : otherAddresses()) {
            assertThatExceptionOfType(IOException.class).as("connecting through %s", address)
                .isThrownBy(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(address, this.port), 2000);
                    }
                });
        }
    }

    private String create() {
        SampleHttp.Response created = this.http.post("/api/jobs", Map.of("prompt", "a calm ocean at dusk",
                "model", "openai/sora-2"));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    /** This machine's IPv4 addresses other than loopback: the application must not answer on them. */
    private static List<InetAddress> otherAddresses() throws IOException {
        return NetworkInterface.networkInterfaces()
            .flatMap(NetworkInterface::inetAddresses)
            .filter((address) -> address instanceof Inet4Address && !address.isLoopbackAddress())
            .toList();
    }
}
