package io.aistats.test;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one simulated webhook endpoint (§5.2), including its current signing secret so that tests can verify
 * deliveries. {@link #toString()} never shows the secret.
 *
 * @param id the endpoint id (lower-case UUID)
 * @param workspaceId the owning workspace
 * @param name 1 ... 120 characters
 * @param url the normalised destination URL
 * @param status {@code active}, {@code disabled} or {@code deleted}
 * @param events the stored default events (lower case, never empty)
 * @param signingSecret the current {@code whsec_...} secret
 * @param createdAt when it was created (simulator time)
 * @param updatedAt when it was last changed
 * @param deletedAt when it was deleted, or {@code null}
 */
public record SimulatedWebhookEndpoint(String id, String workspaceId, String name, String url, String status,
        List<String> events, String signingSecret, Instant createdAt, Instant updatedAt, @Nullable Instant deletedAt) {

    /** The status of endpoints that receive deliveries. */
    public static final String ACTIVE = "active";

    /** The status of endpoints switched off by {@code PATCH}. */
    public static final String DISABLED = "disabled";

    /** The status of soft-deleted endpoints. */
    public static final String DELETED = "deleted";

    /**
     * Copies the event list.
     */
    public SimulatedWebhookEndpoint {
        events = List.copyOf(events);
    }

    /** @return whether the endpoint receives deliveries and may be referenced by new jobs */
    public boolean isActive() {
        return ACTIVE.equals(this.status);
    }

    /** @return whether the endpoint was soft-deleted */
    public boolean isDeleted() {
        return DELETED.equals(this.status);
    }

    SimulatedWebhookEndpoint withName(String newName, Instant now) {
        return new SimulatedWebhookEndpoint(this.id, this.workspaceId, newName, this.url, this.status, this.events,
                this.signingSecret, this.createdAt, now, this.deletedAt);
    }

    SimulatedWebhookEndpoint withUrl(String newUrl, Instant now) {
        return new SimulatedWebhookEndpoint(this.id, this.workspaceId, this.name, newUrl, this.status, this.events,
                this.signingSecret, this.createdAt, now, this.deletedAt);
    }

    SimulatedWebhookEndpoint withEvents(List<String> newEvents, Instant now) {
        return new SimulatedWebhookEndpoint(this.id, this.workspaceId, this.name, this.url, this.status, newEvents,
                this.signingSecret, this.createdAt, now, this.deletedAt);
    }

    SimulatedWebhookEndpoint withStatus(String newStatus, Instant now) {
        return new SimulatedWebhookEndpoint(this.id, this.workspaceId, this.name, this.url, newStatus, this.events,
                this.signingSecret, this.createdAt, now, DELETED.equals(newStatus) ? now : this.deletedAt);
    }

    SimulatedWebhookEndpoint withSecret(String newSecret, Instant now) {
        return new SimulatedWebhookEndpoint(this.id, this.workspaceId, this.name, this.url, this.status, this.events,
                newSecret, this.createdAt, now, this.deletedAt);
    }

    SimulatedWebhookEndpoint touched(Instant now) {
        return new SimulatedWebhookEndpoint(this.id, this.workspaceId, this.name, this.url, this.status, this.events,
                this.signingSecret, this.createdAt, now, this.deletedAt);
    }

    @Override
    public String toString() {
        return "SimulatedWebhookEndpoint[id=" + this.id + ", workspaceId=" + this.workspaceId + ", name=" + this.name
                + ", url=" + this.url + ", status=" + this.status + ", events=" + this.events
                + ", signingSecret=******, createdAt=" + this.createdAt + ", updatedAt=" + this.updatedAt
                + ", deletedAt=" + this.deletedAt + "]";
    }
}
