package io.aistats.video.internal.util;

import org.jspecify.annotations.Nullable;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value computed on first use, at most once, thread-safely. The clients use it to build their HTTP stack on their
 * first call rather than at application startup. A computation that throws leaves nothing behind and runs again on
 * the next {@link #get()}.
 *
 * @param <T> the type of the value
 */
public final class Lazy<T> implements Supplier<T> {

    private @Nullable Supplier<? extends T> computation;

    private volatile @Nullable T value;

    private Lazy(Supplier<? extends T> computation) {
        this.computation = computation;
    }

    /**
     * @param computation computes the value on the first {@link #get()}; must not return {@code null}
     * @param <T> the type of the value
     * @return a lazy value; the computation itself when it is a {@code Lazy} already
     */
    @SuppressWarnings("unchecked") // a Lazy only hands its value out, so one of a subtype serves as well
    public static <T> Lazy<T> of(Supplier<? extends T> computation) {
        Objects.requireNonNull(computation, "computation must not be null");
        if (computation instanceof Lazy<?> lazy) {
            return (Lazy<T>) lazy;
        }
        return new Lazy<>(computation);
    }

    /**
     * @return the value, computed by this call when it is the first
     * @throws NullPointerException when the computation returned {@code null}
     */
    @Override
    public T get() {
        T result = this.value;
        if (result == null) {
            synchronized (this) {
                result = this.value;
                if (result == null) {
                    result = Objects.requireNonNull(Objects.requireNonNull(this.computation).get(),
                            "the lazy computation returned null");
                    this.value = result;
                    this.computation = null;
                }
            }
        }
        return result;
    }
}
