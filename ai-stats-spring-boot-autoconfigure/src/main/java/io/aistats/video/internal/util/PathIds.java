package io.aistats.video.internal.util;

import io.aistats.video.error.VideoRequestValidationException;
import io.aistats.video.internal.http.GatewayUris;
import org.jspecify.annotations.Nullable;

/**
 * Checks ids that the client puts into a URL path, such as a video id in {@code /videos/{id}}. {@link GatewayUris}
 * encodes every segment, but a {@code .} or {@code ..} segment stays a dot segment that URL normalisation (in
 * proxies, or in the server) resolves, and {@code /}, {@code \}, {@code ?}, {@code #} and control characters are
 * refused because no gateway id contains them and some servers decode them before routing. Ids that pass are
 * trimmed and encoded as one path segment by {@link GatewayUris#segments(String...)}.
 */
public final class PathIds {

    /** How much of a refused id an exception message shows. */
    private static final int SHOWN_CHARACTERS = 64;

    private PathIds() {
    }

    /**
     * Returns the id, trimmed, when it can name one path segment.
     * @param id the id, as the caller gave it
     * @param field the field to name in a refusal, for example {@code video_id}
     * @return the trimmed id
     * @throws VideoRequestValidationException when the id is {@code null}, blank, {@code .} or {@code ..}, or
     * contains {@code /}, {@code \}, {@code ?}, {@code #} or a control character
     */
    public static String require(@Nullable String id, String field) {
        if (id == null || id.isBlank()) {
            throw new VideoRequestValidationException(field, "must not be blank");
        }
        // checked before trimming, which would silently drop control characters at either end
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '/' || c == '\\' || c == '?' || c == '#' || Character.isISOControl(c)) {
                throw refused(field, id, "must not contain '/', '\\', '?', '#' or control characters");
            }
        }
        String trimmed = id.trim();
        if (trimmed.equals(".") || trimmed.equals("..")) {
            throw refused(field, trimmed, "must not be a dot segment");
        }
        return trimmed;
    }

    private static VideoRequestValidationException refused(String field, String id, String rule) {
        return new VideoRequestValidationException(field, shown(id) + " " + rule);
    }

    /** The id in quotes, control characters escaped and cut after {@value #SHOWN_CHARACTERS} characters. */
    static String shown(String id) {
        StringBuilder shown = new StringBuilder("\"");
        int end = Math.min(id.length(), SHOWN_CHARACTERS);
        for (int i = 0; i < end; i++) {
            char c = id.charAt(i);
            if (Character.isISOControl(c)) {
                shown.append(String.format("\\u%04x", (int) c));
            }
            else {
                shown.append(c);
            }
        }
        shown.append('"');
        if (id.length() > SHOWN_CHARACTERS) {
            shown.append(" (first ").append(SHOWN_CHARACTERS).append(" of ").append(id.length())
                .append(" characters)");
        }
        return shown.toString();
    }
}
