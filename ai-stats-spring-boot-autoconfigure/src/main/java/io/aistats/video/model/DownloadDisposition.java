package io.aistats.video.model;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a browser should treat a signed download link's video ({@code Content-Disposition} of the download).
 */
public enum DownloadDisposition {

    /** Save as a file (the gateway's default). */
    ATTACHMENT("attachment"),

    /** Display in the browser. */
    INLINE("inline");

    private final String wireValue;

    DownloadDisposition(String wireValue) {
        this.wireValue = wireValue;
    }

    /**
     * @return the value as the gateway spells it, {@code attachment} or {@code inline}
     */
    @JsonValue
    public String wireValue() {
        return this.wireValue;
    }
}
