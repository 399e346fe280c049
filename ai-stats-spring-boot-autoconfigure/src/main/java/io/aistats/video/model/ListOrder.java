package io.aistats.video.model;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Order of {@code GET /videos} by job creation time.
 */
public enum ListOrder {

    /** Oldest first. */
    ASC("asc"),

    /** Newest first (the gateway's default). */
    DESC("desc");

    private final String wireValue;

    ListOrder(String wireValue) {
        this.wireValue = wireValue;
    }

    /**
     * @return the query value, {@code asc} or {@code desc}
     */
    @JsonValue
    public String wireValue() {
        return this.wireValue;
    }
}
