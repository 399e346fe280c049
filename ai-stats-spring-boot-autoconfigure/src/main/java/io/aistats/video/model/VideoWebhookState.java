package io.aistats.video.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A job's webhook configuration and delivery telemetry ({@code webhook}); present when the job was created with a
 * webhook. The signing secret is never exposed.
 * @param endpointId UUID of the webhook endpoint
 * @param url always {@code null} for endpoint-based configuration
 * @param events the job's own event list after normalisation; empty when the endpoint's list applies
 * @param hasSecret whether deliveries are signed
 * @param delivery delivery counters
 * @param attempts the last (up to 10) delivery attempts, oldest first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VideoWebhookState(@JsonProperty("endpoint_id") @Nullable String endpointId,
        @JsonProperty("url") @Nullable String url,
        @JsonProperty("events") List<String> events,
        @JsonProperty("has_secret") @Nullable Boolean hasSecret,
        @JsonProperty("delivery") @Nullable Delivery delivery,
        @JsonProperty("attempts") List<Attempt> attempts) {

    /** Copies the collections; {@code null} ones become empty. */
    public VideoWebhookState {
        events = Wire.copyOrEmpty(events);
        attempts = Wire.copyOrEmpty(attempts);
    }

    /**
     * Reads the webhook state from its decoded JSON members; unknown members are ignored.
     * @param members the JSON object
     * @return the state
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static VideoWebhookState fromJson(Map<String, ?> members) {
        return new VideoWebhookState(Wire.string(members.get("endpoint_id")), Wire.string(members.get("url")),
                Wire.stringsOrEmpty(members.get("events")), Wire.bool(members.get("has_secret")),
                Wire.objectOrNull(members.get("delivery"), Delivery::fromJson),
                Wire.objects(members.get("attempts"), Attempt::fromJson));
    }

    /**
     * Delivery counters of a job's webhook ({@code webhook.delivery}).
     * @param totalAttempts attempts recorded
     * @param deliveredEvents delivery keys delivered
     * @param deliveredEventTypes the delivered delivery keys, sorted
     * @param pendingRetries retries scheduled
     * @param nextRetryAt next scheduled retry
     * @param lastAttemptAt time of the last attempt
     * @param lastAttemptStatus {@code delivered}, {@code scheduled_retry} or {@code failed_permanently}
     * @param lastResponseStatus receiver's HTTP status of the last attempt ({@code null} for network errors)
     * @param lastDeliveredAt time of the last successful delivery
     * @param lastFailureAt time of the last failure
     * @param lastErrorMessage message of the last failure
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delivery(@JsonProperty("total_attempts") @Nullable Integer totalAttempts,
            @JsonProperty("delivered_events") @Nullable Integer deliveredEvents,
            @JsonProperty("delivered_event_types") List<String> deliveredEventTypes,
            @JsonProperty("pending_retries") @Nullable Integer pendingRetries,
            @JsonProperty("next_retry_at") @Nullable Instant nextRetryAt,
            @JsonProperty("last_attempt_at") @Nullable Instant lastAttemptAt,
            @JsonProperty("last_attempt_status") @Nullable String lastAttemptStatus,
            @JsonProperty("last_response_status") @Nullable Integer lastResponseStatus,
            @JsonProperty("last_delivered_at") @Nullable Instant lastDeliveredAt,
            @JsonProperty("last_failure_at") @Nullable Instant lastFailureAt,
            @JsonProperty("last_error_message") @Nullable String lastErrorMessage) {

        /** Copies the collections; {@code null} ones become empty. */
        public Delivery {
            deliveredEventTypes = Wire.copyOrEmpty(deliveredEventTypes);
        }

        /**
         * Reads delivery counters from their decoded JSON members; unknown members are ignored.
         * @param members the JSON object
         * @return the counters
         */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Delivery fromJson(Map<String, ?> members) {
            return new Delivery(Wire.integer(members.get("total_attempts")),
                    Wire.integer(members.get("delivered_events")),
                    Wire.stringsOrEmpty(members.get("delivered_event_types")),
                    Wire.integer(members.get("pending_retries")), Wire.instant(members.get("next_retry_at")),
                    Wire.instant(members.get("last_attempt_at")), Wire.string(members.get("last_attempt_status")),
                    Wire.integer(members.get("last_response_status")), Wire.instant(members.get("last_delivered_at")),
                    Wire.instant(members.get("last_failure_at")), Wire.string(members.get("last_error_message")));
        }
    }

    /**
     * One webhook delivery attempt ({@code webhook.attempts[]}).
     * @param id {@code {delivery_key}:{attempt_number}:{tried_at}}
     * @param deliveryKey the delivery key, for example {@code video.status_changed:queued:in_progress}
     * @param eventType the event type, for example {@code video.status_changed}
     * @param status {@code delivered}, {@code scheduled_retry} or {@code failed_permanently}
     * @param attemptNumber 1-based attempt number
     * @param maxAttempts attempts allowed (4)
     * @param triedAt when the attempt was made
     * @param deliveredAt when it was delivered
     * @param nextRetryAt when it will be retried
     * @param responseStatus receiver's HTTP status ({@code null} for network errors)
     * @param errorMessage why it failed
     * @param responseBodyPreview the first 500 characters of the receiver's answer
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attempt(@JsonProperty("id") @Nullable String id,
            @JsonProperty("delivery_key") @Nullable String deliveryKey,
            @JsonProperty("event_type") @Nullable String eventType,
            @JsonProperty("status") @Nullable String status,
            @JsonProperty("attempt_number") @Nullable Integer attemptNumber,
            @JsonProperty("max_attempts") @Nullable Integer maxAttempts,
            @JsonProperty("tried_at") @Nullable Instant triedAt,
            @JsonProperty("delivered_at") @Nullable Instant deliveredAt,
            @JsonProperty("next_retry_at") @Nullable Instant nextRetryAt,
            @JsonProperty("response_status") @Nullable Integer responseStatus,
            @JsonProperty("error_message") @Nullable String errorMessage,
            @JsonProperty("response_body_preview") @Nullable String responseBodyPreview) {

        /**
         * Reads an attempt from its decoded JSON members; unknown members are ignored.
         * @param members the JSON object
         * @return the attempt
         */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Attempt fromJson(Map<String, ?> members) {
            return new Attempt(Wire.string(members.get("id")), Wire.string(members.get("delivery_key")),
                    Wire.string(members.get("event_type")), Wire.string(members.get("status")),
                    Wire.integer(members.get("attempt_number")), Wire.integer(members.get("max_attempts")),
                    Wire.instant(members.get("tried_at")), Wire.instant(members.get("delivered_at")),
                    Wire.instant(members.get("next_retry_at")), Wire.integer(members.get("response_status")),
                    Wire.string(members.get("error_message")), Wire.string(members.get("response_body_preview")));
        }
    }
}
