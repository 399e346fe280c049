package io.aistats.video.webhook.endpoint;

import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.test.SimulatedWebhookEndpoint;
import io.aistats.video.VideoClientSettings;
import io.aistats.video.error.AiStatsConfigurationException;
import io.aistats.video.error.ApiError;
import io.aistats.video.error.AuthenticationException;
import io.aistats.video.error.GatewayValidationException;
import io.aistats.video.error.NotFoundException;
import io.aistats.video.error.PermissionDeniedException;
import io.aistats.video.error.ServerException;
import io.aistats.video.error.VideoRequestValidationException;
import io.aistats.video.internal.json.GatewayJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link WebhookEndpointClient} and {@link ReactiveWebhookEndpointClient} against the gateway simulator (faithful URL
 * rules: public {@code https} only).
 */
class WebhookEndpointClientTests {

    private static final Instant T0 = Instant.parse("2025-12-31T23:50:00Z");

    private static final String READ_ONLY_KEY = "phaseo_v1_mk_ReadOnly2_read_only_secret";

    private static final String PUBLIC_URL = "https://93.184.216.34/phaseo";

    private AiStatsGatewaySimulator simulator;

    private WebhookEndpointClient endpoints;

    @BeforeEach
    void start() {
        this.simulator = AiStatsGatewaySimulator.builder().manualClock(T0)
                .managementKeyWithScopes(READ_ONLY_KEY, "settings:read").start();
        this.endpoints = client(this.simulator.managementKey());
    }

    @AfterEach
    void stop() {
        this.simulator.close();
    }

    private WebhookEndpointClient client(String managementKey) {
        VideoClientSettings settings = VideoClientSettings.builder().baseUrl(this.simulator.baseUrl())
                .apiKey(this.simulator.apiKey())
                .connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(10))
                .callTimeout(Duration.ofSeconds(30))
                .initialBackoff(Duration.ofMillis(10))
                .maxBackoff(Duration.ofMillis(40))
                .build();
        return new WebhookEndpointClient(new ReactiveWebhookEndpointClient(WebClient::builder, settings,
                managementKey));
    }

    @Test
    void createReturnsTheRecordWithItsSecretOnlyOnce() {
        WebhookEndpoint created = this.endpoints.create(WebhookEndpointCreateRequest
                .of(" https://93.184.216.34/phaseo#fragment ")
                .withName(" Video callbacks ")
                .withEvents("video.created", "video.status_changed", "video.completed", "video.failed"));
        assertThat(created.id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(created.workspaceId()).isEqualTo(this.simulator.workspaceId());
        assertThat(created.name()).isEqualTo("Video callbacks");
        assertThat(created.url()).isEqualTo(PUBLIC_URL);
        assertThat(created.status()).isEqualTo(WebhookEndpointStatus.ACTIVE);
        assertThat(created.isActive()).isTrue();
        assertThat(created.events()).containsExactly("video.created", "video.status_changed", "video.completed",
                "video.failed");
        assertThat(created.hasSecret()).isTrue();
        assertThat(created.createdBy()).isNull();
        assertThat(created.createdAt()).isEqualTo(T0);
        assertThat(created.updatedAt()).isEqualTo(T0);
        assertThat(created.deletedAt()).isNull();
        String secret = created.signingSecret();
        assertThat(secret).matches("whsec_[A-Za-z0-9_-]{43}");
        assertThat(this.simulator.webhooks().endpoint(created.id())).get()
                .extracting(SimulatedWebhookEndpoint::signingSecret).isEqualTo(secret);
        assertThat(created.toString()).doesNotContain(secret).contains("signingSecret=******");
        assertThat(new String(GatewayJson.encode(created), StandardCharsets.UTF_8)).doesNotContain(secret)
                .contains("\"workspaceId\"", "\"hasSecret\":true");

        WebhookEndpoint read = this.endpoints.get(created.id());
        assertThat(read.signingSecret()).isNull();
        assertThat(read).isEqualTo(created.withoutSigningSecret());
        assertThat(read.toString()).contains("signingSecret=none");
    }

    @Test
    void createWithDefaultsStoresTheGatewaysDefaultEvents() {
        WebhookEndpoint created = this.endpoints.create(WebhookEndpointCreateRequest.of(PUBLIC_URL));
        assertThat(created.name()).isEqualTo("Async webhooks");
        assertThat(created.events()).containsExactly("video.completed", "video.failed", "video.cancelled",
                "batch.completed", "batch.failed", "batch.cancelled");
        assertThat(this.simulator.requests()).singleElement().satisfies((request) -> {
            assertThat(request.bodyAsString()).isEqualTo("{\"url\":\"" + PUBLIC_URL + "\"}");
            assertThat(request.header("authorization")).hasValueSatisfying((value) -> assertThat(value)
                    .startsWith("Bearer phaseo_v1_mk_"));
        });
    }

    @Test
    void listPagesByOffsetNewestFirst() {
        for (int i = 0; i < 3; i++) {
            this.endpoints.create(WebhookEndpointCreateRequest.of(PUBLIC_URL).withName("e" + i));
            this.simulator.clock().advance(Duration.ofSeconds(1));
        }
        assertThat(this.endpoints.list().data()).extracting(WebhookEndpoint::name).containsExactly("e2", "e1", "e0");
        WebhookEndpointList page = this.endpoints.list(WebhookEndpointListParams.defaults().withLimit(2).withOffset(1));
        assertThat(page.object()).isEqualTo("list");
        assertThat(page.data()).extracting(WebhookEndpoint::name).containsExactly("e1", "e0");
        assertThat(this.endpoints.list(new WebhookEndpointListParams(2, 3, false)).isEmpty()).isTrue();
        assertThat(this.endpoints.list().data()).allSatisfy((endpoint) -> assertThat(endpoint.signingSecret())
                .isNull());

        String deleted = this.endpoints.list().data().get(1).id();
        this.endpoints.delete(deleted);
        assertThat(this.endpoints.listAll(false)).extracting(WebhookEndpoint::name).containsExactly("e2", "e0");
        assertThat(this.endpoints.listAll(true)).extracting(WebhookEndpoint::name).containsExactly("e2", "e1", "e0");
        assertThat(this.endpoints.listAll(true).get(1).status()).isEqualTo(WebhookEndpointStatus.DELETED);
        assertThat(this.endpoints.listAll(true).get(1).deletedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(this.simulator.requests()).filteredOn((request) -> "GET".equals(request.method()))
                .extracting((request) -> request.path() + "?" + request.query())
                .contains("/v1/webhook-endpoints?limit=2&offset=1", "/v1/webhook-endpoints?limit=100&offset=0",
                        "/v1/webhook-endpoints?limit=100&offset=0&include_deleted=true");
    }

    @Test
    void listAllWalksEveryPage() {
        for (int i = 0; i < 205; i++) {
            this.simulator.webhooks().createEndpoint(PUBLIC_URL, List.of());
        }
        StepVerifier.create(this.endpoints.reactive().listAll(false).count()).expectNext(205L).verifyComplete();
        assertThat(this.simulator.requestCount("GET", "/v1/webhook-endpoints")).isEqualTo(3);
    }

    @Test
    void updateChangesOnlyWhatIsSet() {
        WebhookEndpoint created = this.endpoints.create(WebhookEndpointCreateRequest.of(PUBLIC_URL)
                .withName("before").withEvents("video.created"));
        this.simulator.clock().advance(Duration.ofSeconds(5));
        WebhookEndpoint renamed = this.endpoints.update(created.id(), WebhookEndpointUpdate.empty()
                .withName("after").withUrl("https://93.184.216.35/new").withEvents("Job.Completed"));
        assertThat(renamed.name()).isEqualTo("after");
        assertThat(renamed.url()).isEqualTo("https://93.184.216.35/new");
        assertThat(renamed.events()).containsExactly("job.completed");
        assertThat(renamed.status()).isEqualTo(WebhookEndpointStatus.ACTIVE);
        assertThat(renamed.updatedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(renamed.signingSecret()).isNull();

        WebhookEndpoint disabled = this.endpoints.update(created.id(), WebhookEndpointUpdate.empty()
                .withStatus(WebhookEndpointStatus.DISABLED).withDefaultEvents());
        assertThat(disabled.status()).isEqualTo(WebhookEndpointStatus.DISABLED);
        assertThat(disabled.isActive()).isFalse();
        assertThat(disabled.events()).hasSize(6);
        assertThat(disabled.name()).isEqualTo("after");
        assertThat(this.endpoints.update(created.id(), WebhookEndpointUpdate.empty()).status())
                .isEqualTo(WebhookEndpointStatus.DISABLED);
        assertThat(this.simulator.requests()).filteredOn((request) -> "PATCH".equals(request.method()))
                .extracting((request) -> request.bodyAsString())
                .containsExactly("{\"name\":\"after\",\"url\":\"https://93.184.216.35/new\",\"events\":"
                        + "[\"Job.Completed\"]}", "{\"events\":[],\"status\":\"disabled\"}", "{}");
    }

    @Test
    void rotateSecretHandsOutTheNewSecret() {
        WebhookEndpoint created = this.endpoints.create(WebhookEndpointCreateRequest.of(PUBLIC_URL));
        WebhookEndpoint rotated = this.endpoints.rotateSecret(created.id());
        assertThat(rotated.id()).isEqualTo(created.id());
        assertThat(rotated.signingSecret()).matches("whsec_[A-Za-z0-9_-]{43}").isNotEqualTo(created.signingSecret());
        assertThat(this.simulator.webhooks().endpoint(created.id())).get()
                .extracting(SimulatedWebhookEndpoint::signingSecret).isEqualTo(rotated.signingSecret());
    }

    @Test
    void deleteIsConfirmedAndThenTheEndpointIsGone() {
        WebhookEndpoint created = this.endpoints.create(WebhookEndpointCreateRequest.of(PUBLIC_URL));
        assertThat(this.endpoints.delete(created.id()))
                .isEqualTo(new WebhookEndpointDeleted(created.id(), "webhook_endpoint", true));
        assertThatThrownBy(() -> this.endpoints.get(created.id())).isInstanceOfSatisfying(NotFoundException.class,
                (ex) -> {
                    assertThat(ex.statusCode()).isEqualTo(404);
                    assertThat(ex.code()).isEqualTo("not_found");
                    assertThat(ex.gatewayMessage()).isEqualTo("Webhook endpoint not found.");
                });
        assertThatThrownBy(() -> this.endpoints.delete(created.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> this.endpoints.rotateSecret(created.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void inferenceKeysAreRefusedWithATypedAuthenticationError() {
        WebhookEndpointClient wrongKey = client(this.simulator.apiKey());
        assertThatThrownBy(wrongKey::list).isInstanceOfSatisfying(AuthenticationException.class, (ex) -> {
            assertThat(ex.statusCode()).isEqualTo(401);
            assertThat(ex.code()).isEqualTo("unauthorised");
            assertThat(ex.reason()).isEqualTo("management_key_required");
            assertThat(ex.requestId()).startsWith("G-");
            assertThat(ex.getMessage()).doesNotContain(this.simulator.apiKey());
        });
        assertThatThrownBy(() -> wrongKey.create(WebhookEndpointCreateRequest.of(PUBLIC_URL)))
                .isInstanceOf(AuthenticationException.class);
        assertThat(this.simulator.webhooks().endpoints()).isEmpty();
    }

    @Test
    void rejectedUrlsAreValidationErrorsThatNameTheReason() {
        assertThatThrownBy(() -> this.endpoints.create(WebhookEndpointCreateRequest.of("http://93.184.216.34/hook")))
                .isInstanceOfSatisfying(GatewayValidationException.class, (ex) -> {
                    assertThat(ex.statusCode()).isEqualTo(400);
                    assertThat(ex.code()).isEqualTo("validation_error");
                    assertThat(ex.gatewayMessage()).isEqualTo("Invalid webhook endpoint URL.");
                    assertThat(ReactiveWebhookEndpointClient.urlRejectionReason(ex))
                            .isEqualTo("webhook_url_must_use_https");
                });
        assertThatThrownBy(() -> this.endpoints.create(WebhookEndpointCreateRequest.of("https://10.0.0.1/hook")))
                .isInstanceOfSatisfying(GatewayValidationException.class, (ex) -> assertThat(
                        ReactiveWebhookEndpointClient.urlRejectionReason(ex))
                        .isEqualTo("webhook_url_private_network_not_allowed"));
        WebhookEndpoint created = this.endpoints.create(WebhookEndpointCreateRequest.of(PUBLIC_URL));
        assertThatThrownBy(() -> this.endpoints.update(created.id(), WebhookEndpointUpdate.empty()
                .withUrl("https://localhost/hook"))).isInstanceOf(GatewayValidationException.class);
        assertThat(ReactiveWebhookEndpointClient.urlRejectionReason(new NotFoundException(ApiError.builder(404)
                .build()))).isNull();
    }

    @Test
    void scopesAndTheBatchGateArePermissionErrors() {
        WebhookEndpointClient readOnly = client(READ_ONLY_KEY);
        assertThat(readOnly.list().data()).isEmpty();
        assertThatThrownBy(() -> readOnly.create(WebhookEndpointCreateRequest.of(PUBLIC_URL)))
                .isInstanceOfSatisfying(PermissionDeniedException.class, (ex) -> {
                    assertThat(ex.statusCode()).isEqualTo(403);
                    assertThat(ex.code()).isEqualTo("insufficient_scope");
                    assertThat(ex.gatewayMessage()).isEqualTo("Token requires settings:write");
                });
        this.simulator.batchApiGate(false);
        assertThatThrownBy(this.endpoints::list).isInstanceOfSatisfying(PermissionDeniedException.class, (ex) -> {
            assertThat(ex.code()).isEqualTo("forbidden");
            assertThat(ex.reason()).isEqualTo("batch_api_feature_flag_disabled");
            assertThat(ex.errorOrigin()).isEqualTo("gateway");
        });
    }

    @Test
    void readsAndDeletesAreRetriedWritesAreNot() {
        WebhookEndpoint created = this.endpoints.create(WebhookEndpointCreateRequest.of(PUBLIC_URL));
        this.simulator.clearRequests();
        this.simulator.faults().failNext(1, 503, "GET", "/v1/webhook-endpoints");
        assertThat(this.endpoints.get(created.id()).id()).isEqualTo(created.id());
        assertThat(this.simulator.requestCount("GET", "/v1/webhook-endpoints")).isEqualTo(2);

        this.simulator.faults().failNext(1, 503, "POST", "/v1/webhook-endpoints");
        assertThatThrownBy(() -> this.endpoints.create(WebhookEndpointCreateRequest.of(PUBLIC_URL)))
                .isInstanceOf(ServerException.class);
        assertThat(this.simulator.requestCount("POST", "/v1/webhook-endpoints")).isEqualTo(1);

        this.simulator.faults().failNext(1, 503, "POST", "/v1/webhook-endpoints/");
        assertThatThrownBy(() -> this.endpoints.rotateSecret(created.id())).isInstanceOf(ServerException.class);
        assertThat(this.simulator.requestCount("POST", "/v1/webhook-endpoints")).isEqualTo(2);

        this.simulator.faults().failNext(1, 503, "PATCH", "/v1/webhook-endpoints/");
        assertThatThrownBy(() -> this.endpoints.update(created.id(), WebhookEndpointUpdate.empty()))
                .isInstanceOf(ServerException.class);
        assertThat(this.simulator.requestCount("PATCH", "/v1/webhook-endpoints")).isEqualTo(1);

        this.simulator.faults().failNext(1, 503, "DELETE", "/v1/webhook-endpoints/");
        assertThat(this.endpoints.delete(created.id()).deleted()).isTrue();
        assertThat(this.simulator.requestCount("DELETE", "/v1/webhook-endpoints")).isEqualTo(2);
    }

    @Test
    void invalidInputIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> new WebhookEndpointCreateRequest(null, null, null)).isInstanceOfSatisfying(
                VideoRequestValidationException.class, (ex) -> assertThat(ex.field()).isEqualTo("url"));
        assertThatThrownBy(() -> WebhookEndpointCreateRequest.of("/relative/hook")).isInstanceOfSatisfying(
                VideoRequestValidationException.class, (ex) -> {
                    assertThat(ex.field()).isEqualTo("url");
                    assertThat(ex.getMessage()).doesNotContain("/relative/hook");
                });
        assertThatThrownBy(() -> WebhookEndpointCreateRequest.of("not a url")).isInstanceOf(
                VideoRequestValidationException.class);
        assertThatThrownBy(() -> WebhookEndpointCreateRequest.of(PUBLIC_URL).withName("n".repeat(121)))
                .isInstanceOfSatisfying(VideoRequestValidationException.class,
                        (ex) -> assertThat(ex.field()).isEqualTo("name"));
        assertThatThrownBy(() -> WebhookEndpointCreateRequest.of(PUBLIC_URL).withName("  "))
                .isInstanceOfSatisfying(VideoRequestValidationException.class,
                        (ex) -> assertThat(ex.field()).isEqualTo("name"));
        assertThatThrownBy(() -> WebhookEndpointCreateRequest.of(PUBLIC_URL).withEvents("video.created", " "))
                .isInstanceOfSatisfying(VideoRequestValidationException.class,
                        (ex) -> assertThat(ex.field()).isEqualTo("events[1]"));
        assertThatThrownBy(() -> WebhookEndpointCreateRequest.of(PUBLIC_URL).withEvents("\u00a0\ufeff"))
                .as("blank as JavaScript's trim() sees it").isInstanceOfSatisfying(VideoRequestValidationException.class,
                        (ex) -> assertThat(ex.field()).isEqualTo("events[0]"));
        assertThat(WebhookEndpointCreateRequest.of(PUBLIC_URL).withName("\u00a0Video hooks\u202f")
            .withEvents("video.completed\u00a0")).satisfies((request) -> {
                assertThat(request.name()).isEqualTo("Video hooks");
                assertThat(request.events()).containsExactly("video.completed");
            });
        assertThatThrownBy(() -> WebhookEndpointUpdate.empty().withStatus(WebhookEndpointStatus.DELETED))
                .isInstanceOfSatisfying(VideoRequestValidationException.class,
                        (ex) -> assertThat(ex.field()).isEqualTo("status"));
        assertThatThrownBy(() -> new WebhookEndpointListParams(0, 0, false)).isInstanceOf(
                VideoRequestValidationException.class);
        assertThatThrownBy(() -> new WebhookEndpointListParams(101, 0, false)).isInstanceOf(
                VideoRequestValidationException.class);
        assertThatThrownBy(() -> WebhookEndpointListParams.defaults().withOffset(-1)).isInstanceOf(
                VideoRequestValidationException.class);
        for (String id : new String[] { "we_123", "", "7b6f1c2e-9d4a-4e3b-8f21-0c5d9e7a1b3" }) {
            assertThatThrownBy(() -> this.endpoints.get(id)).isInstanceOfSatisfying(
                    VideoRequestValidationException.class, (ex) -> assertThat(ex.field()).isEqualTo("id"));
            assertThatThrownBy(() -> this.endpoints.delete(id)).isInstanceOf(VideoRequestValidationException.class);
        }
        assertThat(this.simulator.requests()).isEmpty();
    }

    @Test
    void eachWitherReturnsAValidatedCopyThatKeepsTheOtherMembers() {
        WebhookEndpointCreateRequest request = WebhookEndpointCreateRequest.of(PUBLIC_URL).withEvents("video.failed")
                .withName(" n ");
        assertThat(request).isEqualTo(new WebhookEndpointCreateRequest("n", PUBLIC_URL, List.of("video.failed")));
        assertThat(request.withName(null)).isEqualTo(new WebhookEndpointCreateRequest(null, PUBLIC_URL,
                List.of("video.failed")));
        WebhookEndpointUpdate update = WebhookEndpointUpdate.empty().withStatus(WebhookEndpointStatus.ACTIVE)
                .withUrl(PUBLIC_URL).withEvents(List.of(" video.completed ")).withName("n");
        assertThat(update).isEqualTo(new WebhookEndpointUpdate("n", PUBLIC_URL, List.of("video.completed"),
                WebhookEndpointStatus.ACTIVE));
        assertThat(update.withStatus(null).withUrl(null).withName(null).withDefaultEvents())
                .isEqualTo(new WebhookEndpointUpdate(null, null, List.of(), null));
        assertThat(WebhookEndpointUpdate.empty()).isEqualTo(new WebhookEndpointUpdate(null, null, null, null));
        assertThatThrownBy(() -> update.withUrl("/relative/hook")).isInstanceOfSatisfying(
                VideoRequestValidationException.class, (ex) -> assertThat(ex.field()).isEqualTo("url"));
    }

    @Test
    void aManagementKeyIsRequired() {
        VideoClientSettings settings = VideoClientSettings.builder().baseUrl(this.simulator.baseUrl()).build();
        for (String key : new String[] { null, "", "  " }) {
            assertThatThrownBy(() -> new ReactiveWebhookEndpointClient(WebClient::builder, settings, key))
                    .isInstanceOf(AiStatsConfigurationException.class)
                    .hasMessageContaining("ai-stats.management-key");
        }
        ReactiveWebhookEndpointClient client = new ReactiveWebhookEndpointClient(WebClient::builder, settings,
                this.simulator.managementKey());
        assertThat(client.settings().apiKey()).isEqualTo(this.simulator.managementKey());
        assertThat(client.toString()).doesNotContain(this.simulator.managementKey());
        assertThat(new WebhookEndpointClient(client).toString()).doesNotContain(this.simulator.managementKey());
    }

    @Test
    void recordsAreReadLeniently() {
        WebhookEndpoint endpoint = GatewayJson.decode(("{\"id\":\"7b6f1c2e-9d4a-4e3b-8f21-0c5d9e7a1b34\","
                + "\"status\":\"Paused\",\"events\":[\"video.created\",7],\"hasSecret\":\"yes\",\"createdAt\":"
                + "\"2025-12-31T23:50:00.123456+00\",\"updatedAt\":\"not a time\",\"future\":{\"x\":1}}")
                .getBytes(StandardCharsets.UTF_8), WebhookEndpoint.class, 200, "test");
        assertThat(endpoint.status()).isEqualTo(WebhookEndpointStatus.of("paused"));
        assertThat(endpoint.status().value()).isEqualTo("Paused");
        assertThat(endpoint.isActive()).isFalse();
        assertThat(endpoint.events()).containsExactly("video.created");
        assertThat(endpoint.hasSecret()).isFalse();
        assertThat(endpoint.createdAt()).isEqualTo(Instant.parse("2025-12-31T23:50:00.123456Z"));
        assertThat(endpoint.updatedAt()).isNull();
        assertThat(WebhookEndpointStatus.of(" ACTIVE ")).isSameAs(WebhookEndpointStatus.ACTIVE);
        assertThat(GatewayJson.decode("{\"object\":\"list\"}".getBytes(StandardCharsets.UTF_8),
                WebhookEndpointList.class, 200, "test").data()).isEmpty();
        assertThat(new String(GatewayJson.encode(WebhookEndpointUpdate.empty().withDefaultEvents()),
                StandardCharsets.UTF_8)).isEqualTo("{\"events\":[]}");
        assertThat(new String(GatewayJson.encode(WebhookEndpointCreateRequest.of(PUBLIC_URL)
                .withName("n").withEvents(List.of("video.created"))), StandardCharsets.UTF_8))
                .isEqualTo("{\"name\":\"n\",\"url\":\"" + PUBLIC_URL + "\",\"events\":[\"video.created\"]}");
        assertThat(Map.of("k", WebhookEndpointStatus.DISABLED).toString()).isEqualTo("{k=disabled}");
    }
}
