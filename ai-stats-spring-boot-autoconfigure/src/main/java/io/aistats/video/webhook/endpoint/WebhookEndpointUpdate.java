package io.aistats.video.webhook.endpoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.aistats.video.error.VideoRequestValidationException;
import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.List;

/**
 * The body of {@code PATCH /webhook-endpoints/{id}}: only the members that are set are changed. An empty update is
 * valid and only bumps {@code updatedAt}.
 * <pre>{@code
 * endpoints.update(id, WebhookEndpointUpdate.empty().withStatus(WebhookEndpointStatus.DISABLED));
 * }</pre>
 * Disabling an endpoint stops its deliveries at once, drops its pending retries and makes new jobs that reference it
 * fail.
 *
 * @param name the new name (1 to 120 characters), or {@code null} to keep it
 * @param url the new absolute URL, or {@code null} to keep it
 * @param events the new default events, {@code []} for the gateway's default list, or {@code null} to keep them
 * @param status {@code active} or {@code disabled}, or {@code null} to keep it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "name", "url", "events", "status" })
public record WebhookEndpointUpdate(@JsonProperty("name") @Nullable String name,
        @JsonProperty("url") @Nullable String url,
        @JsonProperty("events") @Nullable List<String> events,
        @JsonProperty("status") @Nullable WebhookEndpointStatus status) {

    private static final WebhookEndpointUpdate EMPTY = new WebhookEndpointUpdate(null, null, null, null);

    /**
     * Validates the values as the gateway's schema would.
     * @throws VideoRequestValidationException naming the offending field
     */
    public WebhookEndpointUpdate {
        name = WebhookEndpointRequests.name(name);
        url = (url != null) ? WebhookEndpointRequests.url(url) : null;
        events = WebhookEndpointRequests.events(events);
        if (status != null && !WebhookEndpointStatus.ACTIVE.equals(status)
                && !WebhookEndpointStatus.DISABLED.equals(status)) {
            throw new VideoRequestValidationException("status", "must be active or disabled but was '" + status + "'");
        }
    }

    /**
     * @return an update that changes nothing, to start from
     */
    public static WebhookEndpointUpdate empty() {
        return EMPTY;
    }

    /**
     * @param newName 1 to 120 characters after trimming, or {@code null} to keep the name
     * @return a copy with that name
     */
    public WebhookEndpointUpdate withName(@Nullable String newName) {
        return new WebhookEndpointUpdate(newName, this.url, this.events, this.status);
    }

    /**
     * @param newUrl the new absolute destination URL, or {@code null} to keep it
     * @return a copy with that URL
     */
    public WebhookEndpointUpdate withUrl(@Nullable String newUrl) {
        return new WebhookEndpointUpdate(this.name, newUrl, this.events, this.status);
    }

    /**
     * @param newEvents the new default events
     * @return a copy with those events
     */
    public WebhookEndpointUpdate withEvents(String... newEvents) {
        return withEvents(Arrays.asList(newEvents));
    }

    /**
     * @param newEvents the new default events; empty resets them to the gateway's default list
     * @return a copy with those events
     */
    public WebhookEndpointUpdate withEvents(List<String> newEvents) {
        return new WebhookEndpointUpdate(this.name, this.url, newEvents, this.status);
    }

    /**
     * @return a copy that resets the default events to the gateway's default list
     */
    public WebhookEndpointUpdate withDefaultEvents() {
        return withEvents(List.of());
    }

    /**
     * @param newStatus {@link WebhookEndpointStatus#ACTIVE} or {@link WebhookEndpointStatus#DISABLED}, or
     * {@code null} to keep the status
     * @return a copy with that status
     */
    public WebhookEndpointUpdate withStatus(@Nullable WebhookEndpointStatus newStatus) {
        return new WebhookEndpointUpdate(this.name, this.url, this.events, newStatus);
    }
}
