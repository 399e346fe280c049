package io.aistats.video.model;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Order of {@code GET /videos} by job creation time.
 */
public enum ListOrder {

    /** Oldest first. */
    ASC,

    /** Newest first (the gateway's default). */
    DESC;

    /**
     * @return the query value, {@code asc} or {@code desc}
     */
    @JsonValue
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
