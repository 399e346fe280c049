package io.aistats.video.webhook.endpoint;

import io.aistats.video.internal.http.BlockingCalls;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Objects;

/**
 * The blocking face of {@link ReactiveWebhookEndpointClient}, whose methods document each operation: each call waits
 * at most the settings' call timeout, retries included, and fails with the client's exceptions (never Reactor's).
 * Must not be called from a non-blocking thread (an event loop).
 * <pre>{@code
 * WebhookEndpoint endpoint = endpoints.create(WebhookEndpointCreateRequest.of("https://hooks.example.com/phaseo"));
 * endpoints.update(endpoint.id(), WebhookEndpointUpdate.empty().withEvents("video.completed", "video.failed"));
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

    /** Blocking {@link ReactiveWebhookEndpointClient#create(WebhookEndpointCreateRequest)}. */
    public WebhookEndpoint create(WebhookEndpointCreateRequest request) {
        return await(this.reactive.create(request), "POST /webhook-endpoints");
    }

    /** Blocking {@link ReactiveWebhookEndpointClient#list()}. */
    public WebhookEndpointList list() {
        return await(this.reactive.list(), "GET /webhook-endpoints");
    }

    /** Blocking {@link ReactiveWebhookEndpointClient#list(WebhookEndpointListParams)}. */
    public WebhookEndpointList list(WebhookEndpointListParams params) {
        return await(this.reactive.list(params), "GET /webhook-endpoints");
    }

    /**
     * Blocking {@link ReactiveWebhookEndpointClient#listAll(boolean)}; the whole walk must finish within the call
     * timeout.
     */
    public List<WebhookEndpoint> listAll(boolean includeDeleted) {
        return await(this.reactive.listAll(includeDeleted).collectList(), "GET /webhook-endpoints (all pages)");
    }

    /** Blocking {@link ReactiveWebhookEndpointClient#get(String)}. */
    public WebhookEndpoint get(String id) {
        return await(this.reactive.get(id), "GET /webhook-endpoints/{id}");
    }

    /** Blocking {@link ReactiveWebhookEndpointClient#update(String, WebhookEndpointUpdate)}. */
    public WebhookEndpoint update(String id, WebhookEndpointUpdate update) {
        return await(this.reactive.update(id, update), "PATCH /webhook-endpoints/{id}");
    }

    /** Blocking {@link ReactiveWebhookEndpointClient#rotateSecret(String)}. */
    public WebhookEndpoint rotateSecret(String id) {
        return await(this.reactive.rotateSecret(id), "POST /webhook-endpoints/{id}/rotate-secret");
    }

    /** Blocking {@link ReactiveWebhookEndpointClient#delete(String)}. */
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
