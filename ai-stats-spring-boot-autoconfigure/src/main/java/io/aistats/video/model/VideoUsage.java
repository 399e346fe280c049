package io.aistats.video.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A job's free-form {@code usage} object with its common members typed. Informational: use {@link VideoBilling} for
 * accounting. Serialises back to the members as sent.
 * @param raw every member as sent (unmodifiable)
 */
public record VideoUsage(@JsonValue Map<String, Object> raw) {

    /** Keeps an unmodifiable deep copy of the members; {@code null} means none. */
    public VideoUsage {
        raw = Wire.objectOrEmpty(raw);
    }

    /**
     * Reads usage from its decoded JSON members; every member is kept.
     * @param members the JSON object
     * @return the usage
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    @SuppressWarnings("unchecked")
    public static VideoUsage fromJson(Map<String, ?> members) {
        // only read: the constructor keeps a copy
        return new VideoUsage((Map<String, Object>) members);
    }

    /**
     * @return seconds of video produced ({@code output_video_seconds})
     */
    public @Nullable Double outputVideoSeconds() {
        return Wire.doubleValue(this.raw.get("output_video_seconds"));
    }

    /**
     * @return cost in USD ({@code cost_usd}, else {@code costUsd}); before completion it may be the reserved amount
     */
    public @Nullable BigDecimal costUsd() {
        return Wire.decimal(Wire.first(this.raw, "cost_usd", "costUsd"));
    }

    /**
     * @return whether the job ran on the workspace's own provider key ({@code is_byok})
     */
    public @Nullable Boolean byok() {
        return Wire.bool(this.raw.get("is_byok"));
    }
}
