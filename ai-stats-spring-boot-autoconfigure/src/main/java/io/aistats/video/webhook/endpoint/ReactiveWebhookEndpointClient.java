package io.aistats.video.webhook.endpoint;

import io.aistats.video.VideoClientSettings;
import io.aistats.video.error.AiStatsApiException;
import io.aistats.video.error.AiStatsConfigurationException;
import io.aistats.video.error.AiStatsDecodingException;
import io.aistats.video.error.VideoRequestValidationException;
import io.aistats.video.internal.http.GatewayCall;
import io.aistats.video.internal.http.GatewayTransport;
import io.aistats.video.internal.http.GatewayUris;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Manages the workspace's webhook endpoints ({@code /webhook-endpoints}) with a management key
 * ({@code phaseo_v1_mk_...}); the gateway refuses inference keys there ({@code management_key_required}).
 * <pre>{@code
 * WebhookEndpoint endpoint = endpoints.create(WebhookEndpointCreateRequest.of("https://hooks.example.com/phaseo")
 *         .withEvents("video.created", "video.status_changed", "video.completed", "video.failed")).block();
 * String secret = endpoint.signingSecret(); // shown only now: store it as ai-stats.webhook.secret
 * }</pre>
 * Errors are the client's typed exceptions: 401 {@code AuthenticationException}, 403 {@code PermissionDeniedException}
 * (missing scope, Batch API gate), 400 {@code GatewayValidationException} (invalid payload or rejected URL; see
 * {@link #urlRejectionReason(AiStatsApiException)}), 404 {@code NotFoundException}. Reads and
 * deletes are retried on transient failures; creates, updates and secret rotations are sent once, since repeating
 * them could create a second endpoint or replace a secret just handed out. Ids must be UUIDs: anything else is
 * refused before sending (the gateway would fail with a 500).
 */
public final class ReactiveWebhookEndpointClient {

    private static final String MISSING_MANAGEMENT_KEY_MESSAGE = "No management key is configured for the AI Stats "
            + "gateway's webhook endpoint API: set ai-stats.management-key (phaseo_v1_mk_...)";

    private static final String ENDPOINTS = "webhook-endpoints";

    // observations record these templates, never the endpoint ids themselves
    private static final String ENDPOINTS_TEMPLATE = "/" + ENDPOINTS;

    private static final String ENDPOINT_TEMPLATE = ENDPOINTS_TEMPLATE + "/{id}";

    private static final String ROTATE_SECRET = "rotate-secret";

    private static final Pattern UUID_FORMAT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final VideoClientSettings settings;

    private final GatewayTransport transport;

    /**
     * Creates a client that builds its HTTP client on its first call, for example
     * {@code new ReactiveWebhookEndpointClient(WebClient::builder, settings, managementKey)}.
     * @param webClientBuilder supplies the builder to derive the HTTP client from, asked once, on first use; the
     * builder is cloned, never modified
     * @param settings base URL, timeouts and retries (its API key is not used)
     * @param managementKey the management key ({@code phaseo_v1_mk_...}) sent as bearer token
     * @throws AiStatsConfigurationException when the management key is blank
     */
    public ReactiveWebhookEndpointClient(Supplier<WebClient.Builder> webClientBuilder, VideoClientSettings settings,
            @Nullable String managementKey) {
        Objects.requireNonNull(webClientBuilder, "webClientBuilder must not be null");
        Objects.requireNonNull(settings, "settings must not be null");
        if (managementKey == null || managementKey.isBlank()) {
            throw new AiStatsConfigurationException(MISSING_MANAGEMENT_KEY_MESSAGE);
        }
        // the transport authenticates with the settings' key: here, the management key
        this.settings = settings.toBuilder().apiKey(managementKey).build();
        this.transport = new GatewayTransport(webClientBuilder, this.settings);
    }

    /**
     * @return the settings in use; their {@code apiKey()} is the management key
     */
    public VideoClientSettings settings() {
        return this.settings;
    }

    /**
     * Creates an endpoint ({@code POST /webhook-endpoints}); sent once, never retried.
     * @param request the URL, name and default events
     * @return the endpoint with its {@link WebhookEndpoint#signingSecret() signing secret}, shown only here
     */
    public Mono<WebhookEndpoint> create(WebhookEndpointCreateRequest request) {
        Objects.requireNonNull(request, "request must not be null");
        return Mono.defer(() -> this.transport.exchange(call(HttpMethod.POST, ENDPOINTS_TEMPLATE, uris().build(),
                request), WebhookEndpoint.class, ReactiveWebhookEndpointClient::requireSecret));
    }

    /**
     * Lists the first page of up to 100 endpoints, newest first, without deleted ones.
     * @return the page
     */
    public Mono<WebhookEndpointList> list() {
        return list(WebhookEndpointListParams.defaults());
    }

    /**
     * Lists one page of endpoints ({@code GET /webhook-endpoints}), newest first.
     * @param params page size, offset and whether deleted endpoints are included
     * @return the page; shorter than the limit when it is the last one
     */
    public Mono<WebhookEndpointList> list(WebhookEndpointListParams params) {
        Objects.requireNonNull(params, "params must not be null");
        return Mono.defer(() -> {
            URI uri = uris().query("limit", params.limit())
                    .query("offset", params.offset())
                    .query("include_deleted", params.includeDeleted() ? "true" : null)
                    .build();
            return this.transport.exchange(call(HttpMethod.GET, ENDPOINTS_TEMPLATE, uri, null),
                    WebhookEndpointList.class);
        });
    }

    /**
     * Lists every endpoint, fetching pages of 100 by offset as the consumer gets to them. An endpoint seen on an
     * earlier page (the offsets shift when endpoints are created meanwhile) is not emitted again.
     * @param includeDeleted whether soft-deleted endpoints are included
     * @return the endpoints, newest first
     */
    public Flux<WebhookEndpoint> listAll(boolean includeDeleted) {
        return Flux.defer(() -> {
            Set<String> seen = new HashSet<>();
            return pages(WebhookEndpointListParams.defaults().withIncludeDeleted(includeDeleted))
                    .filter((endpoint) -> seen.add(endpoint.id()));
        });
    }

    private Flux<WebhookEndpoint> pages(WebhookEndpointListParams params) {
        return list(params).flatMapMany((page) -> {
            Flux<WebhookEndpoint> endpoints = Flux.fromIterable(page.data());
            if (page.data().size() < params.limit()) {
                return endpoints;
            }
            return endpoints.concatWith(Flux.defer(() -> pages(params.withOffset(params.offset() + params.limit()))));
        });
    }

    /**
     * Reads an endpoint ({@code GET /webhook-endpoints/{id}}); deleted endpoints are not found.
     * @param id the endpoint id (a UUID)
     * @return the endpoint, without its secret
     */
    public Mono<WebhookEndpoint> get(String id) {
        return Mono.defer(() -> this.transport.exchange(call(HttpMethod.GET, ENDPOINT_TEMPLATE, uris(id).build(),
                null), WebhookEndpoint.class));
    }

    /**
     * Changes an endpoint ({@code PATCH /webhook-endpoints/{id}}); sent once, never retried.
     * @param id the endpoint id (a UUID)
     * @param update the members to change
     * @return the endpoint after the change, without its secret
     */
    public Mono<WebhookEndpoint> update(String id, WebhookEndpointUpdate update) {
        Objects.requireNonNull(update, "update must not be null");
        return Mono.defer(() -> this.transport.exchange(call(HttpMethod.PATCH, ENDPOINT_TEMPLATE, uris(id).build(),
                update), WebhookEndpoint.class));
    }

    /**
     * Replaces an endpoint's signing secret ({@code POST /webhook-endpoints/{id}/rotate-secret}); sent once, never
     * retried. There is no overlap: every later delivery attempt, retries of earlier events included, is signed with
     * the new secret, so have the receiver accept both secrets before rotating.
     * @param id the endpoint id (a UUID)
     * @return the endpoint with its new {@link WebhookEndpoint#signingSecret() signing secret}
     */
    public Mono<WebhookEndpoint> rotateSecret(String id) {
        return Mono.defer(() -> this.transport.exchange(call(HttpMethod.POST, ENDPOINT_TEMPLATE + "/" + ROTATE_SECRET,
                uris(id).segments(ROTATE_SECRET).build(), null), WebhookEndpoint.class,
                ReactiveWebhookEndpointClient::requireSecret));
    }

    /**
     * Soft-deletes an endpoint ({@code DELETE /webhook-endpoints/{id}}); retried on transient failures (a repeated
     * delete of a deleted endpoint answers 404). Jobs referencing it receive nothing more.
     * @param id the endpoint id (a UUID)
     * @return the confirmation
     */
    public Mono<WebhookEndpointDeleted> delete(String id) {
        return Mono.defer(() -> this.transport.exchange(call(HttpMethod.DELETE, ENDPOINT_TEMPLATE, uris(id).build(),
                null), WebhookEndpointDeleted.class));
    }

    /**
     * The reason the gateway rejected an endpoint URL, from a 400 answer to create or update: for example
     * {@code webhook_url_must_use_https}, {@code webhook_url_private_network_not_allowed} or
     * {@code webhook_url_dns_resolution_failed}.
     * @param failure a failure of this client
     * @return the reason, or {@code null} when the failure is not a URL rejection
     */
    public static @Nullable String urlRejectionReason(AiStatsApiException failure) {
        Object error = failure.body().get("error");
        if (error instanceof Map<?, ?> members && members.get("details") instanceof Map<?, ?> details
                && details.get("reason") instanceof String reason) {
            return reason;
        }
        return null;
    }

    @Override
    public String toString() {
        return "ReactiveWebhookEndpointClient{" + this.settings.baseUrl() + "}";
    }

    // labelled with its route, such as PATCH /webhook-endpoints/{id}; only reads and deletes are retried (see above)
    private static GatewayCall call(HttpMethod method, String uriTemplate, URI uri, @Nullable Object body) {
        boolean retryable = HttpMethod.GET.equals(method) || HttpMethod.DELETE.equals(method);
        return new GatewayCall(method, uri, body, retryable, method.name() + " " + uriTemplate, uriTemplate);
    }

    private GatewayUris uris() {
        return GatewayUris.from(this.settings.baseUrl()).segments(ENDPOINTS);
    }

    private GatewayUris uris(@Nullable String id) {
        if (id == null || !UUID_FORMAT.matcher(id.strip()).matches()) {
            throw new VideoRequestValidationException("id", "must be a webhook endpoint id (a UUID such as "
                    + "7b6f1c2e-9d4a-4e3b-8f21-0c5d9e7a1b34)");
        }
        return uris().segments(id.strip());
    }

    private static void requireSecret(WebhookEndpoint endpoint, int statusCode) {
        if (endpoint.id().isEmpty() || endpoint.signingSecret() == null) {
            throw new AiStatsDecodingException("The gateway answered HTTP " + statusCode + " but its endpoint record "
                    + "lacks the id or the signing secret; list the endpoints before creating or rotating again",
                    statusCode, null);
        }
    }
}
