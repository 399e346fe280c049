package io.aistats.test;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Fault injection for client tests. Armed faults apply to the next matching requests under {@code /v1} (except
 * {@code OPTIONS} and, unless a scope names it, {@code /v1/health}); a fault counts when a request consumes it, and
 * such a request is still listed in {@link AiStatsGatewaySimulator#requests()}. Faults answer before the route runs,
 * so a failed {@code POST /v1/videos} creates no job; {@link #dropConnectionMidBody(int)} is the exception: the route
 * runs and only its response is cut.
 */
public final class SimulatorFaults {

    private final List<Rule> rules = new ArrayList<>();

    private volatile Duration latency = Duration.ZERO;

    SimulatorFaults() {
    }

    /**
     * The next {@code count} requests answer {@code status} with a realistic body: 429 is shape B
     * {@code key_limit_exceeded} on create and shape A otherwise; 500 is the gateway's plain-text
     * {@code Internal Server Error}; 502/503/504 are shape A (shape B on create) {@code upstream_error}; other
     * statuses get the shape-A error the gateway uses for them.
     * @param count how many requests fail
     * @param status the HTTP status (400 ... 599)
     * @return this
     */
    public SimulatorFaults failNext(int count, int status) {
        return failNext(count, status, null, null);
    }

    /**
     * Like {@link #failNext(int, int)}, only for requests of one method whose path starts with a prefix.
     * @param count how many requests fail
     * @param status the HTTP status (400 ... 599)
     * @param method the HTTP method, or {@code null} for any
     * @param pathPrefix path prefix such as {@code /v1/videos/}, or {@code null} for any
     * @return this
     */
    public SimulatorFaults failNext(int count, int status, @Nullable String method, @Nullable String pathPrefix) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be an error status (400-599): " + status);
        }
        return arm(new Rule(Kind.FAIL, count, status, method, pathPrefix));
    }

    /**
     * The next {@code count} responses send their headers and part of their body, then the connection is closed.
     * @param count how many responses are cut
     * @return this
     */
    public SimulatorFaults dropConnectionMidBody(int count) {
        return dropConnectionMidBody(count, null, null);
    }

    /**
     * Like {@link #dropConnectionMidBody(int)}, only for requests of one method whose path starts with a prefix.
     * @param count how many responses are cut
     * @param method the HTTP method, or {@code null} for any
     * @param pathPrefix path prefix, or {@code null} for any
     * @return this
     */
    public SimulatorFaults dropConnectionMidBody(int count, @Nullable String method, @Nullable String pathPrefix) {
        return arm(new Rule(Kind.DROP, count, 200, method, pathPrefix));
    }

    /**
     * The next {@code count} video downloads ({@code GET .../content} answered 200) end early, as the gateway's
     * download does when it cuts a body without a declared size: about half of the body is sent, then the connection
     * is closed. With {@code declareLength} the response announces its full {@code Content-Length}, so the client
     * sees fewer bytes than announced; without it the body is chunked and ends without its terminating chunk, so
     * only the abnormal close tells the client that the body is incomplete.
     * @param count how many downloads are cut
     * @param declareLength whether the response declares its full {@code Content-Length}
     * @return this
     */
    public SimulatorFaults truncateContent(int count, boolean declareLength) {
        return arm(new Rule(declareLength ? Kind.DROP : Kind.DROP_CHUNKED, count, 200, "GET", null) {

            @Override
            boolean matches(String method, String path) {
                return super.matches(method, path) && path.endsWith("/content");
            }
        });
    }

    /**
     * The next {@code count} requests answer 200 with a truncated JSON body.
     * @param count how many responses are garbled
     * @return this
     */
    public SimulatorFaults garbleNext(int count) {
        return garbleNext(count, null, null);
    }

    /**
     * Like {@link #garbleNext(int)}, only for requests of one method whose path starts with a prefix.
     * @param count how many responses are garbled
     * @param method the HTTP method, or {@code null} for any
     * @param pathPrefix path prefix, or {@code null} for any
     * @return this
     */
    public SimulatorFaults garbleNext(int count, @Nullable String method, @Nullable String pathPrefix) {
        return arm(new Rule(Kind.GARBLE, count, 200, method, pathPrefix));
    }

    /**
     * Delays every response (wall-clock time, also with a manual simulator clock) until {@link #reset()}.
     * @param delay the added latency; zero for none
     * @return this
     */
    public SimulatorFaults latency(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        this.latency = delay;
        return this;
    }

    /**
     * Disarms every fault and removes the latency.
     */
    public synchronized void reset() {
        this.rules.clear();
        this.latency = Duration.ZERO;
    }

    /**
     * @return how many fault applications are still armed (latency not counted)
     */
    public synchronized int pending() {
        return this.rules.stream().mapToInt(rule -> rule.remaining).sum();
    }

    /** @return the current latency */
    Duration currentLatency() {
        return this.latency;
    }

    private synchronized SimulatorFaults arm(Rule rule) {
        if (rule.remaining < 1) {
            throw new IllegalArgumentException("count must be positive: " + rule.remaining);
        }
        this.rules.add(rule);
        return this;
    }

    /**
     * Consumes the first armed fault matching a request.
     * @param method the request method
     * @param path the request path
     * @return the fault, or {@code null}
     */
    synchronized @Nullable Rule take(String method, String path) {
        if ("OPTIONS".equals(method) || !(path.equals("/v1") || path.startsWith("/v1/"))) {
            return null;
        }
        for (Iterator<Rule> iterator = this.rules.iterator(); iterator.hasNext();) {
            Rule rule = iterator.next();
            if (rule.matches(method, path)) {
                if (--rule.remaining == 0) {
                    iterator.remove();
                }
                return rule;
            }
        }
        return null;
    }

    /** What a fault does. */
    enum Kind {
        FAIL, DROP, DROP_CHUNKED, GARBLE
    }

    /** One armed fault. */
    static class Rule {

        final Kind kind;

        final int status;

        private int remaining;

        private final @Nullable String method;

        private final @Nullable String pathPrefix;

        Rule(Kind kind, int count, int status, @Nullable String method, @Nullable String pathPrefix) {
            this.kind = kind;
            this.remaining = count;
            this.status = status;
            this.method = method != null ? method.toUpperCase(Locale.ROOT) : null;
            this.pathPrefix = pathPrefix;
        }

        boolean matches(String method, String path) {
            if (this.method != null && !this.method.equals(method)) {
                return false;
            }
            boolean health = path.equals("/v1/health") || path.startsWith("/v1/health/");
            if (this.pathPrefix == null) {
                return !health;
            }
            return path.startsWith(this.pathPrefix) && (!health || this.pathPrefix.startsWith("/v1/health"));
        }
    }
}
