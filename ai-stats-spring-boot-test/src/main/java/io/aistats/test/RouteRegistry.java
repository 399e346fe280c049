package io.aistats.test;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps {@code METHOD /path/{variable}} templates to handlers. When several templates match, the one with more
 * literal segments wins (so {@code /v1/videos/models} beats {@code /v1/videos/{video_id}}), then the one registered
 * first. Paths match exactly: no trailing slash, and no empty segment except for a variable written
 * {@code {name?}}, which the gateway's handler checks itself (the lifecycle stream answers an empty job id with its
 * own 400).
 */
final class RouteRegistry {

    private final List<Route> routes = new ArrayList<>();

    /**
     * @param method HTTP method
     * @param template path template, e.g. {@code /v1/videos/{video_id}/content}
     * @param handler the handler
     * @return this
     */
    RouteRegistry add(String method, String template, RouteHandler handler) {
        this.routes.add(new Route(method.toUpperCase(Locale.ROOT), template.substring(1).split("/", -1), handler));
        return this;
    }

    /**
     * @param method HTTP method
     * @param pathSegments the decoded path segments (without the leading empty one)
     * @return the best match, or {@code null}
     */
    @Nullable Match match(String method, List<String> pathSegments) {
        Match best = null;
        int bestLiterals = -1;
        for (Route route : this.routes) {
            if (!route.method.equals(method) || route.segments.length != pathSegments.size()) {
                continue;
            }
            Map<String, String> variables = new HashMap<>();
            int literals = 0;
            boolean matches = true;
            for (int i = 0; i < route.segments.length && matches; i++) {
                String expected = route.segments[i];
                String actual = pathSegments.get(i);
                if (expected.startsWith("{") && expected.endsWith("?}")) {
                    variables.put(expected.substring(1, expected.length() - 2), actual);
                }
                else if (expected.startsWith("{") && expected.endsWith("}")) {
                    variables.put(expected.substring(1, expected.length() - 1), actual);
                    matches = !actual.isEmpty();
                }
                else {
                    matches = expected.equals(actual);
                    literals++;
                }
            }
            if (matches && literals > bestLiterals) {
                best = new Match(route.handler, variables);
                bestLiterals = literals;
            }
        }
        return best;
    }

    private record Route(String method, String[] segments, RouteHandler handler) {
    }

    /**
     * A matched route.
     * @param handler its handler
     * @param variables its path variables
     */
    record Match(RouteHandler handler, Map<String, String> variables) {
    }
}
