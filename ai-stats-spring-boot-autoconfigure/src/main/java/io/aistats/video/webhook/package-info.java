/**
 * The receiving end of the gateway's signed webhook deliveries.
 * <p>
 * A delivery flows through {@link io.aistats.video.webhook.WebhookProcessor}: {@link
 * io.aistats.video.webhook.WebhookVerifier} checks the HMAC signature over the raw bytes and the timestamp window,
 * {@link io.aistats.video.webhook.WebhookDeliveryParser} reads the event, and {@link
 * io.aistats.video.event.VideoJobEventDispatcher} publishes it to the application's listeners once per event id; a
 * {@link io.aistats.video.webhook.WebhookOutcome} says what to answer.
 * <p>
 * {@link io.aistats.video.webhook.WebMvcWebhookHandler} and {@link io.aistats.video.webhook.WebFluxWebhookHandler}
 * are thin adapters for the two web stacks (each needs its stack on the classpath) that read bodies within a byte
 * budget and a deadline; Spring Boot applications get them auto-configured once {@code ai-stats.webhook.secret} is
 * set.
 */
@NullMarked
package io.aistats.video.webhook;

import org.jspecify.annotations.NullMarked;
