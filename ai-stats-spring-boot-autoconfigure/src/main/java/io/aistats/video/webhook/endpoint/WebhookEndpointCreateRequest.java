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
 * The body of {@code POST /webhook-endpoints}: a destination URL, an optional name and optional default events.
 * <pre>{@code
 * WebhookEndpointCreateRequest request = WebhookEndpointCreateRequest.builder()
 *         .url("https://hooks.example.com/phaseo")
 *         .name("Video callbacks")
 *         .events("video.created", "video.status_changed", "video.completed", "video.failed")
 *         .build();
 * }</pre>
 * Without events the gateway stores its default list, which subscribes video jobs to {@code video.completed},
 * {@code video.failed} and {@code video.cancelled} only.
 *
 * @param name the name (1 to 120 characters), or {@code null} for the gateway's {@code Async webhooks}
 * @param url the absolute destination URL; the gateway accepts only public {@code https} URLs
 * @param events the default events, or {@code null} for the gateway's default list
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "name", "url", "events" })
public record WebhookEndpointCreateRequest(@JsonProperty("name") @Nullable String name,
        @JsonProperty("url") String url,
        @JsonProperty("events") @Nullable List<String> events) {

    /**
     * Validates the values as the gateway's schema would.
     * @throws VideoRequestValidationException naming the offending field
     */
    public WebhookEndpointCreateRequest {
        name = WebhookEndpointRequests.name(name);
        url = WebhookEndpointRequests.url(url);
        events = WebhookEndpointRequests.events(events);
    }

    /**
     * @param url the absolute destination URL
     * @return a request with the gateway's default name and events
     * @throws VideoRequestValidationException when the URL is not absolute
     */
    public static WebhookEndpointCreateRequest of(String url) {
        return new WebhookEndpointCreateRequest(null, url, null);
    }

    /**
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link WebhookEndpointCreateRequest}; {@link #build()} validates.
     */
    public static final class Builder {

        private @Nullable String name;

        private @Nullable String url;

        private @Nullable List<String> events;

        private Builder() {
        }

        /**
         * @param name 1 to 120 characters after trimming
         * @return this builder
         */
        public Builder name(@Nullable String name) {
            this.name = name;
            return this;
        }

        /**
         * @param url the absolute destination URL, for example {@code https://hooks.example.com/phaseo}
         * @return this builder
         */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /**
         * @param events the default events, for example {@code video.completed}; replaces earlier ones
         * @return this builder
         */
        public Builder events(String... events) {
            return events(Arrays.asList(events));
        }

        /**
         * @param events the default events; empty for the gateway's default list; replaces earlier ones
         * @return this builder
         */
        public Builder events(List<String> events) {
            this.events = new ArrayList<>(events);
            return this;
        }

        /**
         * @return the request
         * @throws VideoRequestValidationException naming the first offending field
         */
        public WebhookEndpointCreateRequest build() {
            return new WebhookEndpointCreateRequest(this.name, (this.url != null) ? this.url : "", this.events);
        }
    }
}
