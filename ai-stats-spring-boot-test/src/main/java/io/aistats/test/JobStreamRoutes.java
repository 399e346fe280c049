package io.aistats.test;

import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The WebSocket lifecycle stream (§7), {@code GET /v1/async/{kind}/{id}/ws}. Pre-upgrade checks in the gateway's
 * order: 426 without {@code Upgrade: websocket} (before authentication), 401, 400 {@code invalid_async_job_path},
 * 404 {@code async_job_not_found_or_not_owned}; then 101 without CORS headers.
 * <p>
 * After the upgrade: {@code job.snapshot} at once; {@code job.updated} only when the stored status, the stored update
 * time or the serialised data changed, re-checked on every tick of {@code interval_ms} on the simulator clock
 * (following clock advances in manual mode), on every stored change of the job, and after a raw {@code refresh};
 * raw {@code ping} is answered {@code {"type":"pong"}}; every other frame is ignored. After a frame whose status is
 * completed, failed or cancelled the server closes with 1000 {@code closed} when {@code close_on_terminal} holds;
 * an expired job keeps the socket open. A deleted (tombstoned) job still streams.
 */
final class JobStreamRoutes implements SimulatorRoutes {

    static final long DEFAULT_INTERVAL_MS = 2500;

    static final long MIN_INTERVAL_MS = 1000;

    static final long MAX_INTERVAL_MS = 10000;

    static final int CLOSE_NORMAL = 1000;

    static final String CLOSE_REASON = "closed";

    private static final Set<String> CLOSING_STATUSES = Set.of("completed", "failed", "cancelled");

    private static final Set<String> FALSE_VALUES = Set.of("0", "false", "no", "off");

    private static final int MAX_CLIENT_FRAME_BYTES = 64 * 1024;

    private final SimulatorRuntime runtime;

    private final SimulatedStreams streams;

    private final List<StreamSession> sessions = new CopyOnWriteArrayList<>();

    JobStreamRoutes(SimulatorRuntime runtime) {
        this.runtime = runtime;
        this.streams = new SimulatedStreams(this);
        runtime.jobs().addListener(this::onTransition);
        runtime.onTick(this::onTick);
    }

    @Override
    public void register(RouteRegistry routes) {
        routes.add("GET", "/v1/async/{kind}/{id?}/ws", this::stream);
    }

    /** @return the public view for tests */
    SimulatedStreams streams() {
        return this.streams;
    }

    /** @return the open sessions */
    List<StreamSession> sessions() {
        return this.sessions;
    }

    private Mono<Void> stream(SimulatorExchange exchange) {
        if (!"websocket".equalsIgnoreCase(String.valueOf(exchange.header("Upgrade")).strip())) {
            return upgradeRequired(exchange);
        }
        String requestId = this.runtime.newId();
        Authenticator.Result auth = this.runtime.authenticator().authenticateInference(exchange.header("Authorization"),
                this.runtime.now());
        Authenticator.Principal principal = auth.principal();
        if (principal == null) {
            return exchange.error(GatewayError.unauthorised(String.valueOf(auth.failureReason()), requestId));
        }
        String kind = exchange.pathVariable("kind");
        String id = exchange.pathVariable("id");
        if (!("video".equals(kind) || "batch".equals(kind)) || id.isBlank()) {
            return exchange.error(GatewayError.of(400, "validation_error", "invalid_async_job_path")
                    .requestId(requestId).workspaceId(principal.workspaceId()));
        }
        this.runtime.refreshJobs();
        boolean owned = "video".equals(kind) && this.runtime.jobs().locked(() -> {
            JobRecord job = this.runtime.jobs().find(id);
            return job != null && job.workspaceId.equals(principal.workspaceId());
        });
        if (!owned) {
            return exchange.error(GatewayError.of(404, "not_found", "async_job_not_found_or_not_owned")
                    .requestId(requestId).workspaceId(principal.workspaceId()));
        }
        StreamSession session = new StreamSession(id, exchange.origin(), interval(exchange.queryParam("interval_ms")),
                closeOnTerminal(exchange.queryParam("close_on_terminal")));
        exchange.removeCorsHeaders();
        return exchange.response().sendWebsocket(session::run,
                WebsocketServerSpec.builder().maxFramePayloadLength(MAX_CLIENT_FRAME_BYTES).build());
    }

    private static Mono<Void> upgradeRequired(SimulatorExchange exchange) {
        ObjectNode error = exchange.runtime().json().createObjectNode();
        error.put("code", "websocket_upgrade_required");
        error.put("message", "Use WebSocket upgrade for async job updates.");
        ObjectNode body = exchange.runtime().json().createObjectNode();
        body.set("error", error);
        exchange.header("Upgrade", "websocket");
        return exchange.json(426, body, null);
    }

    /**
     * @param value the {@code interval_ms} parameter, or {@code null}
     * @return the re-check interval: the number truncated and clamped to 1000 ... 10000; 2500 when absent, empty or
     * not a number
     */
    static long interval(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_INTERVAL_MS;
        }
        double number = JsNumbers.number(value);
        return Double.isNaN(number) ? DEFAULT_INTERVAL_MS
                : JsNumbers.truncateAndClamp(number, MIN_INTERVAL_MS, MAX_INTERVAL_MS);
    }

    /**
     * @param value the {@code close_on_terminal} parameter, or {@code null}
     * @return {@code false} for {@code 0}, {@code false}, {@code no} and {@code off} (trimmed, any case); otherwise
     * {@code true}
     */
    static boolean closeOnTerminal(@Nullable String value) {
        return value == null || !FALSE_VALUES.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    private void onTransition(JobTransition transition) {
        String id = transition.job().id();
        for (StreamSession session : this.sessions) {
            if (session.jobId.equals(id)) {
                session.check();
            }
        }
    }

    private void onTick(Instant now) {
        for (StreamSession session : this.sessions) {
            session.tick(now);
        }
    }

    /**
     * One open stream.
     */
    final class StreamSession {

        private final String jobId;

        private final URI requestOrigin;

        private final Duration interval;

        private final boolean closeOnTerminal;

        private final Sinks.Many<String> frames = Sinks.many().unicast().onBackpressureBuffer();

        private volatile @Nullable Connection connection;

        private @Nullable String sentStatus;

        private @Nullable Instant sentUpdatedAt;

        private @Nullable String sentData;

        private boolean finished;

        private Instant nextTickAt;

        StreamSession(String jobId, URI requestOrigin, long intervalMs, boolean closeOnTerminal) {
            this.jobId = jobId;
            this.requestOrigin = requestOrigin;
            this.interval = Duration.ofMillis(intervalMs);
            this.closeOnTerminal = closeOnTerminal;
            this.nextTickAt = JobStreamRoutes.this.runtime.now().plus(this.interval);
        }

        /** @return the job this stream reports */
        String jobId() {
            return this.jobId;
        }

        /** @return the effective re-check interval */
        Duration interval() {
            return this.interval;
        }

        /** @return whether the server closes after a completed, failed or cancelled frame */
        boolean closesOnTerminal() {
            return this.closeOnTerminal;
        }

        Mono<Void> run(WebsocketInbound inbound, WebsocketOutbound outbound) {
            inbound.withConnection(opened -> this.connection = opened);
            // under the store lock, so that no job transition slips in between the snapshot and the registration
            JobStreamRoutes.this.runtime.jobs().locked(() -> {
                send("job.snapshot");
                JobStreamRoutes.this.sessions.add(this);
                return null;
            });
            JobStreamRoutes.this.streams.opened();
            Mono<Void> receiving = inbound.aggregateFrames(MAX_CLIENT_FRAME_BYTES).receiveFrames()
                    .doOnNext(this::onClientFrame)
                    .onErrorResume(ex -> Mono.empty())
                    .then();
            Mono<Void> sending = outbound.sendString(this.frames.asFlux()).then()
                    .then(Mono.defer(() -> outbound.sendClose(CLOSE_NORMAL, CLOSE_REASON)))
                    .onErrorResume(ex -> Mono.empty())
                    // the close frame also ends receiving, which ends the session
                    .then(Mono.never());
            return Mono.firstWithSignal(receiving, sending).doFinally(signal -> {
                JobStreamRoutes.this.sessions.remove(this);
                JobStreamRoutes.this.streams.closed();
                synchronized (this) {
                    this.finished = true;
                    this.frames.tryEmitComplete();
                }
            });
        }

        /** Closes the connection without a close frame, as a network failure would. */
        void drop() {
            Connection open = this.connection;
            if (open != null) {
                open.channel().close();
            }
        }

        /** Re-checks the job when an interval elapsed on the simulator clock. */
        void tick(Instant now) {
            boolean due;
            synchronized (this) {
                due = !now.isBefore(this.nextTickAt);
                if (due) {
                    this.nextTickAt = now.plus(this.interval);
                }
            }
            if (due) {
                check();
            }
        }

        /** Re-reads the job and sends {@code job.updated} when it changed. */
        void check() {
            send("job.updated");
        }

        private void onClientFrame(WebSocketFrame frame) {
            if (!(frame instanceof TextWebSocketFrame text)) {
                return;
            }
            String payload = text.text();
            JobStreamRoutes.this.streams.received(payload);
            if ("ping".equals(payload)) {
                synchronized (this) {
                    if (!this.finished) {
                        this.frames.tryEmitNext("{\"type\":\"pong\"}");
                    }
                }
            }
            else if ("refresh".equals(payload)) {
                JobStreamRoutes.this.runtime.refreshJobs();
                check();
            }
        }

        /**
         * Sends the job's current state as a frame of the given type: always for the snapshot, only when something
         * changed for updates. The store lock is taken before this session's, as job transition listeners hold it.
         */
        private void send(String type) {
            SimulatorRuntime runtime = JobStreamRoutes.this.runtime;
            runtime.jobs().locked(() -> {
                synchronized (this) {
                    if (this.finished) {
                        return null;
                    }
                    JobRecord job = runtime.jobs().find(this.jobId);
                    if (job == null) {
                        ObjectNode data = runtime.json().createObjectNode();
                        data.put("id", this.jobId);
                        data.put("kind", "video");
                        emit("job.deleted", data);
                        finish();
                        return null;
                    }
                    ObjectNode data = runtime.views().jobData(job, runtime.publicOrigin(),
                            this.requestOrigin, runtime.now(), null);
                    String serialised = runtime.json().writeValueAsString(data);
                    boolean changed = !job.storedStatus.equals(this.sentStatus)
                            || !job.updatedAt.equals(this.sentUpdatedAt) || !serialised.equals(this.sentData);
                    if (!"job.snapshot".equals(type) && !changed) {
                        return null;
                    }
                    this.sentStatus = job.storedStatus;
                    this.sentUpdatedAt = job.updatedAt;
                    this.sentData = serialised;
                    emit(type, data);
                    if (this.closeOnTerminal && CLOSING_STATUSES.contains(job.neutralStatus())) {
                        finish();
                    }
                    return null;
                }
            });
        }

        private void emit(String type, ObjectNode data) {
            ObjectNode frame = JobStreamRoutes.this.runtime.json().createObjectNode();
            frame.put("type", type);
            frame.set("data", data);
            this.frames.tryEmitNext(JobStreamRoutes.this.runtime.json().writeValueAsString(frame));
        }

        /** Ends the frames; the close frame follows them. */
        private void finish() {
            this.finished = true;
            this.frames.tryEmitComplete();
        }
    }

    /**
     * @return the ids of the jobs with an open stream, one entry per stream
     */
    List<String> openJobIds() {
        List<String> ids = new ArrayList<>();
        for (StreamSession session : this.sessions) {
            ids.add(Objects.requireNonNull(session.jobId()));
        }
        return ids;
    }
}
