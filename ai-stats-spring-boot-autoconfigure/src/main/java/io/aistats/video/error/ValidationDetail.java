package io.aistats.video.error;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One issue of the gateway's {@code validation_error} {@code details} list.
 * @param message what is wrong, for example {@code Unrecognized key: "quality"}
 * @param path where: keys and indices from the request root, empty for the root itself
 * @param keyword the validator's issue code, for example {@code unrecognized_keys} or {@code too_small}
 * @param params the validator's parameters (free-form; values may be {@code null})
 */
public record ValidationDetail(@Nullable String message, List<Object> path, @Nullable String keyword,
                               Map<String, Object> params) {

    /**
     * Copies the collections so the detail stays immutable.
     */
    public ValidationDetail {
        path = Collections.unmodifiableList(new ArrayList<>(path));
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * The path in dotted form, as the gateway's {@code description} spells it.
     * @return for example {@code provider_params.duration}; empty for the root
     */
    public String dottedPath() {
        StringBuilder dotted = new StringBuilder();
        for (Object segment : this.path) {
            if (dotted.length() > 0) {
                dotted.append('.');
            }
            dotted.append(segment);
        }
        return dotted.toString();
    }
}
