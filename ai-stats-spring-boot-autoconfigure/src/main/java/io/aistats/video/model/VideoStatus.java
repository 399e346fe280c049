package io.aistats.video.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A video job's public status. The vocabulary is open: a value this client does not know is carried as sent instead of
 * failing. The gateway spells "running" both {@code processing} and {@code in_progress} (OpenAI-routed jobs); use
 * {@link #normalized()} to compare statuses across spellings and aliases.
 */
public final class VideoStatus {

    /** Accepted, not yet started. */
    public static final VideoStatus QUEUED = new VideoStatus("queued");

    /** Being generated. */
    public static final VideoStatus PROCESSING = new VideoStatus("processing");

    /** Being generated (spelling of OpenAI-routed jobs; {@link #normalized()} is {@link #PROCESSING}). */
    public static final VideoStatus IN_PROGRESS = new VideoStatus("in_progress");

    /** Finished; the video can be downloaded. Terminal. */
    public static final VideoStatus COMPLETED = new VideoStatus("completed");

    /** Generation failed; the job normally carries an error. Terminal. */
    public static final VideoStatus FAILED = new VideoStatus("failed");

    /** Cancelled by the provider. Terminal. */
    public static final VideoStatus CANCELLED = new VideoStatus("cancelled");

    /** Expired at the provider. Terminal. */
    public static final VideoStatus EXPIRED = new VideoStatus("expired");

    private static final Map<String, VideoStatus> CONSTANTS = Map.of("queued", QUEUED, "processing", PROCESSING,
            "in_progress", IN_PROGRESS, "completed", COMPLETED, "failed", FAILED, "cancelled", CANCELLED,
            "expired", EXPIRED);

    /** Every spelling the gateway uses (stored, public and provider vocabularies) mapped to its canonical status. */
    private static final Map<String, VideoStatus> NORMALIZED = Map.ofEntries(Map.entry("queued", QUEUED),
            Map.entry("pending", QUEUED), Map.entry("processing", PROCESSING), Map.entry("in_progress", PROCESSING),
            Map.entry("running", PROCESSING), Map.entry("completed", COMPLETED), Map.entry("complete", COMPLETED),
            Map.entry("succeeded", COMPLETED), Map.entry("success", COMPLETED), Map.entry("failed", FAILED),
            Map.entry("error", FAILED), Map.entry("cancelled", CANCELLED), Map.entry("canceled", CANCELLED),
            Map.entry("expired", EXPIRED));

    private final String value;

    private final String key;

    private VideoStatus(String value) {
        this.value = value;
        this.key = value.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the status for a value as the gateway sends it. Known values (in any case) yield the constants; any other
     * value is kept as sent, so that a new gateway status never fails decoding.
     * @param value the status, for example {@code in_progress}
     * @return the status
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static VideoStatus of(String value) {
        Objects.requireNonNull(value, "value");
        VideoStatus constant = CONSTANTS.get(value.trim().toLowerCase(Locale.ROOT));
        return (constant != null) ? constant : new VideoStatus(value.trim());
    }

    /**
     * @return the status as sent (the canonical lower-case spelling for the known values)
     */
    @JsonValue
    public String value() {
        return this.value;
    }

    /**
     * Maps spellings and aliases to one of the seven constants, with {@code in_progress} and {@code running} becoming
     * {@link #PROCESSING}, {@code pending} becoming {@link #QUEUED}, {@code succeeded}, {@code success} and
     * {@code complete} becoming {@link #COMPLETED}, {@code error} becoming {@link #FAILED} and {@code canceled}
     * becoming {@link #CANCELLED}.
     * @return the canonical status, or this status when it is not known
     */
    public VideoStatus normalized() {
        VideoStatus normalized = NORMALIZED.get(this.key);
        return (normalized != null) ? normalized : this;
    }

    /**
     * @return whether this value (or an alias of it) belongs to the gateway's vocabulary
     */
    public boolean isKnown() {
        return NORMALIZED.containsKey(this.key);
    }

    /**
     * @return whether the job will not change any more: completed, failed, cancelled or expired (aliases included)
     */
    public boolean isTerminal() {
        VideoStatus normalized = normalized();
        return normalized == COMPLETED || normalized == FAILED || normalized == CANCELLED || normalized == EXPIRED;
    }

    /**
     * @return whether the job is still waiting or running: queued, pending, processing, in_progress or running
     */
    public boolean isActive() {
        VideoStatus normalized = normalized();
        return normalized == QUEUED || normalized == PROCESSING;
    }

    /**
     * Compares the values, ignoring case and surrounding blanks ({@code in_progress} and {@code processing} differ;
     * compare {@link #normalized()} statuses to treat them alike).
     */
    @Override
    public boolean equals(@Nullable Object other) {
        return (this == other) || (other instanceof VideoStatus status && this.key.equals(status.key));
    }

    @Override
    public int hashCode() {
        return this.key.hashCode();
    }

    @Override
    public String toString() {
        return this.value;
    }
}
