/**
 * Job lifecycle events and the receiving end of the gateway's signed webhook deliveries.
 * <p>
 * A delivery flows through {@link io.aistats.video.webhook.WebhookProcessor}: {@link
 * io.aistats.video.webhook.WebhookVerifier} checks the HMAC signature over the raw bytes and the timestamp window,
 * {@link io.aistats.video.webhook.WebhookDeliveryParser} reads the event, and {@link
 * io.aistats.video.webhook.VideoJobEventDispatcher} publishes it to the application's listeners once per event id
 * (claimed in a {@link io.aistats.video.webhook.ProcessedEventStore}, in memory or in a table every instance of the
 * application shares, and completed only after every listener succeeded). The
 * lifecycle stream and polling publish through the same dispatcher, with the same ids
 * ({@link io.aistats.video.webhook.VideoJobEvents}), so a listener sees each phase once whichever path saw it first.
 * <p>
 * {@link io.aistats.video.webhook.WebMvcWebhookHandler} and {@link io.aistats.video.webhook.WebFluxWebhookHandler}
 * are thin adapters for the two web stacks (each needs its stack on the classpath); Spring Boot applications get
 * them auto-configured once {@code ai-stats.webhook.secret} is set.
 */
@NullMarked
package io.aistats.video.webhook;

import org.jspecify.annotations.NullMarked;
