package io.aistats.video.webhook.endpoint;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A webhook endpoint of the workspace: where the gateway delivers job events, its default event list and its status.
 * The gateway names the members in camelCase ({@code workspaceId}, {@code hasSecret}, ...).
 * <p>
 * {@link #signingSecret()} is present only in the answers to create and rotate: the gateway never shows a secret
 * again. It is never written back when the record is serialised, and {@link #toString()} never shows it.
 *
 * @param id the endpoint id (a UUID); use it as a job's {@code webhook.endpoint_id}
 * @param workspaceId the owning workspace
 * @param name 1 to 120 characters
 * @param url the destination URL as normalised by the gateway
 * @param status {@code active}, {@code disabled} or {@code deleted} (open vocabulary)
 * @param events the default events of jobs that name no events of their own (lower case; never empty)
 * @param hasSecret whether a signing secret is stored (always, in practice)
 * @param createdBy the creating user, when known
 * @param createdAt when the endpoint was created
 * @param updatedAt when it was last changed
 * @param deletedAt when it was deleted, else {@code null}
 * @param signingSecret the {@code whsec_...} signing secret: only in create and rotate answers, else {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "id", "workspaceId", "name", "url", "status", "events", "hasSecret", "createdBy", "createdAt",
        "updatedAt", "deletedAt" })
public record WebhookEndpoint(@JsonProperty("id") String id,
        @JsonProperty("workspaceId") @Nullable String workspaceId,
        @JsonProperty("name") @Nullable String name,
        @JsonProperty("url") @Nullable String url,
        @JsonProperty("status") @Nullable WebhookEndpointStatus status,
        @JsonProperty("events") List<String> events,
        @JsonProperty("hasSecret") boolean hasSecret,
        @JsonProperty("createdBy") @Nullable String createdBy,
        @JsonProperty("createdAt") @Nullable Instant createdAt,
        @JsonProperty("updatedAt") @Nullable Instant updatedAt,
        @JsonProperty("deletedAt") @Nullable Instant deletedAt,
        @JsonProperty(value = "signing_secret", access = JsonProperty.Access.WRITE_ONLY)
        @Nullable String signingSecret) {

    /**
     * Copies the event list.
     */
    public WebhookEndpoint {
        events = (events != null) ? List.copyOf(events) : List.of();
    }

    /**
     * Reads an endpoint record from its decoded JSON members; unknown members are ignored and members of an
     * unexpected type read as absent.
     * @param members the JSON object
     * @return the endpoint
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static WebhookEndpoint fromJson(Map<String, ?> members) {
        String status = WebhookEndpointJson.string(members.get("status"));
        String id = WebhookEndpointJson.string(members.get("id"));
        return new WebhookEndpoint((id != null) ? id : "", WebhookEndpointJson.string(members.get("workspaceId")),
                WebhookEndpointJson.string(members.get("name")), WebhookEndpointJson.string(members.get("url")),
                (status != null) ? WebhookEndpointStatus.of(status) : null,
                WebhookEndpointJson.strings(members.get("events")),
                WebhookEndpointJson.isTrue(members.get("hasSecret")),
                WebhookEndpointJson.string(members.get("createdBy")),
                WebhookEndpointJson.instant(members.get("createdAt")),
                WebhookEndpointJson.instant(members.get("updatedAt")),
                WebhookEndpointJson.instant(members.get("deletedAt")),
                WebhookEndpointJson.string(members.get("signing_secret")));
    }

    /**
     * @return whether the endpoint receives deliveries and may be referenced by new jobs
     */
    public boolean isActive() {
        return this.status != null && this.status.isActive();
    }

    /**
     * @return a copy without the signing secret, for storing or showing
     */
    public WebhookEndpoint withoutSigningSecret() {
        return new WebhookEndpoint(this.id, this.workspaceId, this.name, this.url, this.status, this.events,
                this.hasSecret, this.createdBy, this.createdAt, this.updatedAt, this.deletedAt, null);
    }

    @Override
    public String toString() {
        return "WebhookEndpoint{id=" + this.id + ", workspaceId=" + this.workspaceId + ", name=" + this.name
                + ", url=" + this.url + ", status=" + this.status + ", events=" + this.events + ", hasSecret="
                + this.hasSecret + ", createdBy=" + this.createdBy + ", createdAt=" + this.createdAt
                + ", updatedAt=" + this.updatedAt + ", deletedAt=" + this.deletedAt + ", signingSecret="
                + ((this.signingSecret != null) ? "******" : "none") + "}";
    }
}
