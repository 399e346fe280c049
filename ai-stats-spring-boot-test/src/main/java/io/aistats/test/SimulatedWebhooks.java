package io.aistats.test;

import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * Inspects and steers the simulator's webhook endpoints and deliveries. Deliveries are sent asynchronously: after an
 * action that produces events (creating or advancing a job, advancing the clock past a retry), call
 * {@link #awaitIdle(Duration)} before looking at {@link #deliveries()} or at what a receiver got.
 * <pre>{@code
 * SimulatedWebhookEndpoint endpoint = gateway.webhooks().createEndpoint("http://127.0.0.1:" + port + "/hooks",
 *         List.of("video.completed"));
 * // create a job with webhook.endpoint_id = endpoint.id(), then
 * gateway.clock().advance(Duration.ofSeconds(4));
 * gateway.webhooks().awaitIdle(Duration.ofSeconds(5));
 * }</pre>
 */
public final class SimulatedWebhooks {

    private final SimulatorRuntime runtime;

    private final WebhookEndpointStore endpoints;

    private final WebhookDispatcher dispatcher;

    private final WebhookUrlPolicy urls;

    SimulatedWebhooks(SimulatorRuntime runtime, WebhookEndpointStore endpoints, WebhookDispatcher dispatcher,
            WebhookUrlPolicy urls) {
        this.runtime = runtime;
        this.endpoints = endpoints;
        this.dispatcher = dispatcher;
        this.urls = urls;
    }

    /**
     * @return every delivery attempt (and every dropped delivery) so far, oldest first
     */
    public List<SimulatedDelivery> deliveries() {
        return this.dispatcher.deliveries();
    }

    /**
     * @param videoId a job
     * @return the job's delivery attempts and dropped deliveries, oldest first
     */
    public List<SimulatedDelivery> deliveries(String videoId) {
        return this.dispatcher.deliveries().stream().filter(delivery -> delivery.videoId().equals(videoId)).toList();
    }

    /**
     * Forgets the logged deliveries (the jobs' own {@code webhook} state is kept).
     */
    public void clearDeliveries() {
        this.dispatcher.clearDeliveries();
    }

    /**
     * Waits until no delivery attempt is enqueued, being sent or being recorded. Retries scheduled for a later
     * simulator time do not count.
     * @param timeout how long to wait at most
     * @throws IllegalStateException when attempts are still in flight after the timeout
     */
    public void awaitIdle(Duration timeout) {
        this.dispatcher.awaitIdle(Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Creates an active endpoint in the simulator's workspace, as {@code POST /v1/webhook-endpoints} would.
     * @param url the destination; must pass the URL rules (see
     * {@link AiStatsGatewaySimulator.Builder#allowLocalWebhookUrls(boolean)} for local receivers)
     * @param events the default events; empty for the gateway's default list
     * @return the endpoint, with its signing secret
     * @throws IllegalArgumentException when the URL is rejected; the message holds the gateway's reason
     */
    public SimulatedWebhookEndpoint createEndpoint(String url, List<String> events) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(events, "events");
        WebhookUrlPolicy.Verdict verdict = this.urls.check(url);
        if (!verdict.isAccepted()) {
            throw new IllegalArgumentException("Webhook URL rejected: " + verdict.rejection());
        }
        return this.endpoints.create(this.runtime.workspaceId(), WebhookEndpointStore.DEFAULT_NAME,
                String.valueOf(verdict.url()), events.isEmpty() ? null : events, this.runtime.now());
    }

    /**
     * @param id an endpoint id
     * @return the endpoint in any status (deleted ones included), if it exists
     */
    public Optional<SimulatedWebhookEndpoint> endpoint(String id) {
        return Optional.ofNullable(this.endpoints.find(Objects.requireNonNull(id, "id")));
    }

    /**
     * @return every endpoint of every workspace, in creation order
     */
    public List<SimulatedWebhookEndpoint> endpoints() {
        return this.endpoints.all();
    }

    /**
     * Rotates an endpoint's secret, as {@code POST /v1/webhook-endpoints/{id}/rotate-secret} would: every later
     * attempt, retries included, is signed with the new secret.
     * @param id the endpoint id
     * @return the new secret
     * @throws NoSuchElementException when no such endpoint exists or it is deleted
     */
    public String rotateSecret(String id) {
        SimulatedWebhookEndpoint endpoint = this.endpoints.find(Objects.requireNonNull(id, "id"));
        if (endpoint == null) {
            throw new NoSuchElementException("No simulated webhook endpoint " + id);
        }
        SimulatedWebhookEndpoint rotated = this.endpoints.change(endpoint.workspaceId(), id,
                current -> current.withSecret(this.endpoints.newSecret(), this.runtime.now()));
        if (rotated == null) {
            throw new NoSuchElementException("Simulated webhook endpoint " + id + " is deleted");
        }
        return rotated.signingSecret();
    }
}
