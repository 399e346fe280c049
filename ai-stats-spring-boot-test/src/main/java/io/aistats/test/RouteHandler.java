package io.aistats.test;

import reactor.core.publisher.Mono;

/**
 * Answers the requests of one route.
 */
@FunctionalInterface
interface RouteHandler {

    /**
     * @param exchange the request, with the route's path variables set
     * @return completion of the answer
     */
    Mono<Void> handle(SimulatorExchange exchange);
}
