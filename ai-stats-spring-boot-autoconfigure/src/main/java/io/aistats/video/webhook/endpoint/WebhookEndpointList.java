package io.aistats.video.webhook.endpoint;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One page of {@code GET /webhook-endpoints}, newest first. The gateway sends no {@code has_more}: a page shorter
 * than the requested limit is the last one.
 * @param object {@code list}
 * @param data the endpoints of this page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookEndpointList(@JsonProperty("object") @Nullable String object,
        @JsonProperty("data") List<WebhookEndpoint> data) {

    /**
     * Copies the endpoints.
     */
    public WebhookEndpointList {
        data = (data != null) ? List.copyOf(data) : List.of();
    }

    /**
     * Reads a page from its decoded JSON members; unknown members are ignored.
     * @param members the JSON object
     * @return the page
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static WebhookEndpointList fromJson(Map<String, ?> members) {
        List<WebhookEndpoint> endpoints = new ArrayList<>();
        if (members.get("data") instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> map) {
                    @SuppressWarnings("unchecked")
                    Map<String, ?> endpoint = (Map<String, ?>) map;
                    endpoints.add(WebhookEndpoint.fromJson(endpoint));
                }
            }
        }
        return new WebhookEndpointList(WebhookEndpointJson.string(members.get("object")), endpoints);
    }

    /**
     * @return whether the page holds no endpoints
     */
    @JsonIgnore
    public boolean isEmpty() {
        return this.data.isEmpty();
    }
}
