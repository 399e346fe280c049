package io.aistats.video.event;

import io.aistats.video.model.VideoStatus;

import java.util.Locale;

/**
 * Maps an observed public status back to the gateway's stored vocabulary, in which webhook
 * {@code video.status_changed} delivery keys are written ({@code video.status_changed:<previous>:<next>}):
 * <table>
 * <caption>Public status to stored status</caption>
 * <tr><th>public (stream, GET)</th><th>stored</th></tr>
 * <tr><td>{@code queued}</td><td>{@code queued}</td></tr>
 * <tr><td>{@code processing}, {@code in_progress}</td><td>{@code in_progress}</td></tr>
 * <tr><td>{@code completed}, {@code failed}, {@code cancelled}, {@code expired}</td><td>the same</td></tr>
 * <tr><td>anything else</td><td>the value, trimmed and in lower case</td></tr>
 * </table>
 * The public vocabulary loses information, so the result can differ from what the gateway stored: a stored
 * {@code pending} is shown as {@code queued} (the gateway's key then reads {@code pending}), and a provider spelling
 * the gateway stores unchanged (for example {@code running}) comes back as {@code in_progress}. An observed
 * transition then gets a different event id than the webhook for it; the {@link VideoJobEventDispatcher} reads both
 * spellings as one ({@link VideoJobEvents#deduplicationId}), so that a listener still sees the transition once.
 */
public final class StoredStatuses {

    private StoredStatuses() {
    }

    /**
     * @param status a public status as observed
     * @return the stored status the gateway most likely recorded
     */
    public static String fromPublic(VideoStatus status) {
        VideoStatus normalized = status.normalized();
        if (normalized == VideoStatus.PROCESSING) {
            return "in_progress";
        }
        if (normalized == VideoStatus.QUEUED || normalized.isTerminal()) {
            return normalized.value();
        }
        return status.value().trim().toLowerCase(Locale.ROOT);
    }
}
