package io.aistats.test;

import java.util.UUID;

/**
 * Tells whether a create request's {@code webhook.endpoint_id} names an endpoint that is {@code active} in the
 * caller's workspace and whose URL still passes delivery validation (§3.1). Until webhook endpoints are simulated,
 * no endpoint is active.
 */
@FunctionalInterface
interface WebhookEndpointLookup {

    /**
     * @param workspaceId the caller's workspace
     * @param endpointId the endpoint id
     * @return whether jobs may reference it
     */
    boolean isActive(String workspaceId, UUID endpointId);
}
