package io.aistats.video.model;

import io.aistats.video.error.VideoRequestValidationException;
import io.aistats.video.internal.util.JsStrings;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Filters and paging of {@code GET /videos}. The limit is always sent, because the gateway returns an empty page
 * when it is missing. Start from {@link #defaults()} or {@link #limit(int)} and narrow with the {@code with} methods,
 * for example {@code VideoListParams.limit(50).withStatuses(VideoStatus.COMPLETED)}.
 * @param limit the page size, 1 to {@value #MAX_LIMIT}
 * @param statuses the status filter as wire values (a job matches any of them; the gateway expands aliases such as
 * {@code canceled}), each trimmed; empty for no filter
 * @param order the order, or {@code null} for the gateway's default (newest first)
 * @param after the id of the last job of the previous page, or {@code null} to start at the beginning
 */
public record VideoListParams(int limit, List<String> statuses, @Nullable ListOrder order, @Nullable String after) {

    /** Page size when none is given. */
    public static final int DEFAULT_LIMIT = 20;

    /** Largest page the gateway returns. */
    public static final int MAX_LIMIT = 100;

    private static final VideoListParams DEFAULTS = new VideoListParams(DEFAULT_LIMIT, List.of(), null, null);

    /**
     * @throws VideoRequestValidationException when the limit is not 1 to {@value #MAX_LIMIT} ({@code limit}),
     * a status is blank ({@code status}) or {@code after} is blank ({@code after})
     */
    public VideoListParams {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new VideoRequestValidationException("limit",
                    "must be between 1 and " + MAX_LIMIT + " but was " + limit);
        }
        List<String> trimmed = new ArrayList<>(statuses.size());
        for (String status : statuses) {
            // the gateway trims each value with JavaScript's rules; a blank one would filter nothing
            if (JsStrings.isBlank(Objects.requireNonNull(status, "status"))) {
                throw new VideoRequestValidationException("status", "must not be blank");
            }
            trimmed.add(JsStrings.trim(status));
        }
        statuses = List.copyOf(trimmed);
        if (after != null && after.isBlank()) {
            throw new VideoRequestValidationException("after", "must not be blank");
        }
    }

    /**
     * @return a page of {@value #DEFAULT_LIMIT} jobs, newest first, without filters
     */
    public static VideoListParams defaults() {
        return DEFAULTS;
    }

    /**
     * @param limit page size, 1 to {@value #MAX_LIMIT}
     * @return a page of that size, newest first, without filters
     */
    public static VideoListParams limit(int limit) {
        return DEFAULTS.withLimit(limit);
    }

    /**
     * @param limit page size, 1 to {@value #MAX_LIMIT}
     * @return a copy with that page size
     */
    public VideoListParams withLimit(int limit) {
        return new VideoListParams(limit, this.statuses, this.order, this.after);
    }

    /**
     * @param statuses the statuses a job may have (any of them), replacing the filter; none for no filter
     * @return a copy with that status filter
     */
    public VideoListParams withStatuses(VideoStatus... statuses) {
        return withStatuses(Arrays.stream(statuses)
            .map((status) -> Objects.requireNonNull(status, "status").value())
            .toArray(String[]::new));
    }

    /**
     * @param statuses the statuses as wire values (for example {@code completed} or {@code canceled}), replacing the
     * filter; none for no filter
     * @return a copy with that status filter
     */
    public VideoListParams withStatuses(String... statuses) {
        return new VideoListParams(this.limit, Arrays.asList(statuses), this.order, this.after);
    }

    /**
     * @param order the order, or {@code null} for the gateway's default (newest first)
     * @return a copy with that order
     */
    public VideoListParams withOrder(@Nullable ListOrder order) {
        return new VideoListParams(this.limit, this.statuses, order, this.after);
    }

    /**
     * @param after the id of the last job of the previous page, or {@code null} to start at the beginning
     * @return these parameters starting after {@code after}
     */
    public VideoListParams withAfter(@Nullable String after) {
        return new VideoListParams(this.limit, this.statuses, this.order, after);
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
}
