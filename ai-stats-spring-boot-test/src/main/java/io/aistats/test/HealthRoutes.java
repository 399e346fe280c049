package io.aistats.test;

import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1/health} (§8): {@code {"status":"ok"}} without authentication, and the welcome document at the host
 * root.
 */
final class HealthRoutes implements SimulatorRoutes {

    private final SimulatorRuntime runtime;

    HealthRoutes(SimulatorRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void register(RouteRegistry routes) {
        routes.add("GET", "/v1/health", this::health);
        routes.add("GET", "/", this::root);
    }

    private Mono<Void> health(SimulatorExchange exchange) {
        ObjectNode body = this.runtime.json().createObjectNode();
        body.put("status", "ok");
        return exchange.json(200, body, null);
    }

    private Mono<Void> root(SimulatorExchange exchange) {
        ObjectNode body = this.runtime.json().createObjectNode();
        body.put("message", "Welcome to the Phaseo Gateway API! Documentation is available at https://phaseo.app");
        body.put("timestamp", Timestamps.gateway(this.runtime.now()));
        return exchange.json(200, body, null);
    }
}
