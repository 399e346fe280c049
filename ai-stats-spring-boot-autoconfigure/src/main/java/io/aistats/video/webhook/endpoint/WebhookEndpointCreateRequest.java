package io.aistats.video.webhook.endpoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.aistats.video.error.VideoRequestValidationException;
import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.List;

/**
 * The body of {@code POST /webhook-endpoints}: a destination URL, an optional name and optional default events.
 * <pre>{@code
 * WebhookEndpointCreateRequest request = WebhookEndpointCreateRequest.of("https://hooks.example.com/phaseo")
 *         .withName("Video callbacks")
 *         .withEvents("video.created", "video.status_changed", "video.completed", "video.failed");
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
     * @param url the absolute destination URL, for example {@code https://hooks.example.com/phaseo}
     * @return a request with the gateway's default name and events
     * @throws VideoRequestValidationException when the URL is missing or not absolute
     */
    public static WebhookEndpointCreateRequest of(String url) {
        return new WebhookEndpointCreateRequest(null, url, null);
    }

    /**
     * @param newName 1 to 120 characters after trimming, or {@code null} for the gateway's default
     * @return a copy with that name
     */
    public WebhookEndpointCreateRequest withName(@Nullable String newName) {
        return new WebhookEndpointCreateRequest(newName, this.url, this.events);
    }

    /**
     * @param newEvents the default events, for example {@code video.completed}
     * @return a copy with those events
     */
    public WebhookEndpointCreateRequest withEvents(String... newEvents) {
        return withEvents(Arrays.asList(newEvents));
    }

    /**
     * @param newEvents the default events; empty for the gateway's default list
     * @return a copy with those events
     */
    public WebhookEndpointCreateRequest withEvents(List<String> newEvents) {
        return new WebhookEndpointCreateRequest(this.name, this.url, newEvents);
    }
}
