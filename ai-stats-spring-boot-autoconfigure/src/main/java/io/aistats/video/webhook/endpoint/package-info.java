/**
 * Client of the gateway's webhook endpoint management API ({@code /webhook-endpoints}): create, list, read, update and
 * delete the endpoints the gateway delivers to and rotate their signing secrets, blocking
 * ({@link io.aistats.video.webhook.endpoint.WebhookEndpointClient}) or reactive
 * ({@link io.aistats.video.webhook.endpoint.ReactiveWebhookEndpointClient}).
 */
@NullMarked
package io.aistats.video.webhook.endpoint;

import org.jspecify.annotations.NullMarked;
