package io.aistats.video.model;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * How a browser should treat a signed download link's video ({@code Content-Disposition} of the download).
 */
public enum DownloadDisposition {

    /** Save as a file (the gateway's default). */
    ATTACHMENT,

    /** Display in the browser. */
    INLINE;

    /**
     * @return the value as the gateway spells it, {@code attachment} or {@code inline}
     */
    @JsonValue
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
