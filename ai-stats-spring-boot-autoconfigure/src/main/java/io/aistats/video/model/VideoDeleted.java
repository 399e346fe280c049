package io.aistats.video.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import java.util.Map;

/**
 * The gateway's confirmation of {@code DELETE /videos/{id}}. The job is tombstoned: it stays in lists.
 * @param id the deleted video's id
 * @param object {@code video.deleted}
 * @param deleted {@code true}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VideoDeleted(@JsonProperty("id") @Nullable String id,
        @JsonProperty("object") @Nullable String object,
        @JsonProperty("deleted") boolean deleted) {

    /**
     * Reads the confirmation from its decoded JSON members; unknown members are ignored.
     * @param members the JSON object
     * @return the confirmation
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static VideoDeleted fromJson(Map<String, ?> members) {
        return new VideoDeleted(Wire.string(members.get("id")), Wire.string(members.get("object")),
                Boolean.TRUE.equals(Wire.bool(members.get("deleted"))));
    }
}
