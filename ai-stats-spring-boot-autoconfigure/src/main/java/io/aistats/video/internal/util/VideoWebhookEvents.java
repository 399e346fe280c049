package io.aistats.video.internal.util;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Webhook event names of video jobs and the gateway's normalisation of subscription lists. Each phase has a generic
 * name ({@code job.completed}) and a specific one ({@code video.completed}); deliveries always carry the specific one.
 */
public final class VideoWebhookEvents {

    /** The phases of a job that produce events. */
    public static final List<String> PHASES = List.of("created", "status_changed", "progress", "completed", "failed",
            "cancelled", "expired");

    private static final Set<String> PHASE_SET = Set.copyOf(PHASES);

    private VideoWebhookEvents() {
    }

    /**
     * Normalises one subscription entry as the gateway does: trimmed (with JavaScript's rules, so a trailing
     * no-break space goes too) and lower-cased, {@code canceled} spelled
     * {@code cancelled}, a bare phase prefixed with {@code job.}.
     * @param event an entry such as {@code Completed}, {@code job.canceled} or {@code video.progress}
     * @return the normalised name, or {@code null} when the entry is not valid for video jobs
     */
    public static @Nullable String normalize(@Nullable String event) {
        if (event == null) {
            return null;
        }
        String name = JsStrings.trim(event).toLowerCase(Locale.ROOT);
        String prefix = "job.";
        if (name.startsWith("job.") || name.startsWith("video.")) {
            prefix = name.substring(0, name.indexOf('.') + 1);
            name = name.substring(prefix.length());
        }
        if (name.equals("canceled")) {
            name = "cancelled";
        }
        return PHASE_SET.contains(name) ? prefix + name : null;
    }

    /**
     * Normalises a subscription list, dropping entries that are not valid for video jobs and duplicates.
     * @param events the entries
     * @return the valid entries, normalised, in their first order
     */
    public static List<String> normalizeAll(Collection<String> events) {
        List<String> normalized = new ArrayList<>(events.size());
        for (String event : events) {
            String name = normalize(event);
            if (name != null && !normalized.contains(name)) {
                normalized.add(name);
            }
        }
        return List.copyOf(normalized);
    }
}
