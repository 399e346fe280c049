package io.aistats.test;

/**
 * A group of simulated gateway routes for one concern (video routes, health, and later webhook endpoints or the
 * WebSocket stream). To add a concern, implement this interface and add an instance to
 * {@link AiStatsGatewaySimulator}'s route list; helpers for authentication ({@link Authenticator} through
 * {@link SimulatorRuntime}), CORS and error envelopes ({@link SimulatorExchange}, {@link GatewayError},
 * {@link CreateError}) are shared.
 */
interface SimulatorRoutes {

    /**
     * Registers the routes of this group.
     * @param routes the registry
     */
    void register(RouteRegistry routes);
}
