package io.aistats.video.internal.util;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Objects;

/**
 * The range check of the durations that settings and constructors take, with messages that name the value.
 */
public final class Durations {

    private Durations() {
    }

    /**
     * @param value the duration
     * @param name what to name in a refusal
     * @return the duration
     * @throws NullPointerException when it is {@code null}
     * @throws IllegalArgumentException when it is zero or negative
     */
    public static Duration requirePositive(@Nullable Duration value, String name) {
        Objects.requireNonNull(value, () -> name + " must not be null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }
}
