package io.aistats.test;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Normalisation of webhook event names for video jobs (§6.2): trimmed, lower case, {@code canceled} spelled
 * {@code cancelled}, bare phases prefixed with {@code job.}; only {@code job.<phase>} and {@code video.<phase>} are
 * valid.
 */
final class VideoWebhookEvents {

    /** The phases a video job passes through. */
    static final Set<String> PHASES =
            Set.of("created", "status_changed", "progress", "completed", "failed", "cancelled", "expired");

    private VideoWebhookEvents() {
    }

    /**
     * @param event an event name as configured
     * @return the normalised name, or {@code null} when it is not valid for video
     */
    static @Nullable String normalize(String event) {
        String name = JsText.trim(event).toLowerCase(Locale.ROOT);
        if (name.equals("canceled") || name.endsWith(".canceled")) {
            name = name.substring(0, name.length() - "canceled".length()) + "cancelled";
        }
        if (PHASES.contains(name)) {
            return "job." + name;
        }
        int dot = name.indexOf('.');
        if (dot > 0) {
            String namespace = name.substring(0, dot);
            String phase = name.substring(dot + 1);
            if (("job".equals(namespace) || "video".equals(namespace)) && PHASES.contains(phase)) {
                return name;
            }
        }
        return null;
    }

    /**
     * @param events configured names
     * @return the valid ones, normalised, in order, without duplicates
     */
    static List<String> normalizeAll(List<String> events) {
        List<String> valid = new ArrayList<>();
        for (String event : events) {
            String normalized = normalize(event);
            if (normalized != null && !valid.contains(normalized)) {
                valid.add(normalized);
            }
        }
        return valid;
    }
}
