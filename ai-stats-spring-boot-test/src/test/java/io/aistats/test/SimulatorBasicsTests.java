package io.aistats.test;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Start, stop, health and the happy path of create, get, list and content over real sockets.
 */
class SimulatorBasicsTests {

    @RegisterExtension
    static final AiStatsSimulatorExtension gateway =
            AiStatsSimulatorExtension.of(AiStatsGatewaySimulator.Builder::manualClock);

    private static AiStatsGatewaySimulator simulator;

    private static GatewayHttp http;

    @BeforeAll
    static void start() {
        simulator = gateway.simulator();
        http = new GatewayHttp(simulator);
    }

    @Test
    void listensOnLoopbackWithKeysOfTheGatewayFormat() {
        assertThat(simulator.port()).isPositive();
        assertThat(simulator.origin()).hasToString("http://127.0.0.1:" + simulator.port());
        assertThat(simulator.baseUrl()).hasToString("http://127.0.0.1:" + simulator.port() + "/v1");
        assertThat(simulator.apiKey()).matches("phaseo_v1_sk_[A-Za-z0-9]{12}_[A-Za-z0-9]+");
        assertThat(simulator.managementKey()).matches("phaseo_v1_mk_[A-Za-z0-9]{12}_[A-Za-z0-9]+");
    }

    @Test
    void clientPropertiesPointTheStarterAtTheSimulator() {
        Map<String, Object> properties = simulator.clientProperties();
        assertThat(properties).containsExactly(entry("ai-stats.base-url", simulator.baseUrl().toString()),
                entry("ai-stats.api-key", simulator.apiKey()),
                entry("ai-stats.management-key", simulator.managementKey()));
        properties.put("ai-stats.api-key", "changed");
        assertThat(simulator.clientProperties()).containsEntry("ai-stats.api-key", simulator.apiKey());
    }

    @Test
    void healthAnswersWithoutAuthentication() {
        GatewayHttp.Response response = http.call("GET", "/v1/health").send();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(response.header("Cache-Control")).isNull();
    }

    @Test
    void createGetListAndDownloadAJob() {
        String id = http.create("{\"model\":\"openai/sora-2\",\"prompt\":\"A paper boat\",\"seconds\":\"8\"}");
        assertThat(id).matches("G-[0-9A-HJKMNP-TV-Z]{26}");

        JsonNode job = http.get("/v1/videos/" + id).json();
        assertThat(job.get("status").stringValue()).isEqualTo("queued");

        simulator.clock().advance(Duration.ofSeconds(4));
        job = http.get("/v1/videos/" + id).json();
        assertThat(job.get("status").stringValue()).isEqualTo("completed");

        JsonNode list = http.get("/v1/videos?limit=10").json();
        assertThat(list.get("data").get(0).get("id").stringValue()).isEqualTo(id);

        GatewayHttp.Response content = http.get("/v1/videos/" + id + "/content");
        assertThat(content.status()).isEqualTo(200);
        assertThat(content.bytes()).isEqualTo(AiStatsGatewaySimulator.sampleVideo());
        assertThat(content.header("Content-Type")).isEqualTo("video/mp4");
    }
}
