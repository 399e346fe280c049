package io.aistats.video.model;

import io.aistats.video.error.VideoRequestValidationException;
import io.aistats.video.internal.util.JsStrings;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Filters and paging of {@code GET /videos}. The limit is always sent, because the gateway returns an empty page
 * when it is missing.
 */
public final class VideoListParams {

    /** Page size when none is given. */
    public static final int DEFAULT_LIMIT = 20;

    /** Largest page the gateway returns. */
    public static final int MAX_LIMIT = 100;

    private static final VideoListParams DEFAULTS = builder().build();

    private final int limit;

    private final List<String> statuses;

    private final @Nullable ListOrder order;

    private final @Nullable String after;

    private VideoListParams(int limit, List<String> statuses, @Nullable ListOrder order, @Nullable String after) {
        this.limit = limit;
        this.statuses = statuses;
        this.order = order;
        this.after = after;
    }

    /**
     * @return a page of {@value #DEFAULT_LIMIT} jobs, newest first, without filters
     */
    public static VideoListParams defaults() {
        return DEFAULTS;
    }

    /**
     * @return a builder starting from the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return a builder initialised with these parameters
     */
    public Builder toBuilder() {
        Builder builder = new Builder().limit(this.limit).order(this.order).after(this.after);
        builder.statuses.addAll(this.statuses);
        return builder;
    }

    /**
     * @param after the id of the last job of the previous page, or {@code null} to start at the beginning
     * @return these parameters starting after {@code after}
     */
    public VideoListParams withAfter(@Nullable String after) {
        return new VideoListParams(this.limit, this.statuses, this.order, after);
    }

    /**
     * @return the page size, 1 to {@value #MAX_LIMIT}
     */
    public int limit() {
        return this.limit;
    }

    /**
     * @return the status filter as wire values; empty for no filter
     */
    public List<String> statuses() {
        return this.statuses;
    }

    /**
     * @return the order, or {@code null} for the gateway's default (newest first)
     */
    public @Nullable ListOrder order() {
        return this.order;
    }

    /**
     * @return the id after which the page starts, or {@code null}
     */
    public @Nullable String after() {
        return this.after;
    }

    /**
     * The query parameters in request order: {@code limit}, then {@code status} (one value each, repeated),
     * {@code order} and {@code after} when set.
     * @return parameter name to values (unmodifiable)
     */
    public Map<String, List<String>> toQueryParameters() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("limit", List.of(Integer.toString(this.limit)));
        if (!this.statuses.isEmpty()) {
            query.put("status", this.statuses);
        }
        if (this.order != null) {
            query.put("order", List.of(this.order.wireValue()));
        }
        if (this.after != null) {
            query.put("after", List.of(this.after));
        }
        return Collections.unmodifiableMap(query);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return (this == other) || (other instanceof VideoListParams params && this.limit == params.limit
                && this.statuses.equals(params.statuses) && this.order == params.order
                && Objects.equals(this.after, params.after));
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.limit, this.statuses, this.order, this.after);
    }

    @Override
    public String toString() {
        return "VideoListParams[limit=" + this.limit + ", statuses=" + this.statuses + ", order=" + this.order
                + ", after=" + this.after + "]";
    }

    /**
     * Builds {@link VideoListParams}; {@link #build()} validates.
     */
    public static final class Builder {

        private int limit = DEFAULT_LIMIT;

        private final List<String> statuses = new ArrayList<>();

        private @Nullable ListOrder order;

        private @Nullable String after;

        private Builder() {
        }

        /**
         * @param limit page size, 1 to {@value #MAX_LIMIT} (default {@value #DEFAULT_LIMIT})
         * @return this builder
         */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /**
         * Adds statuses to the filter (a job matches any of them; the gateway expands aliases).
         * @param statuses the statuses
         * @return this builder
         */
        public Builder status(VideoStatus... statuses) {
            for (VideoStatus status : statuses) {
                this.statuses.add(Objects.requireNonNull(status, "status").value());
            }
            return this;
        }

        /**
         * Adds statuses to the filter as wire values (for example {@code completed} or {@code canceled}).
         * @param statuses the statuses
         * @return this builder
         */
        public Builder status(String... statuses) {
            for (String status : statuses) {
                this.statuses.add(Objects.requireNonNull(status, "status"));
            }
            return this;
        }

        /**
         * @param order the order, or {@code null} for the gateway's default (newest first)
         * @return this builder
         */
        public Builder order(@Nullable ListOrder order) {
            this.order = order;
            return this;
        }

        /**
         * @param after the id of the last job of the previous page, or {@code null}
         * @return this builder
         */
        public Builder after(@Nullable String after) {
            this.after = after;
            return this;
        }

        /**
         * @return the parameters
         * @throws VideoRequestValidationException when the limit is not 1 to {@value #MAX_LIMIT} ({@code limit}),
         * a status is blank ({@code status}) or {@code after} is blank ({@code after})
         */
        public VideoListParams build() {
            if (this.limit < 1 || this.limit > MAX_LIMIT) {
                throw new VideoRequestValidationException("limit",
                        "must be between 1 and " + MAX_LIMIT + " but was " + this.limit);
            }
            List<String> trimmed = new ArrayList<>(this.statuses.size());
            for (String status : this.statuses) {
                // the gateway trims each value with JavaScript's rules; a blank one would filter nothing
                if (JsStrings.isBlank(status)) {
                    throw new VideoRequestValidationException("status", "must not be blank");
                }
                trimmed.add(JsStrings.trim(status));
            }
            if (this.after != null && this.after.isBlank()) {
                throw new VideoRequestValidationException("after", "must not be blank");
            }
            return new VideoListParams(this.limit, List.copyOf(trimmed), this.order, this.after);
        }
    }
}
