package io.aistats.video.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One item of the create request's {@code input_references}: an image, video or audio at an absolute {@code https:}
 * URL, with an optional role and reference type. Serialised as
 * {@code {"type":"image_url","role":...,"reference_type":...,"image_url":{"url":...}}}, with {@code media_url} in
 * place of {@code image_url} for video and audio. Start from {@link #image(String)}, {@link #video(String)} or
 * {@link #audio(String)}.
 * @param type the kind of media
 * @param url absolute {@code https:} URL of the media, sent in the {@link #urlMember()} member
 * @param role how the provider should use the media, or {@code null} for none (images without a role count as first
 * frame, then references)
 * @param referenceType free-form kind of reference ({@code reference_type}), for example {@code asset},
 * {@code style}, {@code character}, {@code location} or {@code generic}; {@code null} for none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "role", "reference_type", "image_url", "media_url" })
public record InputReference(@JsonProperty("type") Type type, @JsonIgnore String url,
        @JsonProperty("role") @Nullable Role role, @JsonProperty("reference_type") @Nullable String referenceType) {

    public InputReference {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
    }

    /**
     * @param type the kind of media
     * @param url absolute {@code https:} URL of the media
     * @return the reference, without role and reference type
     */
    public static InputReference of(Type type, String url) {
        return new InputReference(type, url, null, null);
    }

    /**
     * @param url absolute {@code https:} URL of the image
     * @return an image reference; an image also lets the prompt be blank
     */
    public static InputReference image(String url) {
        return of(Type.IMAGE_URL, url);
    }

    /**
     * @param url absolute {@code https:} URL of the video
     * @return a video reference
     */
    public static InputReference video(String url) {
        return of(Type.VIDEO_URL, url);
    }

    /**
     * @param url absolute {@code https:} URL of the audio
     * @return an audio reference
     */
    public static InputReference audio(String url) {
        return of(Type.AUDIO_URL, url);
    }

    /**
     * @param role how the provider should use the media, or {@code null} for none
     * @return a copy with that role
     */
    public InputReference withRole(@Nullable Role role) {
        return new InputReference(this.type, this.url, role, this.referenceType);
    }

    /**
     * @param referenceType free-form kind of reference, or {@code null} for none
     * @return a copy with that reference type
     */
    public InputReference withReferenceType(@Nullable String referenceType) {
        return new InputReference(this.type, this.url, this.role, referenceType);
    }

    /**
     * @return the wire name of the member holding the URL: {@code image_url} or {@code media_url}
     */
    public String urlMember() {
        return (this.type == Type.IMAGE_URL) ? "image_url" : "media_url";
    }

    @JsonProperty("image_url")
    private @Nullable Map<String, String> imageUrlMember() {
        return (this.type == Type.IMAGE_URL) ? Map.of("url", this.url) : null;
    }

    @JsonProperty("media_url")
    private @Nullable Map<String, String> mediaUrlMember() {
        return (this.type != Type.IMAGE_URL) ? Map.of("url", this.url) : null;
    }

    /**
     * Kind of media of an {@link InputReference}.
     */
    public enum Type {

        /** An image. */
        IMAGE_URL,

        /** A video. */
        VIDEO_URL,

        /** An audio track. */
        AUDIO_URL;

        /**
         * @return the value as the gateway spells it: the name in lower case
         */
        @JsonValue
        public String wireValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * How the provider should use an {@link InputReference}.
     */
    public enum Role {

        /** The first frame of the video. */
        FIRST_FRAME,

        /** The last frame of the video. */
        LAST_FRAME,

        /** A general reference. */
        REFERENCE,

        /** Source media to transform. */
        SOURCE,

        /** A mask. */
        MASK;

        /**
         * @return the value as the gateway spells it: the name in lower case
         */
        @JsonValue
        public String wireValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
