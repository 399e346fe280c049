package io.aistats.test;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook endpoint management API (§5) over real sockets, with the gateway's faithful URL rules.
 */
class WebhookEndpointRoutesTests {

    private static final Instant T0 = Instant.parse("2025-12-31T23:50:00.123456Z");

    private static final String READ_ONLY_KEY = "phaseo_v1_mk_ReadOnly1_secret_read_only";

    private static final String NO_SCOPES_KEY = "phaseo_v1_mk_NoScopes1_secret_no_scopes";

    private static final String OTHER_WORKSPACE = "3f0c2a9e-5b1d-4c7e-9a2f-6d8e1b4c7a90";

    private static final String OTHER_INFERENCE_KEY = "phaseo_v1_sk_OtherWs01_secret_other";

    private static final String PUBLIC_URL = "https://93.184.216.34/phaseo";

    private AiStatsGatewaySimulator simulator;

    private GatewayHttp http;

    @BeforeEach
    void start() {
        this.simulator = AiStatsGatewaySimulator.builder().manualClock(T0)
                .managementKeyWithScopes(READ_ONLY_KEY, "settings:read")
                .managementKeyWithScopes(NO_SCOPES_KEY)
                .otherWorkspaceKey(OTHER_WORKSPACE, OTHER_INFERENCE_KEY)
                .start();
        this.http = new GatewayHttp(this.simulator);
    }

    @AfterEach
    void stop() {
        this.simulator.close();
    }

    private GatewayHttp.Response manage(String method, String path, @Nullable String json) {
        GatewayHttp.Call call = this.http.call(method, path).auth(this.simulator.managementKey());
        if (json != null) {
            call.json(json);
        }
        return call.send();
    }

    private JsonNode created(String json) {
        GatewayHttp.Response response = manage("POST", "/v1/webhook-endpoints", json);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    @Test
    void createAnswers201WithTheCamelCaseRecordAndTheSecret() {
        GatewayHttp.Response response = manage("POST", "/v1/webhook-endpoints", "{\"name\":\" Video callbacks \","
                + "\"url\":\" HTTPS://93.184.216.34:443/phaseo?x=1#fragment \",\"events\":[\" Video.Created \","
                + "\"video.completed\",\"VIDEO.COMPLETED\",\"batch.anything\"],\"unknown\":true}");
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");
        JsonNode body = response.json();
        assertThat(body.propertyNames()).containsExactly("id", "workspaceId", "name", "url", "status", "events",
                "hasSecret", "createdBy", "createdAt", "updatedAt", "deletedAt", "signing_secret");
        assertThat(body.get("id").stringValue()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(body.get("workspaceId").stringValue()).isEqualTo(this.simulator.workspaceId());
        assertThat(body.get("name").stringValue()).isEqualTo("Video callbacks");
        assertThat(body.get("url").stringValue()).isEqualTo("https://93.184.216.34/phaseo?x=1");
        assertThat(body.get("status").stringValue()).isEqualTo("active");
        assertThat(body.get("events").toString())
                .isEqualTo("[\"video.created\",\"video.completed\",\"batch.anything\"]");
        assertThat(body.get("hasSecret").booleanValue()).isTrue();
        assertThat(body.get("createdBy").isNull()).isTrue();
        assertThat(body.get("createdAt").stringValue()).isEqualTo("2025-12-31T23:50:00.123456+00:00");
        assertThat(body.get("updatedAt").stringValue()).isEqualTo("2025-12-31T23:50:00.123456+00:00");
        assertThat(body.get("deletedAt").isNull()).isTrue();
        assertThat(body.get("signing_secret").stringValue()).matches("whsec_[A-Za-z0-9_-]{43}").hasSize(49);
        assertThat(this.simulator.webhooks().endpoint(body.get("id").stringValue())).get()
                .extracting(SimulatedWebhookEndpoint::signingSecret)
                .isEqualTo(body.get("signing_secret").stringValue());
    }

    @Test
    void createFillsInTheDefaultNameAndEvents() {
        JsonNode body = created("{\"url\":\"https://93.184.216.34\"}");
        assertThat(body.get("name").stringValue()).isEqualTo("Async webhooks");
        assertThat(body.get("url").stringValue()).isEqualTo("https://93.184.216.34/");
        assertThat(body.get("events").toString()).isEqualTo("[\"video.completed\",\"video.failed\","
                + "\"video.cancelled\",\"batch.completed\",\"batch.failed\",\"batch.cancelled\"]");
        JsonNode emptyEvents = created("{\"url\":\"" + PUBLIC_URL + "\",\"events\":[]}");
        assertThat(emptyEvents.get("events").size()).isEqualTo(6);
        assertThat(created("{\"url\":\"" + PUBLIC_URL + "\"}").get("signing_secret").stringValue())
                .as("every endpoint gets its own secret")
                .isNotEqualTo(body.get("signing_secret").stringValue());
    }

    @Test
    void invalidPayloadsAnswerShapeCValidationErrors() {
        JsonNode tooLong = invalid("{\"name\":\"" + "n".repeat(121) + "\",\"url\":\"" + PUBLIC_URL + "\"}");
        assertThat(tooLong.toString()).isEqualTo("{\"error\":{\"type\":\"validation_error\",\"message\":"
                + "\"Invalid webhook endpoint payload.\",\"details\":[{\"origin\":\"string\",\"code\":\"too_big\","
                + "\"maximum\":120,\"inclusive\":true,\"path\":[\"name\"],"
                + "\"message\":\"Too big: expected string to have <=120 characters\"}]}}");
        assertThat(created("{\"name\":\"" + "n".repeat(120) + "\",\"url\":\"" + PUBLIC_URL + "\"}")
                .get("name").stringValue()).hasSize(120);
        JsonNode blankName = invalid("{\"name\":\"   \",\"url\":\"" + PUBLIC_URL + "\"}");
        assertThat(issue(blankName, 0).get("code").stringValue()).isEqualTo("too_small");
        assertThat(issue(blankName, 0).get("path").toString()).isEqualTo("[\"name\"]");
        JsonNode missingUrl = invalid("{\"name\":\"x\"}");
        assertThat(issue(missingUrl, 0).toString()).isEqualTo("{\"expected\":\"string\",\"code\":\"invalid_type\","
                + "\"path\":[\"url\"],\"message\":\"Invalid input: expected string, received undefined\"}");
        JsonNode badEvents = invalid("{\"url\":\"" + PUBLIC_URL + "\",\"events\":[\"video.created\",\" \",7]}");
        assertThat(badEvents.get("error").get("details").size()).isEqualTo(2);
        assertThat(issue(badEvents, 0).get("path").toString()).isEqualTo("[\"events\",1]");
        assertThat(issue(badEvents, 1).get("path").toString()).isEqualTo("[\"events\",2]");
        assertThat(issue(badEvents, 1).get("message").stringValue())
                .isEqualTo("Invalid input: expected string, received number");
        assertThat(issue(invalid("{\"url\":\"" + PUBLIC_URL + "\",\"events\":\"video.created\"}"), 0)
                .get("expected").stringValue()).isEqualTo("array");
        for (String body : new String[] { "[]", "not json", "", "null" }) {
            JsonNode notAnObject = invalid(body);
            assertThat(issue(notAnObject, 0).get("expected").stringValue()).as(body).isEqualTo("object");
            assertThat(issue(notAnObject, 0).get("path").toString()).isEqualTo("[]");
        }
        assertThat(this.simulator.webhooks().endpoints()).hasSize(1);
    }

    @Test
    void urlsFollowTheGatewaysRules() {
        assertThat(rejectedUrl("http://93.184.216.34/hook")).isEqualTo("webhook_url_must_use_https");
        assertThat(rejectedUrl("http://localhost:8080/hook")).isEqualTo("webhook_url_must_use_https");
        assertThat(rejectedUrl("ftp://93.184.216.34/hook")).isEqualTo("webhook_url_must_use_https");
        assertThat(rejectedUrl("https://localhost/hook")).isEqualTo("webhook_url_private_network_not_allowed");
        assertThat(rejectedUrl("https://api.localhost/hook")).isEqualTo("webhook_url_private_network_not_allowed");
        for (String host : new String[] { "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "224.0.0.1", "198.18.0.1", "[::1]", "[fd00::1]", "[fe80::1]",
                "[::ffff:10.0.0.1]" }) {
            assertThat(rejectedUrl("https://" + host + "/hook")).as(host)
                    .isEqualTo("webhook_url_private_network_not_allowed");
        }
        assertThat(rejectedUrl("https://hooks.example.invalid/hook")).isEqualTo("webhook_url_dns_resolution_failed");
        assertThat(rejectedUrl("")).isEqualTo("webhook_url_required");
        assertThat(rejectedUrl("not a url")).isEqualTo("webhook_url_invalid");
        assertThat(rejectedUrl("/relative/path")).isEqualTo("webhook_url_invalid");
        assertThat(created("{\"url\":\"https://[2606:2800:220:1:248:1893:25c8:1946]/hook\"}").get("url")
                .stringValue()).isEqualTo("https://[2606:2800:220:1:248:1893:25c8:1946]/hook");
        assertThat(this.simulator.webhooks().endpoints()).hasSize(1);
    }

    @Test
    void listIsNewestFirstWithTheGatewaysPagingQuirks() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(created("{\"name\":\"e" + i + "\",\"url\":\"" + PUBLIC_URL + "\"}").get("id").stringValue());
            this.simulator.clock().advance(Duration.ofSeconds(1));
        }
        GatewayHttp.Response response = manage("GET", "/v1/webhook-endpoints", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.json().propertyNames()).containsExactly("object", "data");
        assertThat(response.json().get("object").stringValue()).isEqualTo("list");
        assertThat(names(response.json())).containsExactly("e4", "e3", "e2", "e1", "e0");
        assertThat(response.json().get("data").get(0).has("signing_secret")).isFalse();
        assertThat(names(list("?limit=2&offset=1"))).containsExactly("e3", "e2");
        assertThat(names(list("?limit=0"))).hasSize(5);
        assertThat(names(list("?limit="))).hasSize(5);
        assertThat(names(list("?limit=abc"))).hasSize(5);
        assertThat(names(list("?limit=-3"))).containsExactly("e4");
        assertThat(names(list("?limit=500"))).hasSize(5);
        assertThat(names(list("?offset=-2&limit=1"))).containsExactly("e4");
        assertThat(names(list("?offset=x&limit=1"))).containsExactly("e4");
        assertThat(names(list("?offset=4"))).containsExactly("e0");
        assertThat(names(list("?offset=5"))).isEmpty();

        assertThat(manage("DELETE", "/v1/webhook-endpoints/" + ids.get(2), null).status()).isEqualTo(200);
        assertThat(names(list(""))).containsExactly("e4", "e3", "e1", "e0");
        assertThat(names(list("?include_deleted=TRUE"))).containsExactly("e4", "e3", "e1", "e0");
        JsonNode withDeleted = list("?include_deleted=true");
        assertThat(names(withDeleted)).containsExactly("e4", "e3", "e2", "e1", "e0");
        JsonNode deleted = withDeleted.get("data").get(2);
        assertThat(deleted.get("status").stringValue()).isEqualTo("deleted");
        assertThat(deleted.get("deletedAt").stringValue()).isEqualTo("2025-12-31T23:50:05.123456+00:00");
    }

    @Test
    void getShowsOnlyVisibleEndpoints() {
        JsonNode endpoint = created("{\"url\":\"" + PUBLIC_URL + "\"}");
        String id = endpoint.get("id").stringValue();
        GatewayHttp.Response found = manage("GET", "/v1/webhook-endpoints/" + id.toUpperCase(), null);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.header("Cache-Control")).isEqualTo("no-store");
        JsonNode expected = endpoint.deepCopy();
        ((ObjectNode) expected).remove("signing_secret");
        assertThat(found.json()).isEqualTo(expected);

        assertNotFound(manage("GET", "/v1/webhook-endpoints/7b6f1c2e-9d4a-4e3b-8f21-0c5d9e7a1b34", null));
        WebhookEndpointStore store = (WebhookEndpointStore) this.simulator.runtime().webhookEndpoints();
        SimulatedWebhookEndpoint foreign = store.create(OTHER_WORKSPACE, "theirs", PUBLIC_URL, null,
                this.simulator.clock().now());
        assertNotFound(manage("GET", "/v1/webhook-endpoints/" + foreign.id(), null));
        assertNotFound(manage("PATCH", "/v1/webhook-endpoints/" + foreign.id(), "{}"));
        assertNotFound(manage("DELETE", "/v1/webhook-endpoints/" + foreign.id(), null));
        assertNotFound(manage("POST", "/v1/webhook-endpoints/" + foreign.id() + "/rotate-secret", null));
        assertThat(names(list(""))).hasSize(1);
    }

    @Test
    void patchChangesWhatItNames() {
        JsonNode endpoint = created("{\"name\":\"before\",\"url\":\"" + PUBLIC_URL + "\",\"events\":[\"video.created\"]}");
        String id = endpoint.get("id").stringValue();
        this.simulator.clock().advance(Duration.ofSeconds(10));
        GatewayHttp.Response bumped = manage("PATCH", "/v1/webhook-endpoints/" + id, "{}");
        assertThat(bumped.status()).isEqualTo(200);
        assertThat(bumped.header("Cache-Control")).isEqualTo("no-store");
        assertThat(bumped.json().has("signing_secret")).isFalse();
        assertThat(bumped.json().get("updatedAt").stringValue()).isEqualTo("2025-12-31T23:50:10.123456+00:00");
        assertThat(bumped.json().get("createdAt").stringValue()).isEqualTo("2025-12-31T23:50:00.123456+00:00");
        assertThat(bumped.json().get("name").stringValue()).isEqualTo("before");

        JsonNode changed = manage("PATCH", "/v1/webhook-endpoints/" + id, "{\"name\":\" after \",\"url\":"
                + "\"https://93.184.216.35/new#x\",\"events\":[\"Job.Completed\"],\"status\":\"disabled\"}").json();
        assertThat(changed.get("name").stringValue()).isEqualTo("after");
        assertThat(changed.get("url").stringValue()).isEqualTo("https://93.184.216.35/new");
        assertThat(changed.get("events").toString()).isEqualTo("[\"job.completed\"]");
        assertThat(changed.get("status").stringValue()).isEqualTo("disabled");
        JsonNode reset = manage("PATCH", "/v1/webhook-endpoints/" + id, "{\"events\":[],\"status\":\"active\"}")
                .json();
        assertThat(reset.get("events").size()).isEqualTo(6);
        assertThat(reset.get("status").stringValue()).isEqualTo("active");

        JsonNode badStatus = manage("PATCH", "/v1/webhook-endpoints/" + id, "{\"status\":\"deleted\"}").json();
        assertThat(badStatus.toString()).isEqualTo("{\"error\":{\"type\":\"validation_error\",\"message\":"
                + "\"Invalid webhook endpoint payload.\",\"details\":[{\"code\":\"invalid_value\",\"values\":"
                + "[\"active\",\"disabled\"],\"path\":[\"status\"],\"message\":"
                + "\"Invalid option: expected one of \\\"active\\\"|\\\"disabled\\\"\"}]}}");
        GatewayHttp.Response badUrl = manage("PATCH", "/v1/webhook-endpoints/" + id, "{\"url\":\"http://x.test\"}");
        assertThat(badUrl.status()).isEqualTo(400);
        assertThat(badUrl.json().get("error").get("details").get("reason").stringValue())
                .isEqualTo("webhook_url_must_use_https");
        assertThat(this.simulator.webhooks().endpoint(id)).get().extracting(SimulatedWebhookEndpoint::url)
                .isEqualTo("https://93.184.216.35/new");
        assertNotFound(manage("PATCH", "/v1/webhook-endpoints/7b6f1c2e-9d4a-4e3b-8f21-0c5d9e7a1b34", "{}"));
    }

    @Test
    void rotateSecretIssuesANewSecretThatIsNeverShownAgain() {
        JsonNode endpoint = created("{\"url\":\"" + PUBLIC_URL + "\"}");
        String id = endpoint.get("id").stringValue();
        GatewayHttp.Response rotated = manage("POST", "/v1/webhook-endpoints/" + id + "/rotate-secret", null);
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.header("Cache-Control")).isEqualTo("no-store");
        String secret = rotated.json().get("signing_secret").stringValue();
        assertThat(secret).matches("whsec_[A-Za-z0-9_-]{43}").isNotEqualTo(endpoint.get("signing_secret").stringValue());
        assertThat(this.simulator.webhooks().endpoint(id)).get().extracting(SimulatedWebhookEndpoint::signingSecret)
                .isEqualTo(secret);
        assertThat(manage("GET", "/v1/webhook-endpoints/" + id, null).body()).doesNotContain(secret);
        assertNotFound(manage("POST", "/v1/webhook-endpoints/7b6f1c2e-9d4a-4e3b-8f21-0c5d9e7a1b34/rotate-secret",
                null));
    }

    @Test
    void deleteIsSoftAndOnlyOnce() {
        String id = created("{\"url\":\"" + PUBLIC_URL + "\"}").get("id").stringValue();
        GatewayHttp.Response deleted = manage("DELETE", "/v1/webhook-endpoints/" + id, null);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.header("Cache-Control")).isEqualTo("no-store");
        assertThat(deleted.body()).isEqualTo("{\"id\":\"" + id + "\",\"object\":\"webhook_endpoint\",\"deleted\":true}");
        assertNotFound(manage("DELETE", "/v1/webhook-endpoints/" + id, null));
        assertNotFound(manage("GET", "/v1/webhook-endpoints/" + id, null));
        assertNotFound(manage("PATCH", "/v1/webhook-endpoints/" + id, "{\"status\":\"active\"}"));
        assertNotFound(manage("POST", "/v1/webhook-endpoints/" + id + "/rotate-secret", null));
        assertThat(this.simulator.webhooks().endpoint(id)).get().extracting(SimulatedWebhookEndpoint::status)
                .isEqualTo("deleted");
    }

    @Test
    void idsThatAreNotUuidsFailTheLookupWithAPlainText500() {
        for (String[] call : new String[][] { { "GET", "" }, { "PATCH", "" }, { "DELETE", "" },
                { "POST", "/rotate-secret" } }) {
            GatewayHttp.Response response = manage(call[0], "/v1/webhook-endpoints/we_123" + call[1],
                    "PATCH".equals(call[0]) ? "{}" : null);
            assertThat(response.status()).as(call[0]).isEqualTo(500);
            assertThat(response.body()).isEqualTo("Internal Server Error");
            assertThat(response.header("Content-Type")).startsWith("text/plain");
        }
    }

    @Test
    void onlyManagementKeysAreAccepted() {
        GatewayHttp.Response inference = this.http.call("GET", "/v1/webhook-endpoints")
                .auth(this.simulator.apiKey()).send();
        assertThat(inference.status()).isEqualTo(401);
        assertThat(inference.header("Cache-Control")).isEqualTo("no-store");
        JsonNode body = inference.json();
        assertThat(body.get("error").stringValue()).isEqualTo("unauthorised");
        assertThat(body.get("reason").stringValue()).isEqualTo("management_key_required");
        assertThat(body.get("request_id").stringValue()).startsWith("G-");
        assertThat(body.get("generation_id").stringValue()).isEqualTo(body.get("request_id").stringValue());
        assertThat(body.get("status_code").intValue()).isEqualTo(401);
        GatewayHttp.Response missing = this.http.call("POST", "/v1/webhook-endpoints")
                .json("{\"url\":\"" + PUBLIC_URL + "\"}").send();
        assertThat(missing.json().get("reason").stringValue()).isEqualTo("missing_or_invalid_authorization_header");
        GatewayHttp.Response unknown = this.http.call("GET", "/v1/webhook-endpoints")
                .auth("phaseo_v1_mk_Unknown11_whatever").send();
        assertThat(unknown.json().get("reason").stringValue()).isEqualTo("key_not_found_or_revoked");
        assertThat(this.http.call("GET", "/v1/webhook-endpoints").auth("aistats_v1_sk_Legacy111_s").send().json()
                .get("reason").stringValue()).isEqualTo("management_key_required");
        assertThat(this.simulator.webhooks().endpoints()).isEmpty();
    }

    @Test
    void scopesDecideWhatAKeyMayDo() {
        GatewayHttp.Response read = this.http.call("GET", "/v1/webhook-endpoints").auth(READ_ONLY_KEY).send();
        assertThat(read.status()).isEqualTo(200);
        GatewayHttp.Response write = this.http.call("POST", "/v1/webhook-endpoints").auth(READ_ONLY_KEY)
                .json("{\"url\":\"" + PUBLIC_URL + "\"}").send();
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.header("Cache-Control")).isEqualTo("no-store");
        assertThat(write.body()).isEqualTo("{\"error\":\"insufficient_scope\",\"message\":\"Token requires settings:write\"}");
        for (String method : new String[] { "PATCH", "DELETE" }) {
            GatewayHttp.Response response = this.http.call(method,
                    "/v1/webhook-endpoints/7b6f1c2e-9d4a-4e3b-8f21-0c5d9e7a1b34").auth(READ_ONLY_KEY).send();
            assertThat(response.status()).as(method).isEqualTo(403);
            assertThat(response.json().get("message").stringValue()).isEqualTo("Token requires settings:write");
        }
        GatewayHttp.Response none = this.http.call("GET", "/v1/webhook-endpoints").auth(NO_SCOPES_KEY).send();
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("reason").stringValue()).isEqualTo("management_key_scopes_required");
        assertThat(this.simulator.webhooks().endpoints()).isEmpty();
    }

    @Test
    void theBatchGateClosesEveryRouteAfterAuthentication() {
        String id = created("{\"url\":\"" + PUBLIC_URL + "\"}").get("id").stringValue();
        this.simulator.batchApiGate(false);
        GatewayHttp.Response closed = manage("GET", "/v1/webhook-endpoints/" + id, null);
        assertThat(closed.status()).isEqualTo(403);
        assertThat(closed.header("Cache-Control")).isEqualTo("no-store");
        assertThat(closed.body()).isEqualTo("{\"error\":\"forbidden\",\"reason\":\"batch_api_feature_flag_disabled\","
                + "\"message\":\"Webhook endpoint settings are currently limited to the enabled Batch API segment.\","
                + "\"feature_gate\":\"gateway_batch_api\",\"workspace_id\":\"" + this.simulator.workspaceId() + "\","
                + "\"status_code\":403,\"error_type\":\"user\",\"error_origin\":\"gateway\"}");
        assertThat(manage("POST", "/v1/webhook-endpoints", "{\"url\":\"" + PUBLIC_URL + "\"}").status())
                .isEqualTo(403);
        assertThat(this.http.call("GET", "/v1/webhook-endpoints").auth(this.simulator.apiKey()).send().status())
                .as("authentication comes first").isEqualTo(401);
        assertThat(this.http.call("POST", "/v1/webhook-endpoints").auth(READ_ONLY_KEY).json("{}").send().body())
                .as("then the scope").contains("insufficient_scope");
        this.simulator.batchApiGate(true);
        assertThat(manage("GET", "/v1/webhook-endpoints/" + id, null).status()).isEqualTo(200);
    }

    @Test
    void jobsMayOnlyReferenceActiveEndpointsOfTheirWorkspace() {
        String id = created("{\"url\":\"" + PUBLIC_URL + "\"}").get("id").stringValue();
        String job = "{\"prompt\":\"boat\",\"webhook\":{\"endpoint_id\":\"" + id.toUpperCase() + "\"}}";
        assertThat(this.http.post("/v1/videos", job).status()).isEqualTo(200);

        GatewayHttp.Response foreign = this.http.call("POST", "/v1/videos").auth(OTHER_INFERENCE_KEY).json(job).send();
        assertInactiveEndpoint(foreign);

        manage("PATCH", "/v1/webhook-endpoints/" + id, "{\"status\":\"disabled\"}");
        assertInactiveEndpoint(this.http.post("/v1/videos", job));
        manage("PATCH", "/v1/webhook-endpoints/" + id, "{\"status\":\"active\"}");
        assertThat(this.http.post("/v1/videos", job).status()).isEqualTo(200);
        manage("DELETE", "/v1/webhook-endpoints/" + id, null);
        assertInactiveEndpoint(this.http.post("/v1/videos", job));
        assertThat(this.simulator.jobs().all()).hasSize(2)
                .allSatisfy(created -> assertThat(created.webhookEndpointId()).contains(id));
    }

    private static void assertInactiveEndpoint(GatewayHttp.Response response) {
        assertThat(response.status()).isEqualTo(400);
        JsonNode body = response.json();
        assertThat(body.get("error").stringValue()).isEqualTo("validation_error");
        assertThat(body.get("description").stringValue())
                .isEqualTo("webhook.endpoint_id must reference an active webhook endpoint in this workspace.");
        assertThat(body.has("details")).isFalse();
        assertThat(body.has("reason")).isFalse();
    }

    private JsonNode invalid(String body) {
        GatewayHttp.Response response = manage("POST", "/v1/webhook-endpoints", body);
        assertThat(response.status()).as(body).isEqualTo(400);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        JsonNode json = response.json();
        assertThat(json.get("error").get("type").stringValue()).isEqualTo("validation_error");
        assertThat(json.get("error").get("message").stringValue()).isEqualTo("Invalid webhook endpoint payload.");
        return json;
    }

    private static JsonNode issue(JsonNode error, int index) {
        return error.get("error").get("details").get(index);
    }

    private String rejectedUrl(String url) {
        GatewayHttp.Response response = manage("POST", "/v1/webhook-endpoints", "{\"url\":\"" + url + "\"}");
        assertThat(response.status()).as(url).isEqualTo(400);
        JsonNode error = response.json().get("error");
        assertThat(error.get("type").stringValue()).isEqualTo("validation_error");
        assertThat(error.get("message").stringValue()).isEqualTo("Invalid webhook endpoint URL.");
        assertThat(error.get("details").propertyNames()).containsExactly("reason");
        return error.get("details").get("reason").stringValue();
    }

    private JsonNode list(String query) {
        GatewayHttp.Response response = manage("GET", "/v1/webhook-endpoints" + query, null);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.get("data").values().forEach(item -> names.add(item.get("name").stringValue()));
        return names;
    }

    private static void assertNotFound(GatewayHttp.Response response) {
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.body()).isEqualTo("{\"error\":{\"type\":\"not_found\",\"message\":"
                + "\"Webhook endpoint not found.\"}}");
    }
}
