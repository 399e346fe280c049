package io.aistats.test;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The webhook endpoint management API (§5), {@code /v1/webhook-endpoints}. Every route checks, in order: a management
 * key (401 shape A, {@code management_key_required} for inference keys), the key's scope ({@code settings:read} for
 * GET, {@code settings:write} otherwise; 403 {@code insufficient_scope}), then the Batch API gate (403). Records use
 * camelCase members; validation failures, URL rejections and unknown endpoints answer shape-C bodies; an id that is
 * not a UUID fails the lookup with a plain-text 500. Every JSON answer carries {@code Cache-Control: no-store}.
 */
final class WebhookEndpointRoutes implements SimulatorRoutes {

    static final String BASE = "/v1/webhook-endpoints";

    static final String READ_SCOPE = "settings:read";

    static final String WRITE_SCOPE = "settings:write";

    /** The scopes of management keys registered without explicit scopes. */
    static final Set<String> ALL_SCOPES = Set.of(READ_SCOPE, WRITE_SCOPE);

    static final int MAX_LIMIT = 100;

    private static final Pattern UUID_FORMAT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final String NO_STORE = "no-store";

    private final SimulatorRuntime runtime;

    private final WebhookEndpointStore store;

    private final WebhookDispatcher dispatcher;

    private final WebhookUrlPolicy urls;

    private final Map<String, Set<String>> scopesByKid;

    private volatile boolean batchApiGate = true;

    /**
     * @param runtime the simulator state
     * @param store the endpoint table
     * @param dispatcher told when an endpoint stops receiving deliveries
     * @param urls the URL rules
     * @param scopesByKid scopes of management keys by key id; keys not listed have {@link #ALL_SCOPES}
     */
    WebhookEndpointRoutes(SimulatorRuntime runtime, WebhookEndpointStore store, WebhookDispatcher dispatcher,
            WebhookUrlPolicy urls, Map<String, Set<String>> scopesByKid) {
        this.runtime = runtime;
        this.store = store;
        this.dispatcher = dispatcher;
        this.urls = urls;
        this.scopesByKid = Map.copyOf(scopesByKid);
    }

    @Override
    public void register(RouteRegistry routes) {
        routes.add("POST", BASE, guarded(WRITE_SCOPE, this::create))
                .add("GET", BASE, guarded(READ_SCOPE, this::list))
                .add("GET", BASE + "/{id}", guarded(READ_SCOPE, this::get))
                .add("PATCH", BASE + "/{id}", guarded(WRITE_SCOPE, this::update))
                .add("DELETE", BASE + "/{id}", guarded(WRITE_SCOPE, this::delete))
                .add("POST", BASE + "/{id}/rotate-secret", guarded(WRITE_SCOPE, this::rotateSecret));
    }

    /** @param enabled whether the workspace is in the Batch API segment (default); off answers 403 */
    void batchApiGate(boolean enabled) {
        this.batchApiGate = enabled;
    }

    private RouteHandler guarded(String scope, Action action) {
        return exchange -> {
            Authenticator.Result auth = this.runtime.authenticator()
                    .authenticateManagement(exchange.header("Authorization"));
            Authenticator.Principal principal = auth.principal();
            if (principal == null) {
                return exchange.error(GatewayError.unauthorised(String.valueOf(auth.failureReason()),
                        this.runtime.newId()));
            }
            Set<String> scopes = this.scopesByKid.getOrDefault(principal.key().kid(), ALL_SCOPES);
            if (scopes.isEmpty()) {
                return exchange.error(GatewayError.unauthorised("management_key_scopes_required",
                        this.runtime.newId()));
            }
            if (!scopes.contains(scope)) {
                ObjectNode body = NODES.objectNode();
                body.put("error", "insufficient_scope");
                body.put("message", "Token requires " + scope);
                return exchange.json(403, body, NO_STORE);
            }
            if (!this.batchApiGate) {
                return exchange.json(403, batchGateClosed(principal.workspaceId()), NO_STORE);
            }
            return action.handle(exchange, principal.workspaceId());
        };
    }

    // --- routes ---------------------------------------------------------------------------------------------------

    private Mono<Void> create(SimulatorExchange exchange, String workspaceId) {
        WebhookEndpointPayload payload = WebhookEndpointPayload.forCreate(parse(exchange.body()));
        if (!payload.isValid()) {
            return invalidPayload(exchange, payload.issues());
        }
        // the URL check may resolve a host name: off the event loop
        return Mono.defer(() -> {
            WebhookUrlPolicy.Verdict verdict = this.urls.check(payload.url());
            if (!verdict.isAccepted()) {
                return invalidUrl(exchange, String.valueOf(verdict.rejection()));
            }
            String name = payload.name() != null ? payload.name() : WebhookEndpointStore.DEFAULT_NAME;
            SimulatedWebhookEndpoint endpoint = this.store.create(workspaceId, name, String.valueOf(verdict.url()),
                    payload.events(), this.runtime.now());
            return exchange.json(201, withSecret(endpoint), NO_STORE);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<Void> list(SimulatorExchange exchange, String workspaceId) {
        int limit = limit(exchange.queryParam("limit"));
        int offset = offset(exchange.queryParam("offset"));
        boolean includeDeleted = "true".equals(exchange.queryParam("include_deleted"));
        List<SimulatedWebhookEndpoint> endpoints = this.store.list(workspaceId, includeDeleted);
        ObjectNode body = NODES.objectNode();
        body.put("object", "list");
        ArrayNode data = body.putArray("data");
        endpoints.stream().skip(offset).limit(limit).map(WebhookEndpointRoutes::record).forEach(data::add);
        return exchange.json(200, body, NO_STORE);
    }

    private Mono<Void> get(SimulatorExchange exchange, String workspaceId) {
        String id = exchange.pathVariable("id");
        if (!isUuid(id)) {
            return lookupFailure(exchange);
        }
        SimulatedWebhookEndpoint endpoint = this.store.findVisible(workspaceId, id);
        return endpoint != null ? exchange.json(200, record(endpoint), NO_STORE) : notFound(exchange);
    }

    private Mono<Void> update(SimulatorExchange exchange, String workspaceId) {
        String id = exchange.pathVariable("id");
        WebhookEndpointPayload payload = WebhookEndpointPayload.forUpdate(parse(exchange.body()));
        if (!payload.isValid()) {
            return invalidPayload(exchange, payload.issues());
        }
        if (!isUuid(id)) {
            return lookupFailure(exchange);
        }
        return Mono.defer(() -> {
            if (this.store.findVisible(workspaceId, id) == null) {
                return notFound(exchange);
            }
            String url = null;
            if (payload.url() != null) {
                WebhookUrlPolicy.Verdict verdict = this.urls.check(payload.url());
                if (!verdict.isAccepted()) {
                    return invalidUrl(exchange, String.valueOf(verdict.rejection()));
                }
                url = verdict.url();
            }
            String newUrl = url;
            Instant now = this.runtime.now();
            SimulatedWebhookEndpoint changed = this.store.change(workspaceId, id, endpoint -> {
                SimulatedWebhookEndpoint result = endpoint.touched(now);
                if (payload.name() != null) {
                    result = result.withName(payload.name(), now);
                }
                if (newUrl != null) {
                    result = result.withUrl(newUrl, now);
                }
                if (payload.events() != null) {
                    result = result.withEvents(WebhookEndpointStore.storedEvents(payload.events()), now);
                }
                if (payload.status() != null) {
                    result = result.withStatus(payload.status(), now);
                }
                return result;
            });
            if (changed == null) {
                return notFound(exchange);
            }
            if (!changed.isActive()) {
                this.dispatcher.dropScheduledRetries(changed.id());
            }
            return exchange.json(200, record(changed), NO_STORE);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<Void> rotateSecret(SimulatorExchange exchange, String workspaceId) {
        String id = exchange.pathVariable("id");
        if (!isUuid(id)) {
            return lookupFailure(exchange);
        }
        Instant now = this.runtime.now();
        SimulatedWebhookEndpoint rotated = this.store.change(workspaceId, id,
                endpoint -> endpoint.withSecret(this.store.newSecret(), now));
        return rotated != null ? exchange.json(200, withSecret(rotated), NO_STORE) : notFound(exchange);
    }

    private Mono<Void> delete(SimulatorExchange exchange, String workspaceId) {
        String id = exchange.pathVariable("id");
        if (!isUuid(id)) {
            return lookupFailure(exchange);
        }
        Instant now = this.runtime.now();
        SimulatedWebhookEndpoint deleted = this.store.change(workspaceId, id,
                endpoint -> endpoint.withStatus(SimulatedWebhookEndpoint.DELETED, now));
        if (deleted == null) {
            return notFound(exchange);
        }
        this.dispatcher.dropScheduledRetries(deleted.id());
        ObjectNode body = NODES.objectNode();
        body.put("id", deleted.id());
        body.put("object", "webhook_endpoint");
        body.put("deleted", true);
        return exchange.json(200, body, NO_STORE);
    }

    // --- bodies ---------------------------------------------------------------------------------------------------

    /** The endpoint record (§5.2) in the gateway's member order. */
    static ObjectNode record(SimulatedWebhookEndpoint endpoint) {
        ObjectNode node = NODES.objectNode();
        node.put("id", endpoint.id());
        node.put("workspaceId", endpoint.workspaceId());
        node.put("name", endpoint.name());
        node.put("url", endpoint.url());
        node.put("status", endpoint.status());
        ArrayNode events = node.putArray("events");
        endpoint.events().forEach(events::add);
        node.put("hasSecret", true);
        node.putNull("createdBy");
        node.put("createdAt", Timestamps.database(endpoint.createdAt()));
        node.put("updatedAt", Timestamps.database(endpoint.updatedAt()));
        node.put("deletedAt", endpoint.deletedAt() != null ? Timestamps.database(endpoint.deletedAt()) : null);
        return node;
    }

    private static ObjectNode withSecret(SimulatedWebhookEndpoint endpoint) {
        ObjectNode node = record(endpoint);
        node.put("signing_secret", endpoint.signingSecret());
        return node;
    }

    private static ObjectNode batchGateClosed(String workspaceId) {
        ObjectNode body = NODES.objectNode();
        body.put("error", "forbidden");
        body.put("reason", "batch_api_feature_flag_disabled");
        body.put("message", "Webhook endpoint settings are currently limited to the enabled Batch API segment.");
        body.put("feature_gate", "gateway_batch_api");
        body.put("workspace_id", workspaceId);
        body.put("status_code", 403);
        body.put("error_type", "user");
        body.put("error_origin", "gateway");
        return body;
    }

    private static Mono<Void> invalidPayload(SimulatorExchange exchange, List<ObjectNode> issues) {
        ObjectNode error = validationError("Invalid webhook endpoint payload.");
        ArrayNode details = ((ObjectNode) error.get("error")).putArray("details");
        issues.forEach(details::add);
        return exchange.json(400, error, NO_STORE);
    }

    private static Mono<Void> invalidUrl(SimulatorExchange exchange, String reason) {
        ObjectNode error = validationError("Invalid webhook endpoint URL.");
        ((ObjectNode) error.get("error")).putObject("details").put("reason", reason);
        return exchange.json(400, error, NO_STORE);
    }

    private static ObjectNode validationError(String message) {
        ObjectNode body = NODES.objectNode();
        ObjectNode error = body.putObject("error");
        error.put("type", "validation_error");
        error.put("message", message);
        return body;
    }

    private static Mono<Void> notFound(SimulatorExchange exchange) {
        ObjectNode body = NODES.objectNode();
        ObjectNode error = body.putObject("error");
        error.put("type", "not_found");
        error.put("message", "Webhook endpoint not found.");
        return exchange.json(404, body, NO_STORE);
    }

    /** The database rejects a malformed UUID and the framework answers a plain-text 500. */
    private static Mono<Void> lookupFailure(SimulatorExchange exchange) {
        return exchange.text(500, "Internal Server Error");
    }

    // --- parsing --------------------------------------------------------------------------------------------------

    private @Nullable JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode node = this.runtime.json().readTree(body);
            return node == null || node.isMissingNode() ? null : node;
        }
        catch (JacksonException ex) {
            return null;
        }
    }

    private static boolean isUuid(String id) {
        return UUID_FORMAT.matcher(id).matches();
    }

    /** {@code limit}: 0, empty or not a number gives 100; below 1 gives 1; above 100 gives 100. */
    static int limit(@Nullable String raw) {
        double number = jsNumber(raw);
        if (Double.isNaN(number) || number == 0) {
            return MAX_LIMIT;
        }
        return (int) Math.max(1, Math.min(MAX_LIMIT, number < 0 ? 1 : Math.floor(number)));
    }

    /** {@code offset}: negative or not a number gives 0. */
    static int offset(@Nullable String raw) {
        double number = jsNumber(raw);
        if (Double.isNaN(number) || number < 0) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.floor(number));
    }

    /** Like JavaScript's {@code Number(value)} for query values: blank is 0, garbage is NaN, absent is NaN. */
    private static double jsNumber(@Nullable String raw) {
        if (raw == null) {
            return Double.NaN;
        }
        String text = raw.strip();
        if (text.isEmpty()) {
            return 0;
        }
        if (!text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?Infinity")) {
            return Double.NaN;
        }
        return Double.parseDouble(text);
    }

    /** A route body once authentication, scope and gate passed. */
    @FunctionalInterface
    private interface Action {

        Mono<Void> handle(SimulatorExchange exchange, String workspaceId);
    }
}
