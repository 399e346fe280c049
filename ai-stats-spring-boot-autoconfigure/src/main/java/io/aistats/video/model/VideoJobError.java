package io.aistats.video.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import java.util.Map;
import java.util.Objects;

/**
 * Why a job failed, as the gateway reports it: an object such as {@code {"code": ..., "message": ...}} for
 * OpenAI-routed jobs, a plain message string for other providers. Serialises back to the shape it was read from.
 * @param raw the error exactly as sent: a {@code String} or an unmodifiable {@code Map<String, Object>}
 */
public record VideoJobError(@JsonValue Object raw) {

    /** Keeps an unmodifiable deep copy of the value. */
    public VideoJobError {
        raw = Objects.requireNonNull(Wire.freeze(Objects.requireNonNull(raw, "raw")));
    }

    /**
     * Reads an error as sent: a string becomes the message; an object's {@code code}, {@code message} (or
     * {@code description}), {@code type} and {@code param} members are picked up; any other value is kept as its text.
     * @param raw the decoded JSON value
     * @return the error
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static VideoJobError from(Object raw) {
        return new VideoJobError(raw);
    }

    /**
     * Creates an error that carries only a message.
     * @param message the message
     * @return the error
     */
    public static VideoJobError ofMessage(String message) {
        return new VideoJobError(message);
    }

    /**
     * @return the error code, when the gateway sent an object with one
     */
    public @Nullable String code() {
        return member("code");
    }

    /**
     * @return the human-readable message (the whole value when the gateway sent a string)
     */
    public @Nullable String message() {
        return (this.raw instanceof Map<?, ?> members) ? Wire.string(Wire.first(members, "message", "description"))
                : String.valueOf(this.raw);
    }

    /**
     * @return the error type, when sent
     */
    public @Nullable String type() {
        return member("type");
    }

    /**
     * @return the offending parameter, when sent
     */
    public @Nullable String param() {
        return member("param");
    }

    private @Nullable String member(String name) {
        return (this.raw instanceof Map<?, ?> members) ? Wire.string(members.get(name)) : null;
    }

    /** The typed members; the raw value may be a large provider object. */
    @Override
    public String toString() {
        return "VideoJobError[code=" + code() + ", message=" + message() + ", type=" + type() + ", param=" + param()
                + "]";
    }
}
