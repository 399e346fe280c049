package io.aistats.video.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import java.util.Map;
import java.util.Objects;

/**
 * Why a job failed, as the gateway reports it: an object such as {@code {"code": ..., "message": ...}} for
 * OpenAI-routed jobs, a plain message string for other providers. Serialises back to the shape it was read from.
 */
public final class VideoJobError {

    private final Object raw;

    private final @Nullable String code;

    private final @Nullable String message;

    private final @Nullable String type;

    private final @Nullable String param;

    private VideoJobError(Object raw, @Nullable String code, @Nullable String message, @Nullable String type,
            @Nullable String param) {
        this.raw = raw;
        this.code = code;
        this.message = message;
        this.type = type;
        this.param = param;
    }

    /**
     * Reads an error as sent: a string becomes the message; an object's {@code code}, {@code message} (or
     * {@code description}), {@code type} and {@code param} members are picked up; any other value is kept as its text.
     * @param raw the decoded JSON value
     * @return the error
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static VideoJobError from(Object raw) {
        Objects.requireNonNull(raw, "raw");
        Map<String, Object> members = Wire.object(raw);
        if (members != null) {
            return new VideoJobError(members, Wire.string(members.get("code")),
                    Wire.string(Wire.first(members, "message", "description")), Wire.string(members.get("type")),
                    Wire.string(members.get("param")));
        }
        Object frozen = Objects.requireNonNull(Wire.freeze(raw));
        return new VideoJobError(frozen, null, (frozen instanceof String text) ? text : String.valueOf(frozen),
                null, null);
    }

    /**
     * Creates an error that carries only a message.
     * @param message the message
     * @return the error
     */
    public static VideoJobError ofMessage(String message) {
        return from(message);
    }

    /**
     * @return the error code, when the gateway sent an object with one
     */
    public @Nullable String code() {
        return this.code;
    }

    /**
     * @return the human-readable message (the whole value when the gateway sent a string)
     */
    public @Nullable String message() {
        return this.message;
    }

    /**
     * @return the error type, when sent
     */
    public @Nullable String type() {
        return this.type;
    }

    /**
     * @return the offending parameter, when sent
     */
    public @Nullable String param() {
        return this.param;
    }

    /**
     * @return the error exactly as sent: a {@code String} or an unmodifiable {@code Map<String, Object>}
     */
    @JsonValue
    public Object raw() {
        return this.raw;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return (this == other) || (other instanceof VideoJobError error && this.raw.equals(error.raw));
    }

    @Override
    public int hashCode() {
        return this.raw.hashCode();
    }

    @Override
    public String toString() {
        return "VideoJobError[code=" + this.code + ", message=" + this.message + ", type=" + this.type + ", param="
                + this.param + "]";
    }
}
