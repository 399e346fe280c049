package io.aistats.video.webhook.endpoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.aistats.video.error.VideoRequestValidationException;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The body of {@code PATCH /webhook-endpoints/{id}}: only the members that are set are changed. An empty update is
 * valid and only bumps {@code updatedAt}.
 * <pre>{@code
 * endpoints.update(id, WebhookEndpointUpdate.builder().status(WebhookEndpointStatus.DISABLED).build());
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
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link WebhookEndpointUpdate}; {@link #build()} validates.
     */
    public static final class Builder {

        private @Nullable String name;

        private @Nullable String url;

        private @Nullable List<String> events;

        private @Nullable WebhookEndpointStatus status;

        private Builder() {
        }

        /**
         * @param name 1 to 120 characters after trimming
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * @param url the new absolute destination URL
         * @return this builder
         */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /**
         * @param events the new default events; replaces earlier ones
         * @return this builder
         */
        public Builder events(String... events) {
            return events(Arrays.asList(events));
        }

        /**
         * @param events the new default events; empty resets them to the gateway's default list
         * @return this builder
         */
        public Builder events(List<String> events) {
            this.events = new ArrayList<>(events);
            return this;
        }

        /**
         * Resets the default events to the gateway's default list.
         * @return this builder
         */
        public Builder resetEvents() {
            this.events = new ArrayList<>();
            return this;
        }

        /**
         * @param status {@link WebhookEndpointStatus#ACTIVE} or {@link WebhookEndpointStatus#DISABLED}
         * @return this builder
         */
        public Builder status(WebhookEndpointStatus status) {
            this.status = status;
            return this;
        }

        /**
         * @return the update
         * @throws VideoRequestValidationException naming the first offending field
         */
        public WebhookEndpointUpdate build() {
            return new WebhookEndpointUpdate(this.name, this.url, this.events, this.status);
        }
    }
}
