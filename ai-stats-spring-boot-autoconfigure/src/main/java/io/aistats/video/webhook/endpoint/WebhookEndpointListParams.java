package io.aistats.video.webhook.endpoint;

import io.aistats.video.error.VideoRequestValidationException;

/**
 * Paging of {@code GET /webhook-endpoints}: the gateway pages by offset, newest endpoint first.
 *
 * @param limit page size, 1 to {@value #MAX_LIMIT}
 * @param offset endpoints to skip, at least 0
 * @param includeDeleted whether soft-deleted endpoints are listed too
 */
public record WebhookEndpointListParams(int limit, int offset, boolean includeDeleted) {

    /** The largest page the gateway returns (and its default). */
    public static final int MAX_LIMIT = 100;

    /**
     * @throws VideoRequestValidationException when the limit or offset is out of range
     */
    public WebhookEndpointListParams {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new VideoRequestValidationException("limit", "must be between 1 and " + MAX_LIMIT + " but was "
                    + limit);
        }
        if (offset < 0) {
            throw new VideoRequestValidationException("offset", "must not be negative but was " + offset);
        }
    }

    /**
     * @return the first page of {@value #MAX_LIMIT}, without deleted endpoints
     */
    public static WebhookEndpointListParams defaults() {
        return new WebhookEndpointListParams(MAX_LIMIT, 0, false);
    }

    /**
     * @param newLimit page size, 1 to {@value #MAX_LIMIT}
     * @return a copy with that page size
     */
    public WebhookEndpointListParams withLimit(int newLimit) {
        return new WebhookEndpointListParams(newLimit, this.offset, this.includeDeleted);
    }

    /**
     * @param newOffset endpoints to skip
     * @return a copy with that offset
     */
    public WebhookEndpointListParams withOffset(int newOffset) {
        return new WebhookEndpointListParams(this.limit, newOffset, this.includeDeleted);
    }

    /**
     * @param include whether soft-deleted endpoints are listed too
     * @return a copy with that choice
     */
    public WebhookEndpointListParams withIncludeDeleted(boolean include) {
        return new WebhookEndpointListParams(this.limit, this.offset, include);
    }
}
