package io.aistats.video.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Which URLs the gateway exposes for a job's outputs (the create request's {@code output.access}).
 */
public enum OutputAccess {

    /** Only the authenticated {@code content_url}. */
    BYTES,

    /** Only the signed, expiring {@code download_url}. */
    SIGNED_URL,

    /** Both URLs (the gateway's default). */
    BOTH;

    /**
     * The value as the gateway spells it.
     * @return for example {@code signed_url}
     */
    @JsonValue
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the gateway's spelling (case-insensitive; {@code signed-url} is accepted too).
     * @param value the wire value
     * @return the matching constant
     * @throws IllegalArgumentException when the value is not one of {@code bytes}, {@code signed_url}, {@code both}
     */
    @JsonCreator
    public static OutputAccess fromWireValue(String value) {
        String normalized = value.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (OutputAccess access : values()) {
            if (access.wireValue().equals(normalized)) {
                return access;
            }
        }
        throw new IllegalArgumentException("Unknown output access '" + value + "' (expected bytes, signed_url or both)");
    }
}
