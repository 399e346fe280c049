package io.aistats.video.model;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Map;

/**
 * A video job's public status, an {@link OpenEnum open vocabulary}. The gateway spells "running" both
 * {@code processing} and {@code in_progress} (OpenAI-routed jobs): these are different values, so compare
 * {@link #normalized()} statuses to treat spellings and aliases alike.
 */
public final class VideoStatus extends OpenEnum {

    private static final Constants<VideoStatus> CONSTANTS = new Constants<>(VideoStatus::new);

    /** Accepted, not yet started. */
    public static final VideoStatus QUEUED = CONSTANTS.add("queued");

    /** Being generated. */
    public static final VideoStatus PROCESSING = CONSTANTS.add("processing");

    /** Being generated (spelling of OpenAI-routed jobs; {@link #normalized()} is {@link #PROCESSING}). */
    public static final VideoStatus IN_PROGRESS = CONSTANTS.add("in_progress");

    /** Finished; the video can be downloaded. Terminal. */
    public static final VideoStatus COMPLETED = CONSTANTS.add("completed");

    /** Generation failed; the job normally carries an error. Terminal. */
    public static final VideoStatus FAILED = CONSTANTS.add("failed");

    /** Cancelled by the provider. Terminal. */
    public static final VideoStatus CANCELLED = CONSTANTS.add("cancelled");

    /** Expired at the provider. Terminal. */
    public static final VideoStatus EXPIRED = CONSTANTS.add("expired");

    /** Every spelling the gateway uses (stored, public and provider vocabularies) mapped to its canonical status. */
    private static final Map<String, VideoStatus> NORMALIZED = Map.ofEntries(Map.entry("queued", QUEUED),
            Map.entry("pending", QUEUED), Map.entry("processing", PROCESSING), Map.entry("in_progress", PROCESSING),
            Map.entry("running", PROCESSING), Map.entry("completed", COMPLETED), Map.entry("complete", COMPLETED),
            Map.entry("succeeded", COMPLETED), Map.entry("success", COMPLETED), Map.entry("failed", FAILED),
            Map.entry("error", FAILED), Map.entry("cancelled", CANCELLED), Map.entry("canceled", CANCELLED),
            Map.entry("expired", EXPIRED));

    private VideoStatus(String value) {
        super(value);
    }

    /**
     * Returns the status for a value as the gateway sends it. Known values (in any case) yield the constants; any other
     * value is kept as sent, so that a new gateway status never fails decoding.
     * @param value the status, for example {@code in_progress}
     * @return the status
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static VideoStatus of(String value) {
        return CONSTANTS.of(value);
    }

    /**
     * Maps spellings and aliases to one of the seven constants, with {@code in_progress} and {@code running} becoming
     * {@link #PROCESSING}, {@code pending} becoming {@link #QUEUED}, {@code succeeded}, {@code success} and
     * {@code complete} becoming {@link #COMPLETED}, {@code error} becoming {@link #FAILED} and {@code canceled}
     * becoming {@link #CANCELLED}.
     * @return the canonical status, or this status when it is not known
     */
    public VideoStatus normalized() {
        VideoStatus normalized = NORMALIZED.get(key());
        return (normalized != null) ? normalized : this;
    }

    /**
     * @return whether this value (or an alias of it) belongs to the gateway's vocabulary
     */
    @Override
    public boolean isKnown() {
        return NORMALIZED.containsKey(key());
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
}
