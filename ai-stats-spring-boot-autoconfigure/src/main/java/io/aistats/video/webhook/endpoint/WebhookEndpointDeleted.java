package io.aistats.video.webhook.endpoint;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import java.util.Map;

/**
 * The gateway's confirmation of {@code DELETE /webhook-endpoints/{id}}. The endpoint is soft-deleted: it is listed
 * with {@code include_deleted=true} and receives nothing any more.
 * @param id the deleted endpoint's id
 * @param object {@code webhook_endpoint}
 * @param deleted {@code true}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookEndpointDeleted(@JsonProperty("id") @Nullable String id,
        @JsonProperty("object") @Nullable String object,
        @JsonProperty("deleted") boolean deleted) {

    /**
     * Reads the confirmation from its decoded JSON members; unknown members are ignored.
     * @param members the JSON object
     * @return the confirmation
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static WebhookEndpointDeleted fromJson(Map<String, ?> members) {
        return new WebhookEndpointDeleted(WebhookEndpointJson.string(members.get("id")),
                WebhookEndpointJson.string(members.get("object")), WebhookEndpointJson.isTrue(members.get("deleted")));
    }
}
