package io.aistats.video.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Map;

/**
 * One generated video of a job ({@code outputs[]}). Which URLs are present depends on the job's output access.
 * @param index position, from 0
 * @param mimeType media type, normally {@code video/mp4}
 * @param bytesAvailable whether the provider returned the video inline
 * @param contentUrl authenticated URL of the bytes (output access {@code bytes} or {@code both})
 * @param downloadUrl signed, expiring URL (output access {@code signed_url} or {@code both}, once completed)
 * @param expiresAt when {@code downloadUrl} stops working
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VideoOutput(@JsonProperty("index") @Nullable Integer index,
        @JsonProperty("mime_type") @Nullable String mimeType,
        @JsonProperty("bytes_available") @Nullable Boolean bytesAvailable,
        @JsonProperty("content_url") @Nullable String contentUrl,
        @JsonProperty("download_url") @Nullable String downloadUrl,
        @JsonProperty("expires_at") @Nullable Instant expiresAt) {

    /**
     * Reads an output from its decoded JSON members; unknown members are ignored, mistyped ones become {@code null}.
     * @param members the JSON object
     * @return the output
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static VideoOutput fromJson(Map<String, ?> members) {
        return new VideoOutput(Wire.integer(members.get("index")), Wire.string(members.get("mime_type")),
                Wire.bool(members.get("bytes_available")), Wire.string(members.get("content_url")),
                Wire.string(members.get("download_url")), Wire.instant(members.get("expires_at")));
    }

    /** The components, with the signed URL's query left out because it grants access to the video. */
    @Override
    public String toString() {
        return "VideoOutput[index=" + this.index + ", mimeType=" + this.mimeType + ", bytesAvailable="
                + this.bytesAvailable + ", contentUrl=" + this.contentUrl + ", downloadUrl="
                + Wire.redactQuery(this.downloadUrl) + ", expiresAt=" + this.expiresAt + "]";
    }
}
