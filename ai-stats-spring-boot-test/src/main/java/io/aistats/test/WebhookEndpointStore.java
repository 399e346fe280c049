package io.aistats.test;

import org.jspecify.annotations.Nullable;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The simulator's webhook endpoint table (§5.2) and the lookup that create requests use for
 * {@code webhook.endpoint_id} (§3.1). Records are immutable snapshots replaced on every change; this object's monitor
 * guards the table. It never calls out while locked, so it may be used while the job store is locked.
 */
final class WebhookEndpointStore implements WebhookEndpointLookup {

    /** The events stored when a request gives none (or an empty list). */
    static final List<String> DEFAULT_EVENTS = List.of("video.completed", "video.failed", "video.cancelled",
            "batch.completed", "batch.failed", "batch.cancelled");

    /** The name stored when a create request gives none. */
    static final String DEFAULT_NAME = "Async webhooks";

    private static final int SECRET_BYTES = 32;

    private final Map<String, SimulatedWebhookEndpoint> endpoints = new LinkedHashMap<>();

    private final SecureRandom random = new SecureRandom();

    private final WebhookUrlPolicy urls;

    /**
     * @param urls the URL rules that referenced endpoints must still pass
     */
    WebhookEndpointStore(WebhookUrlPolicy urls) {
        this.urls = urls;
    }

    /**
     * Stores a new active endpoint with a fresh secret.
     * @param workspaceId the owning workspace
     * @param name the name (validated)
     * @param url the normalised URL (validated)
     * @param events the requested events, or {@code null} for the default list
     * @param now the simulator time
     * @return the endpoint
     */
    synchronized SimulatedWebhookEndpoint create(String workspaceId, String name, String url,
            @Nullable List<String> events, Instant now) {
        String id = UUID.randomUUID().toString();
        SimulatedWebhookEndpoint endpoint = new SimulatedWebhookEndpoint(id, workspaceId, name, url,
                SimulatedWebhookEndpoint.ACTIVE, storedEvents(events), newSecret(), now, now, null);
        this.endpoints.put(id, endpoint);
        return endpoint;
    }

    /**
     * @param id an endpoint id (any case)
     * @return the endpoint in any status, or {@code null}
     */
    synchronized @Nullable SimulatedWebhookEndpoint find(String id) {
        return this.endpoints.get(id.toLowerCase(Locale.ROOT));
    }

    /**
     * @param workspaceId the caller's workspace
     * @param id an endpoint id
     * @return the endpoint when it exists in the workspace and is not deleted, else {@code null}
     */
    synchronized @Nullable SimulatedWebhookEndpoint findVisible(String workspaceId, String id) {
        SimulatedWebhookEndpoint endpoint = find(id);
        return endpoint != null && endpoint.workspaceId().equals(workspaceId) && !endpoint.isDeleted() ? endpoint
                : null;
    }

    /**
     * @param workspaceId the caller's workspace
     * @param includeDeleted whether deleted endpoints are listed
     * @return the workspace's endpoints, newest first
     */
    synchronized List<SimulatedWebhookEndpoint> list(String workspaceId, boolean includeDeleted) {
        List<SimulatedWebhookEndpoint> result = new ArrayList<>();
        for (SimulatedWebhookEndpoint endpoint : this.endpoints.values()) {
            if (endpoint.workspaceId().equals(workspaceId) && (includeDeleted || !endpoint.isDeleted())) {
                result.add(endpoint);
            }
        }
        // insertion order is creation order and the clock never goes back: reversed, it is newest first
        Collections.reverse(result);
        return result;
    }

    /** @return every endpoint of every workspace, in creation order */
    synchronized List<SimulatedWebhookEndpoint> all() {
        return List.copyOf(this.endpoints.values());
    }

    /**
     * Replaces a visible endpoint by a changed copy.
     * @param workspaceId the caller's workspace
     * @param id the endpoint id
     * @param change the change
     * @return the changed endpoint, or {@code null} when it is not visible to the workspace
     */
    synchronized @Nullable SimulatedWebhookEndpoint change(String workspaceId, String id,
            UnaryOperator<SimulatedWebhookEndpoint> change) {
        SimulatedWebhookEndpoint endpoint = findVisible(workspaceId, id);
        if (endpoint == null) {
            return null;
        }
        SimulatedWebhookEndpoint changed = change.apply(endpoint);
        this.endpoints.put(changed.id(), changed);
        return changed;
    }

    /** @return a fresh {@code whsec_} secret: 32 random bytes, unpadded base64url (§5.5) */
    String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        this.random.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Normalises stored events: trimmed, lower case, without duplicates; an absent or empty list becomes the
     * default list. Entries are not checked against the video vocabulary (§5.2).
     * @param events the requested events, or {@code null}
     * @return the events to store
     */
    static List<String> storedEvents(@Nullable List<String> events) {
        if (events == null) {
            return DEFAULT_EVENTS;
        }
        LinkedHashSet<String> normalized = new LinkedHashSet<>();
        for (String event : events) {
            String name = event.strip().toLowerCase(Locale.ROOT);
            if (!name.isEmpty()) {
                normalized.add(name);
            }
        }
        return normalized.isEmpty() ? DEFAULT_EVENTS : List.copyOf(normalized);
    }

    /**
     * {@inheritDoc}
     * <p>
     * May resolve the endpoint's host name (blocking).
     */
    @Override
    public boolean isActive(String workspaceId, UUID endpointId) {
        SimulatedWebhookEndpoint endpoint = find(endpointId.toString());
        return endpoint != null && endpoint.isActive() && endpoint.workspaceId().equals(workspaceId)
                && this.urls.check(endpoint.url()).isAccepted();
    }
}
