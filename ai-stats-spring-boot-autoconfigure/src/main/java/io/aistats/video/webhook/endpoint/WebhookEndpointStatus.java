package io.aistats.video.webhook.endpoint;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The status of a webhook endpoint. The vocabulary is open: a value this client does not know is carried as sent
 * instead of failing.
 */
public final class WebhookEndpointStatus {

    /** Receives deliveries and may be referenced by new jobs. */
    public static final WebhookEndpointStatus ACTIVE = new WebhookEndpointStatus("active");

    /** Switched off: receives nothing, pending retries are dropped, new jobs may not reference it. */
    public static final WebhookEndpointStatus DISABLED = new WebhookEndpointStatus("disabled");

    /** Soft-deleted: listed only on request, never delivered to again. */
    public static final WebhookEndpointStatus DELETED = new WebhookEndpointStatus("deleted");

    private static final Map<String, WebhookEndpointStatus> CONSTANTS = Map.of("active", ACTIVE, "disabled", DISABLED,
            "deleted", DELETED);

    private final String value;

    private WebhookEndpointStatus(String value) {
        this.value = value;
    }

    /**
     * Returns the status for a value as the gateway sends it: known values (in any case) yield the constants, any
     * other value is kept as sent.
     * @param value the status, for example {@code active}
     * @return the status
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static WebhookEndpointStatus of(String value) {
        Objects.requireNonNull(value, "value");
        WebhookEndpointStatus constant = CONSTANTS.get(value.trim().toLowerCase(Locale.ROOT));
        return (constant != null) ? constant : new WebhookEndpointStatus(value.trim());
    }

    /**
     * @return the status as sent (lower case for the known values)
     */
    @JsonValue
    public String value() {
        return this.value;
    }

    /**
     * @return whether the endpoint receives deliveries
     */
    public boolean isActive() {
        return ACTIVE.equals(this);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof WebhookEndpointStatus status && this.value.equalsIgnoreCase(status.value);
    }

    @Override
    public int hashCode() {
        return this.value.toLowerCase(Locale.ROOT).hashCode();
    }

    @Override
    public String toString() {
        return this.value;
    }
}
