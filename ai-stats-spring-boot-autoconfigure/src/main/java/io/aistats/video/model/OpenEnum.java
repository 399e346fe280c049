package io.aistats.video.model;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Base of the gateway's open vocabularies ({@link VideoStatus}, {@link LifecycleStatus}, the webhook endpoint status):
 * a few known constants, and any other value carried as sent rather than rejected, so that a value the gateway adds
 * later never fails decoding. Two values of one type are equal when they match ignoring case and surrounding blanks.
 * JSON reads a value through its type's {@code of(String)} and writes {@link #value()}.
 */
public abstract class OpenEnum {

    private final String value;

    private final String key;

    /**
     * @param value the value as sent, without surrounding blanks
     */
    protected OpenEnum(String value) {
        this.value = value;
        this.key = key(value);
    }

    /**
     * @return the value as sent (the canonical lower-case spelling for the known values)
     */
    @JsonValue
    public final String value() {
        return this.value;
    }

    /**
     * @return whether this value belongs to the gateway's documented vocabulary
     */
    public abstract boolean isKnown();

    /**
     * @return the value in lower case without surrounding blanks: what equality compares
     */
    protected final String key() {
        return this.key;
    }

    @Override
    public final boolean equals(@Nullable Object other) {
        return (this == other) || (other != null && other.getClass() == getClass()
                && this.key.equals(((OpenEnum) other).key));
    }

    @Override
    public final int hashCode() {
        return this.key.hashCode();
    }

    @Override
    public final String toString() {
        return this.value;
    }

    private static String key(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The known constants of one open vocabulary, declared while its type initialises, and the lookup behind its
     * {@code of(String)}.
     * @param <T> the type of the vocabulary
     */
    protected static final class Constants<T extends OpenEnum> {

        private final Map<String, T> byKey = new HashMap<>();

        private final Function<String, T> factory;

        /**
         * @param factory the type's private constructor
         */
        public Constants(Function<String, T> factory) {
            this.factory = factory;
        }

        /**
         * @param value the canonical spelling
         * @return a new known constant
         */
        public T add(String value) {
            T constant = this.factory.apply(value);
            this.byKey.put(constant.key(), constant);
            return constant;
        }

        /**
         * @param value a value as the gateway sends it
         * @return the constant for a known value (in any case, blanks ignored), else a new value carrying it trimmed
         */
        public T of(String value) {
            Objects.requireNonNull(value, "value");
            T constant = this.byKey.get(key(value));
            return (constant != null) ? constant : this.factory.apply(value.trim());
        }

        /**
         * @param value a value of the vocabulary
         * @return whether it is one of the constants
         */
        public boolean contains(T value) {
            return this.byKey.containsKey(value.key());
        }
    }
}
