package io.aistats.video.webhook.endpoint;

import io.aistats.video.internal.json.GatewayTimestamps;
import org.jspecify.annotations.Nullable;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Lenient reading of decoded webhook endpoint JSON (maps, lists, strings, booleans): a member of an unexpected type
 * reads as absent rather than failing, so that a gateway change never breaks decoding.
 */
final class WebhookEndpointJson {

    private WebhookEndpointJson() {
    }

    static @Nullable String string(@Nullable Object value) {
        return (value instanceof String text) ? text : null;
    }

    static boolean isTrue(@Nullable Object value) {
        return Boolean.TRUE.equals(value);
    }

    static List<String> strings(@Nullable Object value) {
        List<String> strings = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof String text) {
                    strings.add(text);
                }
            }
        }
        return List.copyOf(strings);
    }

    static @Nullable Instant instant(@Nullable Object value) {
        if (!(value instanceof String text) || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim(), GatewayTimestamps.ISO_OPTIONAL_OFFSET).toInstant();
        }
        catch (DateTimeException ex) {
            return null;
        }
    }
}
