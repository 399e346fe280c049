package io.aistats.video.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/**
 * One page of {@code GET /videos}. The gateway lists only a window of the 101 most recently updated jobs, so
 * {@code hasMore} describes that window.
 * @param object {@code list}
 * @param data the jobs of this page
 * @param firstId id of the first job of {@code data}, {@code null} when empty
 * @param lastId id of the last job of {@code data} (the {@code after} of the next page), {@code null} when empty
 * @param hasMore whether more jobs follow in the window
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VideoPage(@JsonProperty("object") @Nullable String object,
        @JsonProperty("data") List<VideoJob> data,
        @JsonProperty("first_id") @Nullable String firstId,
        @JsonProperty("last_id") @Nullable String lastId,
        @JsonProperty("has_more") boolean hasMore) {

    /** Copies the collections; {@code null} ones become empty. */
    public VideoPage {
        data = Wire.copyOrEmpty(data);
    }

    /**
     * Reads a page from its decoded JSON members; unknown members are ignored.
     * @param members the JSON object
     * @return the page
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static VideoPage fromJson(Map<String, ?> members) {
        return new VideoPage(Wire.string(members.get("object")), Wire.objects(members.get("data"), VideoJob::fromJson),
                Wire.string(members.get("first_id")), Wire.string(members.get("last_id")),
                Boolean.TRUE.equals(Wire.bool(members.get("has_more"))));
    }

    /**
     * @return whether the page holds no jobs
     */
    @JsonIgnore
    public boolean isEmpty() {
        return this.data.isEmpty();
    }
}
