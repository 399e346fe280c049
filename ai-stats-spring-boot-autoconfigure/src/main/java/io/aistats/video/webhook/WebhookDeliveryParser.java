package io.aistats.video.webhook;

import io.aistats.video.error.MalformedWebhookPayloadException;
import io.aistats.video.event.EventSource;
import io.aistats.video.event.StatusChange;
import io.aistats.video.event.VideoJobEvent;
import io.aistats.video.event.VideoJobEvents;
import io.aistats.video.internal.json.GatewayJson;
import io.aistats.video.model.VideoJob;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Reads the body of a verified webhook delivery into a {@link VideoJobEvent}. Parse only after
 * {@link WebhookVerifier} accepted the raw bytes.
 * <p>
 * Reading is lenient: unknown members are ignored, the job data decodes forward-compatibly, and a missing
 * {@code delivery} or {@code created_at} falls back to sensible values (the event type as key, attempt 1 of
 * {@value VideoJobEvents#GATEWAY_MAX_ATTEMPTS}, the receiver's clock). Only what identifies the event is required:
 * {@code id} (at most {@value VideoJobEvents#MAX_EVENT_ID_LENGTH} characters, as the gateway sends them),
 * {@code type} and a {@code data} object with an {@code id}. Thread-safe.
 */
public final class WebhookDeliveryParser {

    private final Supplier<JsonMapper> mapper;

    private final Clock clock;

    /**
     * Creates a parser with the client's lenient mapper and the system clock; the mapper is set up on the first parse.
     */
    public WebhookDeliveryParser() {
        this.mapper = GatewayJson::mapper;
        this.clock = Clock.systemUTC();
    }

    /**
     * Creates a parser with another mapper and clock, for tests.
     * @param mapper the mapper that reads the body
     * @param clock the clock that dates events without {@code created_at}
     */
    WebhookDeliveryParser(JsonMapper mapper, Clock clock) {
        Objects.requireNonNull(mapper, "mapper");
        this.mapper = () -> mapper;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Parses a verified delivery body.
     * @param body the raw body bytes
     * @return the event, of the subtype matching its type
     * @throws MalformedWebhookPayloadException when the body is not a JSON object, lacks {@code id}, {@code type}
     * or {@code data.id}, or its {@code id} is longer than {@value VideoJobEvents#MAX_EVENT_ID_LENGTH} characters
     */
    public VideoJobEvent parse(byte[] body) {
        JsonNode root = readObject(body);
        String eventId = requiredString(root, "id");
        if (eventId.length() > VideoJobEvents.MAX_EVENT_ID_LENGTH) {
            // the gateway never sends longer ids, and unbounded ones would let a sender fill the processed-event store
            throw new MalformedWebhookPayloadException("Webhook payload 'id' has " + eventId.length()
                    + " characters, more than the gateway's " + VideoJobEvents.MAX_EVENT_ID_LENGTH, null);
        }
        String eventType = requiredString(root, "type");
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new MalformedWebhookPayloadException("Webhook payload has no 'data' object", null);
        }
        VideoJob job = readJob(data);
        if (job.id() == null || job.id().isBlank()) {
            throw new MalformedWebhookPayloadException("Webhook payload has no string member 'data.id'", null);
        }
        JsonNode delivery = root.path("delivery");
        String deliveryKey = optionalString(delivery, "key");
        Integer attempt = optionalInt(delivery, "attempt");
        Integer maxAttempts = optionalInt(delivery, "max_attempts");
        Instant createdAt = createdAt(root.get("created_at"));
        return VideoJobEvents.create(eventType, eventId, job, (deliveryKey != null) ? deliveryKey : eventType,
                (attempt != null) ? attempt : 1, (maxAttempts != null) ? maxAttempts : VideoJobEvents.GATEWAY_MAX_ATTEMPTS,
                statusChange(root.path("status_change")), EventSource.WEBHOOK, createdAt);
    }

    private JsonNode readObject(byte[] body) {
        JsonNode root;
        try {
            root = this.mapper.get().readTree(body);
        }
        catch (JacksonException ex) {
            throw new MalformedWebhookPayloadException(
                    "Webhook payload is not valid JSON (" + body.length + " bytes): " + ex.getOriginalMessage(), ex);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedWebhookPayloadException("Webhook payload is not a JSON object", null);
        }
        return root;
    }

    private VideoJob readJob(JsonNode data) {
        try {
            return this.mapper.get().treeToValue(data, VideoJob.class);
        }
        catch (JacksonException ex) {
            throw new MalformedWebhookPayloadException(
                    "Webhook payload member 'data' is not a video job: " + ex.getOriginalMessage(), ex);
        }
    }

    private static String requiredString(JsonNode node, String name) {
        String value = optionalString(node, name);
        if (value == null || value.isBlank()) {
            throw new MalformedWebhookPayloadException("Webhook payload has no string member '" + name + "'", null);
        }
        return value;
    }

    private static @Nullable String optionalString(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return (value != null && value.isString()) ? value.stringValue() : null;
    }

    private static @Nullable Integer optionalInt(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value != null && value.isNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value != null && value.isString()) {
            try {
                return Integer.valueOf(value.stringValue().trim());
            }
            catch (NumberFormatException ex) {
                return null;
            }
        }
        return null;
    }

    private static @Nullable StatusChange statusChange(JsonNode node) {
        String status = optionalString(node, "status");
        return (status != null) ? new StatusChange(optionalString(node, "previous_status"), status) : null;
    }

    private Instant createdAt(@Nullable JsonNode value) {
        Long seconds = null;
        if (value != null && value.isNumber() && value.canConvertToLong()) {
            seconds = value.longValue();
        }
        else if (value != null && value.isString()) {
            try {
                seconds = Long.valueOf(value.stringValue().trim());
            }
            catch (NumberFormatException ex) {
                // not unix seconds: date the event by the receiver's clock
            }
        }
        if (seconds != null) {
            try {
                return Instant.ofEpochSecond(seconds);
            }
            catch (DateTimeException ex) {
                // out of range: date the event by the receiver's clock
            }
        }
        return this.clock.instant();
    }
}
