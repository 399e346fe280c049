package io.aistats.video.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import java.util.Map;

/**
 * The primary video of a completed job ({@code asset}); present only when the provider listed outputs.
 * @param id asset id ({@code ast_...})
 * @param mimeType media type, normally {@code video/mp4}
 * @param bytes size, only when the provider returned the video inline
 * @param sha256 content hash (currently never sent)
 * @param width width in pixels (currently never sent)
 * @param height height in pixels (currently never sent)
 * @param durationSeconds duration of the video
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VideoAsset(@JsonProperty("id") @Nullable String id,
        @JsonProperty("mime_type") @Nullable String mimeType,
        @JsonProperty("bytes") @Nullable Long bytes,
        @JsonProperty("sha256") @Nullable String sha256,
        @JsonProperty("width") @Nullable Integer width,
        @JsonProperty("height") @Nullable Integer height,
        @JsonProperty("duration_seconds") @Nullable Double durationSeconds) {

    /**
     * Reads an asset from its decoded JSON members; unknown members are ignored, mistyped ones become {@code null}.
     * @param members the JSON object
     * @return the asset
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static VideoAsset fromJson(Map<String, ?> members) {
        return new VideoAsset(Wire.string(members.get("id")), Wire.string(members.get("mime_type")),
                Wire.longValue(members.get("bytes")), Wire.string(members.get("sha256")),
                Wire.integer(members.get("width")), Wire.integer(members.get("height")),
                Wire.doubleValue(members.get("duration_seconds")));
    }
}
