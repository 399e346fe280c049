package io.aistats.test;

import java.util.Locale;
import java.util.Set;

/**
 * The gateway's status vocabularies (§4.2) and the mappings between them. Statuses stay strings, as on the wire.
 */
final class StoredStatus {

    static final String QUEUED = "queued";

    static final String IN_PROGRESS = "in_progress";

    static final String COMPLETED = "completed";

    static final String FAILED = "failed";

    static final String CANCELLED = "cancelled";

    static final String EXPIRED = "expired";

    private static final Set<String> TERMINAL = Set.of(COMPLETED, FAILED, CANCELLED, EXPIRED);

    private StoredStatus() {
    }

    /** @return whether a job in this stored status never changes again */
    static boolean isTerminal(String stored) {
        return TERMINAL.contains(stored);
    }

    /**
     * Public status without the OpenAI exception: the vocabulary of webhook/WebSocket data and of error bodies.
     * @param stored a stored or provider status
     * @return {@code queued}, {@code processing}, {@code completed}, {@code failed}, {@code cancelled} or
     * {@code expired}
     */
    static String neutralPublic(String stored) {
        return switch (stored.toLowerCase(Locale.ROOT)) {
            case "completed", "succeeded", "success" -> COMPLETED;
            case "cancelled", "canceled" -> CANCELLED;
            case "expired" -> EXPIRED;
            case "failed", "error" -> FAILED;
            case "in_progress", "processing", "running" -> "processing";
            default -> QUEUED;
        };
    }

    /**
     * Public status of GET and list: like {@link #neutralPublic(String)} but {@code in_progress} for OpenAI.
     * @param stored the stored status
     * @param openAi whether the job is OpenAI-routed
     * @return the public status
     */
    static String publicStatus(String stored, boolean openAi) {
        String status = neutralPublic(stored);
        return openAi && "processing".equals(status) ? IN_PROGRESS : status;
    }

    /**
     * @param publicStatus a public status
     * @return the matching {@code lifecycle_status}
     */
    static String lifecycle(String publicStatus) {
        return switch (publicStatus) {
            case "queued" -> "pending";
            case "processing", "in_progress" -> "running";
            default -> publicStatus;
        };
    }

    /**
     * Expands one list-filter value (§3.2) to the stored statuses it selects.
     * @param filter a trimmed, lower-case filter value
     * @return the stored statuses, empty for an unknown value
     */
    static Set<String> filterAliases(String filter) {
        return switch (filter) {
            case "queued", "pending" -> Set.of(QUEUED, "pending");
            case "processing", "in_progress", "running" -> Set.of(IN_PROGRESS, "processing", "running");
            case "completed", "complete", "success", "succeeded" -> Set.of(COMPLETED);
            case "failed", "error" -> Set.of(FAILED);
            case "cancelled", "canceled" -> Set.of(CANCELLED);
            case "expired" -> Set.of(EXPIRED);
            default -> Set.of();
        };
    }
}
