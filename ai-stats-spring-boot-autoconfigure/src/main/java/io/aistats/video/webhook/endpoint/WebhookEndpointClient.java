package io.aistats.video.webhook.endpoint;

import io.aistats.video.internal.http.BlockingCalls;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Objects;

/**
 * The blocking face of {@link ReactiveWebhookEndpointClient}: each call waits at most the settings' call timeout,
 * retries included, and fails with the client's exceptions (never Reactor's). Must not be called from a non-blocking
 * thread (an event loop).
 * <pre>{@code
 * WebhookEndpoint endpoint = endpoints.create(WebhookEndpointCreateRequest.of("https://hooks.example.com/phaseo"));
 * endpoints.update(endpoint.id(), WebhookEndpointUpdate.builder().events("video.completed", "video.failed").build());
 * }</pre>
 */
public final class WebhookEndpointClient {

    private final ReactiveWebhookEndpointClient reactive;

    /**
     * @param reactive the client to delegate to
     */
    public WebhookEndpointClient(ReactiveWebhookEndpointClient reactive) {
        this.reactive = Objects.requireNonNull(reactive, "reactive must not be null");
    }

    /**
     * Creates an endpoint; sent once, never retried.
     * @param request the URL, name and default events
     * @return the endpoint with its signing secret, shown only here
     * @see ReactiveWebhookEndpointClient#create(WebhookEndpointCreateRequest)
     */
    public WebhookEndpoint create(WebhookEndpointCreateRequest request) {
        return await(this.reactive.create(request), "POST /webhook-endpoints");
    }

    /**
     * @return the first page of up to 100 endpoints, newest first, without deleted ones
     */
    public WebhookEndpointList list() {
        return await(this.reactive.list(), "GET /webhook-endpoints");
    }

    /**
     * @param params page size, offset and whether deleted endpoints are included
     * @return one page of endpoints, newest first
     */
    public WebhookEndpointList list(WebhookEndpointListParams params) {
        return await(this.reactive.list(params), "GET /webhook-endpoints");
    }

    /**
     * Lists every endpoint, page by page; the whole walk must finish within the call timeout.
     * @param includeDeleted whether soft-deleted endpoints are included
     * @return the endpoints, newest first
     */
    public List<WebhookEndpoint> listAll(boolean includeDeleted) {
        return await(this.reactive.listAll(includeDeleted).collectList(), "GET /webhook-endpoints (all pages)");
    }

    /**
     * @param id the endpoint id (a UUID)
     * @return the endpoint, without its secret
     * @see ReactiveWebhookEndpointClient#get(String)
     */
    public WebhookEndpoint get(String id) {
        return await(this.reactive.get(id), "GET /webhook-endpoints/{id}");
    }

    /**
     * Changes an endpoint; sent once, never retried.
     * @param id the endpoint id (a UUID)
     * @param update the members to change
     * @return the endpoint after the change
     * @see ReactiveWebhookEndpointClient#update(String, WebhookEndpointUpdate)
     */
    public WebhookEndpoint update(String id, WebhookEndpointUpdate update) {
        return await(this.reactive.update(id, update), "PATCH /webhook-endpoints/{id}");
    }

    /**
     * Replaces an endpoint's signing secret; sent once, never retried.
     * @param id the endpoint id (a UUID)
     * @return the endpoint with its new signing secret
     * @see ReactiveWebhookEndpointClient#rotateSecret(String)
     */
    public WebhookEndpoint rotateSecret(String id) {
        return await(this.reactive.rotateSecret(id), "POST /webhook-endpoints/{id}/rotate-secret");
    }

    /**
     * Soft-deletes an endpoint.
     * @param id the endpoint id (a UUID)
     * @return the confirmation
     * @see ReactiveWebhookEndpointClient#delete(String)
     */
    public WebhookEndpointDeleted delete(String id) {
        return await(this.reactive.delete(id), "DELETE /webhook-endpoints/{id}");
    }

    /**
     * @return the reactive client this one delegates to
     */
    public ReactiveWebhookEndpointClient reactive() {
        return this.reactive;
    }

    @Override
    public String toString() {
        return "WebhookEndpointClient{" + this.reactive.settings().baseUrl() + "}";
    }

    private <T> T await(Mono<T> call, String operation) {
        return BlockingCalls.await(call, this.reactive.settings().callTimeout(), operation);
    }
}
