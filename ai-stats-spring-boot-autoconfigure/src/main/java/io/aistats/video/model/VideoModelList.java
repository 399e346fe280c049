package io.aistats.video.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/**
 * The video model catalogue ({@code GET /videos/models}); not paginated.
 * @param object {@code list}
 * @param data the active video models
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VideoModelList(@JsonProperty("object") @Nullable String object,
        @JsonProperty("data") List<VideoModel> data) {

    /** Copies the collections; {@code null} ones become empty. */
    public VideoModelList {
        data = Wire.copyOrEmpty(data);
    }

    /**
     * Reads the catalogue from its decoded JSON members; unknown members are ignored.
     * @param members the JSON object
     * @return the catalogue
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static VideoModelList fromJson(Map<String, ?> members) {
        return new VideoModelList(Wire.string(members.get("object")),
                Wire.objects(members.get("data"), VideoModel::fromJson));
    }
}
