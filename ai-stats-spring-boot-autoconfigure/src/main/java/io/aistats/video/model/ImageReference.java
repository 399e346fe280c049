package io.aistats.video.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * The create request's single image input ({@code input_reference}): exactly one of an uploaded file's id or an image
 * URL (a public {@code https:} URL or a {@code data:} URL). A {@link VideoGenerationRequest} refuses references with
 * both or neither.
 * @param fileId id of an uploaded file
 * @param imageUrl URL of the image
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "file_id", "image_url" })
public record ImageReference(@JsonProperty("file_id") @Nullable String fileId,
        @JsonProperty("image_url") @Nullable String imageUrl) {

    /**
     * @param fileId id of an uploaded file
     * @return the reference
     */
    public static ImageReference ofFileId(String fileId) {
        return new ImageReference(fileId, null);
    }

    /**
     * @param imageUrl an {@code https:} or {@code data:} URL of the image
     * @return the reference
     */
    public static ImageReference ofImageUrl(String imageUrl) {
        return new ImageReference(null, imageUrl);
    }

    /** The components, with a long URL (such as a {@code data:} URL) shortened. */
    @Override
    public String toString() {
        String url = this.imageUrl;
        if (url != null && url.length() > 200) {
            url = url.substring(0, 60) + "...(" + url.length() + " characters)";
        }
        return "ImageReference[fileId=" + this.fileId + ", imageUrl=" + url + "]";
    }
}
