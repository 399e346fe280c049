package io.aistats.video.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import java.util.Map;
import java.util.Objects;

/**
 * One item of the create request's {@code input_references}: an image, video or audio at an absolute {@code https:}
 * URL, with an optional role and reference type. Serialised as
 * {@code {"type":"image_url","role":...,"reference_type":...,"image_url":{"url":...}}}, with {@code media_url} in
 * place of {@code image_url} for video and audio. Immutable; start from {@link #image(String)},
 * {@link #video(String)} or {@link #audio(String)}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "role", "reference_type", "image_url", "media_url" })
public final class InputReference {

    private final Type type;

    private final String url;

    private final @Nullable Role role;

    private final @Nullable String referenceType;

    private InputReference(Type type, String url, @Nullable Role role, @Nullable String referenceType) {
        this.type = Objects.requireNonNull(type, "type");
        this.url = Objects.requireNonNull(url, "url");
        this.role = role;
        this.referenceType = referenceType;
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
     * @param role how the provider should use the media, or {@code null} for none (images without a role count as
     * first frame, then references)
     * @return a copy with that role
     */
    public InputReference withRole(@Nullable Role role) {
        return new InputReference(this.type, this.url, role, this.referenceType);
    }

    /**
     * @param referenceType free-form kind of reference, for example {@code asset}, {@code style},
     * {@code character}, {@code location} or {@code generic}; {@code null} for none
     * @return a copy with that reference type
     */
    public InputReference withReferenceType(@Nullable String referenceType) {
        return new InputReference(this.type, this.url, this.role, referenceType);
    }

    /**
     * @return the kind of media
     */
    @JsonProperty("type")
    public Type type() {
        return this.type;
    }

    /**
     * @return the media URL
     */
    public String url() {
        return this.url;
    }

    /**
     * @return the role, or {@code null}
     */
    @JsonProperty("role")
    public @Nullable Role role() {
        return this.role;
    }

    /**
     * @return the reference type, or {@code null}
     */
    @JsonProperty("reference_type")
    public @Nullable String referenceType() {
        return this.referenceType;
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

    @Override
    public boolean equals(@Nullable Object other) {
        return (this == other) || (other instanceof InputReference reference && this.type == reference.type
                && this.url.equals(reference.url) && this.role == reference.role
                && Objects.equals(this.referenceType, reference.referenceType));
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.type, this.url, this.role, this.referenceType);
    }

    @Override
    public String toString() {
        return "InputReference[type=" + this.type + ", role=" + this.role + ", referenceType=" + this.referenceType
                + ", url=" + this.url + "]";
    }

    /**
     * Kind of media of an {@link InputReference}.
     */
    public enum Type {

        /** An image. */
        IMAGE_URL("image_url"),

        /** A video. */
        VIDEO_URL("video_url"),

        /** An audio track. */
        AUDIO_URL("audio_url");

        private final String wireValue;

        Type(String wireValue) {
            this.wireValue = wireValue;
        }

        /**
         * @return the value as the gateway spells it
         */
        @JsonValue
        public String wireValue() {
            return this.wireValue;
        }
    }

    /**
     * How the provider should use an {@link InputReference}.
     */
    public enum Role {

        /** The first frame of the video. */
        FIRST_FRAME("first_frame"),

        /** The last frame of the video. */
        LAST_FRAME("last_frame"),

        /** A general reference. */
        REFERENCE("reference"),

        /** Source media to transform. */
        SOURCE("source"),

        /** A mask. */
        MASK("mask");

        private final String wireValue;

        Role(String wireValue) {
            this.wireValue = wireValue;
        }

        /**
         * @return the value as the gateway spells it
         */
        @JsonValue
        public String wireValue() {
            return this.wireValue;
        }
    }
}
