package io.aistats.autoconfigure.webhook;

import io.aistats.video.webhook.WebFluxWebhookHandler;
import io.aistats.video.webhook.WebMvcWebhookHandler;

/**
 * The web stacks the webhook endpoint runs on, for the tests that run on each: a subclass per stack sets
 * {@code spring.main.web-application-type} and names its stack.
 */
enum WebStack {

    /** Spring MVC on Tomcat. */
    SERVLET(WebMvcWebhookHandler.class),

    /** Spring WebFlux on Reactor Netty. */
    REACTIVE(WebFluxWebhookHandler.class);

    private final Class<?> handlerType;

    WebStack(Class<?> handlerType) {
        this.handlerType = handlerType;
    }

    /** @return the type of the handler that serves the endpoint on this stack */
    Class<?> handlerType() {
        return this.handlerType;
    }

    /** @return the type of the other stack's handler, which this stack's application must not have */
    Class<?> otherHandlerType() {
        return ((this == SERVLET) ? REACTIVE : SERVLET).handlerType;
    }
}
