package io.aistats.video;

import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.test.AiStatsSimulatorExtension;
import io.aistats.test.RecordedRequest;
import io.aistats.video.error.AiStatsConfigurationException;
import io.aistats.video.error.AiStatsConnectionException;
import io.aistats.video.error.AuthenticationException;
import io.aistats.video.model.VideoGenerationRequest;
import io.aistats.video.model.VideoListParams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.reactive.function.client.WebClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * How a client is built and configured: the missing key, secrets, the caller's WebClient builder.
 */
class ClientConfigurationTests {

    @RegisterExtension
    static final AiStatsSimulatorExtension gateway =
            AiStatsSimulatorExtension.of(AiStatsGatewaySimulator.Builder::manualClock);

    private static AiStatsGatewaySimulator simulator;

    @BeforeAll
    static void startSimulator() {
        simulator = gateway.simulator();
    }

    @Test
    void missingKeyFailsEachCallNamingThePropertyAndSendsNothing(@TempDir Path directory) throws IOException {
        VideoClient keyless = SimulatorClients.blocking(SimulatorClients.settings(simulator).apiKey(null).build());
        int before = simulator.requests().size();

        assertThatThrownBy(() -> keyless.generateVideo(VideoGenerationRequest.of("Nothing sent")))
            .isExactlyInstanceOf(AiStatsConfigurationException.class)
            .hasMessage("No API key is configured for the AI Stats gateway: set ai-stats.api-key or the "
                + "AI_STATS_API_KEY environment variable");
        assertThatThrownBy(() -> keyless.listVideos(VideoListParams.defaults()))
            .isInstanceOf(AiStatsConfigurationException.class);
        assertThatThrownBy(() -> keyless.getVideoContent("G-1")).isInstanceOf(AiStatsConfigurationException.class);
        assertThatThrownBy(() -> keyless.downloadVideoContent("G-1", directory.resolve("never.mp4")))
            .isInstanceOf(AiStatsConfigurationException.class);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).isEmpty();
        }
        assertThat(simulator.requests()).hasSize(before);
    }

    @Test
    void secretsNeverAppearInMessagesOrToString() {
        String key = simulator.apiKey();
        VideoClient client = SimulatorClients.blocking(simulator);
        assertThat(client.toString()).doesNotContain(key).contains("******");
        assertThat(client.reactive().toString()).doesNotContain(key);
        assertThat(client.reactive().settings().toString()).doesNotContain(key);

        String wrongKey = "phaseo_v1_sk_wrongkid1_Wr0ngSecretThatMustNotLeak";
        AuthenticationException rejected = catchThrowableOfType(AuthenticationException.class,
            () -> client.withSettings((settings) -> settings.apiKey(wrongKey)).listVideoModels());
        assertNoSecret(rejected, wrongKey);

        AiStatsConnectionException unreachable = catchThrowableOfType(AiStatsConnectionException.class,
            () -> client.withSettings((settings) -> settings.baseUrl("http://127.0.0.1:" + closedPort() + "/v1")
                .maxRetries(0)).listVideoModels());
        assertNoSecret(unreachable, key);
    }

    @Test
    void theCallersBuilderIsUsedButNeverChanged() {
        AtomicInteger filtered = new AtomicInteger();
        List<String> authorizations = new CopyOnWriteArrayList<>();
        WebClient.Builder builder = WebClient.builder().filter((request, next) -> {
            filtered.incrementAndGet();
            authorizations.add(String.valueOf(request.headers().getFirst("Authorization")));
            return next.exchange(request);
        });
        ReactiveVideoClient client = ReactiveVideoClient.create(builder, SimulatorClients.settings(simulator).build());

        // changes made to the builder afterwards do not reach the client
        builder.defaultHeader("X-Added-Later", "1");
        assertThat(client.listVideoModels().block()).isNotNull();
        assertThat(filtered).hasValue(1);
        assertThat(authorizations).containsExactly("Bearer " + simulator.apiKey());
        assertThat(lastRequest().header("X-Added-Later")).isEmpty();

        // and the client added nothing to the builder
        builder.build().get().uri(simulator.origin() + "/v1/health").retrieve().toBodilessEntity().block();
        RecordedRequest plain = lastRequest();
        assertThat(plain.path()).isEqualTo("/v1/health");
        assertThat(plain.header("Authorization")).isEmpty();
        assertThat(plain.header("X-Phaseo-Client")).isEmpty();
        assertThat(plain.header("X-Added-Later")).hasValue("1");

        // a derived client keeps the builder's configuration
        ReactiveVideoClient derived = client.withSettings((settings) -> settings.maxRetries(0));
        assertThat(derived.listVideoModels().block()).isNotNull();
        assertThat(filtered).hasValue(3);
    }

    @Test
    void aDerivedClientUsesItsOwnKey() {
        VideoClient client = SimulatorClients.blocking(simulator);
        VideoClient other = client.withSettings((settings) -> settings.apiKey("phaseo_v1_sk_otherkid_notRegistered1"));

        assertThat(client.listVideoModels().data()).isNotEmpty();
        assertThatThrownBy(other::listVideoModels).isInstanceOf(AuthenticationException.class);
        assertThat(client.reactive().settings().apiKey()).isEqualTo(simulator.apiKey());
    }

    @Test
    void unreachableGatewayIsAConnectionFailureForCreateToo() throws IOException {
        VideoClient client = SimulatorClients.blocking(SimulatorClients.settings(simulator)
            .baseUrl("http://127.0.0.1:" + closedPort() + "/v1").build());

        assertThatThrownBy(() -> client.generateVideo(VideoGenerationRequest.of("Nowhere")))
            .isInstanceOf(AiStatsConnectionException.class)
            .hasMessageContaining("POST /videos");
        assertThatThrownBy(client::listVideoModels).isInstanceOf(AiStatsConnectionException.class);
    }

    private static void assertNoSecret(Throwable failure, String secret) {
        assertThat(failure).isNotNull();
        for (Throwable current = failure; current != null; current = current.getCause()) {
            assertThat(String.valueOf(current.getMessage())).doesNotContain(secret);
            assertThat(current.toString()).doesNotContain(secret);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static RecordedRequest lastRequest() {
        List<RecordedRequest> requests = simulator.requests();
        return requests.get(requests.size() - 1);
    }
}
