package io.aistats.video.webhook.endpoint;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.aistats.video.model.OpenEnum;

/**
 * The status of a webhook endpoint, an {@link OpenEnum open vocabulary}.
 */
public final class WebhookEndpointStatus extends OpenEnum {

    private static final Constants<WebhookEndpointStatus> CONSTANTS = new Constants<>(WebhookEndpointStatus::new);

    /** Receives deliveries and may be referenced by new jobs. */
    public static final WebhookEndpointStatus ACTIVE = CONSTANTS.add("active");

    /** Switched off: receives nothing, pending retries are dropped, new jobs may not reference it. */
    public static final WebhookEndpointStatus DISABLED = CONSTANTS.add("disabled");

    /** Soft-deleted: listed only on request, never delivered to again. */
    public static final WebhookEndpointStatus DELETED = CONSTANTS.add("deleted");

    private WebhookEndpointStatus(String value) {
        super(value);
    }

    /**
     * Returns the status for a value as the gateway sends it: known values (in any case) yield the constants, any
     * other value is kept as sent.
     * @param value the status, for example {@code active}
     * @return the status
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static WebhookEndpointStatus of(String value) {
        return CONSTANTS.of(value);
    }

    /**
     * @return whether this is one of the three documented values
     */
    @Override
    public boolean isKnown() {
        return CONSTANTS.contains(this);
    }

    /**
     * @return whether the endpoint receives deliveries
     */
    public boolean isActive() {
        return ACTIVE.equals(this);
    }
}
