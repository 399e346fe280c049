package io.aistats.test;

import org.jspecify.annotations.Nullable;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An in-process simulator of the AI Stats (Phaseo) gateway's video API, listening on a free loopback port. It
 * follows the gateway contract: the same routes under {@code /v1/videos} and {@code /v1/video/generations}, the same
 * check order, authentication reasons, error envelopes, status vocabularies, job objects, signed download links and
 * quirks. Jobs move {@code queued} → processing → completed on the simulator clock; tests can steer them
 * ({@link #jobs()}), inject faults ({@link #faults()}) and inspect what was received ({@link #requests()}). Webhook
 * endpoints are managed under {@code /v1/webhook-endpoints} and receive signed deliveries ({@link #webhooks()}).
 * <p>
 * Typical use:
 * <pre>{@code
 * try (AiStatsGatewaySimulator gateway = AiStatsGatewaySimulator.builder().manualClock().start()) {
 *     // point the client at gateway.baseUrl() with gateway.apiKey()
 *     gateway.clock().advance(Duration.ofSeconds(4)); // the job completes
 * }
 * }</pre>
 */
public final class AiStatsGatewaySimulator implements AutoCloseable {

    private static final Duration TICK = Duration.ofMillis(50);

    private final SimulatorRuntime runtime;

    private final SimulatorFaults faults;

    private final SimulatedJobs jobs;

    private final JobStreamRoutes streams;

    private final WebhookDispatcher webhookDispatcher;

    private final WebhookEndpointRoutes webhookEndpoints;

    private final SimulatedWebhooks webhooks;

    private final LoopResources loops;

    private final DisposableServer server;

    private final @Nullable ScheduledExecutorService scheduler;

    private final String apiKey;

    private final String managementKey;

    private final AtomicBoolean closed = new AtomicBoolean();

    private AiStatsGatewaySimulator(Builder builder) {
        SimulatorClock clock = builder.manualStart != null ? SimulatorClock.manual(builder.manualStart)
                : SimulatorClock.realTime();
        Authenticator authenticator = new Authenticator();
        List<String> inference = builder.inferenceKeys.isEmpty() ? List.of(generateKey("sk"))
                : builder.inferenceKeys;
        List<String> management = builder.managementKeys.isEmpty() ? List.of(generateKey("mk"))
                : builder.managementKeys;
        inference.forEach(key -> authenticator.register(key, builder.workspaceId));
        management.forEach(key -> authenticator.register(key, builder.workspaceId));
        builder.otherWorkspaceKeys.forEach((key, workspace) -> authenticator.register(key, workspace));
        Map<String, Set<String>> scopesByKid = new HashMap<>();
        builder.scopedManagementKeys.forEach((key, scopes) -> {
            authenticator.register(key, builder.workspaceId);
            scopesByKid.put(Objects.requireNonNull(ApiKey.parse(key)).kid(), scopes);
        });
        this.apiKey = inference.get(0);
        this.managementKey = management.get(0);
        this.runtime = new SimulatorRuntime(clock, authenticator, builder.downloadSigningSecret, builder.workspaceId,
                builder.queuedFor, builder.processingFor, builder.publicOrigin, builder.allowLocalWebhookUrls);
        this.faults = this.runtime.faults();
        this.jobs = new SimulatedJobs(this.runtime);
        this.streams = new JobStreamRoutes(this.runtime);
        WebhookUrlPolicy webhookUrls = new WebhookUrlPolicy(builder.allowLocalWebhookUrls,
                WebhookUrlPolicy.HostResolver.SYSTEM);
        WebhookEndpointStore endpointStore = new WebhookEndpointStore(webhookUrls);
        this.runtime.webhookEndpoints(endpointStore);
        this.webhookDispatcher = new WebhookDispatcher(this.runtime, endpointStore, webhookUrls,
                builder.webhookTimeout);
        this.webhookEndpoints = new WebhookEndpointRoutes(this.runtime, endpointStore, this.webhookDispatcher,
                webhookUrls, scopesByKid);
        this.webhooks = new SimulatedWebhooks(this.runtime, endpointStore, this.webhookDispatcher, webhookUrls);
        RouteRegistry routes = new RouteRegistry();
        for (SimulatorRoutes group : routeGroups(this.runtime, builder, this.streams, this.webhookEndpoints)) {
            group.register(routes);
        }
        SimulatorHttpHandler handler = new SimulatorHttpHandler(this.runtime, routes);
        this.loops = LoopResources.create("ai-stats-simulator", 2, true);
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(builder.port)
                .runOn(this.loops)
                .handle(handler::handle)
                .bindNow(Duration.ofSeconds(10));
        this.runtime.listeningOrigin(URI.create("http://127.0.0.1:" + this.server.port()));
        if (clock.isManual()) {
            this.scheduler = null;
        }
        else {
            this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "ai-stats-simulator-lifecycle");
                thread.setDaemon(true);
                return thread;
            });
            this.scheduler.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The route groups served by the simulator. New concerns (webhook endpoints, the WebSocket stream) add their
     * {@link SimulatorRoutes} here.
     */
    private static List<SimulatorRoutes> routeGroups(SimulatorRuntime runtime, Builder builder,
            JobStreamRoutes streams, WebhookEndpointRoutes webhookEndpoints) {
        return List.of(new HealthRoutes(runtime), new VideoRoutes(runtime, builder.enforceContentLimit), streams,
                webhookEndpoints);
    }

    private void tick() {
        try {
            this.runtime.tick(this.runtime.now());
        }
        catch (RuntimeException ex) {
            System.getLogger(AiStatsGatewaySimulator.class.getName())
                    .log(System.Logger.Level.WARNING, "Simulator lifecycle tick failed", ex);
        }
    }

    /**
     * Starts a simulator with default settings: a real-time clock, jobs queued for 1 s and processing for 3 s, one
     * generated inference key and one generated management key.
     * @return the started simulator
     */
    public static AiStatsGatewaySimulator start() {
        return builder().start();
    }

    /**
     * @return a builder of a customised simulator
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return the base URL clients use, {@code http://127.0.0.1:<port>/v1}
     */
    public URI baseUrl() {
        return URI.create(origin() + "/v1");
    }

    /**
     * @return the origin, {@code http://127.0.0.1:<port>}
     */
    public URI origin() {
        return this.runtime.listeningOrigin();
    }

    /**
     * @return the listening port
     */
    public int port() {
        return this.server.port();
    }

    /**
     * @return a valid inference key, {@code phaseo_v1_sk_<kid>_<secret>}
     */
    public String apiKey() {
        return this.apiKey;
    }

    /**
     * @return a valid management key, {@code phaseo_v1_mk_<kid>_<secret>}
     */
    public String managementKey() {
        return this.managementKey;
    }

    /**
     * The properties that point the starter at this simulator, for a property source or a test's properties:
     * {@code ai-stats.base-url} ({@link #baseUrl()}), {@code ai-stats.api-key} ({@link #apiKey()}) and
     * {@code ai-stats.management-key} ({@link #managementKey()}).
     * @return a new map of the three, in that order, which the caller may change
     */
    public Map<String, Object> clientProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("ai-stats.base-url", baseUrl().toString());
        properties.put("ai-stats.api-key", apiKey());
        properties.put("ai-stats.management-key", managementKey());
        return properties;
    }

    /**
     * @return the workspace of {@link #apiKey()} and {@link #managementKey()}
     */
    public String workspaceId() {
        return this.runtime.workspaceId();
    }

    /**
     * @return the simulator clock
     */
    public SimulatorClock clock() {
        return this.runtime.clock();
    }

    /**
     * @return the fault switches
     */
    public SimulatorFaults faults() {
        return this.faults;
    }

    /**
     * @return the jobs, to inspect and steer
     */
    public SimulatedJobs jobs() {
        return this.jobs;
    }

    /**
     * @return the WebSocket lifecycle streams, to inspect and drop
     */
    public SimulatedStreams streams() {
        return this.streams.streams();
    }

    /**
     * @return the webhook endpoints and deliveries, to inspect and steer
     */
    public SimulatedWebhooks webhooks() {
        return this.webhooks;
    }

    /**
     * Sets the size of every content body from now on. Sizes above the bundled MP4's append an MP4 {@code free} box
     * (the file stays playable); smaller sizes serve a prefix of the MP4.
     * @param bytes the body size; not negative and not 1 ... 7 bytes above the MP4's size
     */
    public void contentSize(long bytes) {
        this.runtime.contentSize(bytes);
    }

    /**
     * @return the current content body size
     */
    public long contentSize() {
        return this.runtime.contentSize();
    }

    /**
     * @return a copy of the bundled MP4 (the start of every content body)
     */
    public static byte[] sampleVideo() {
        return Mp4Content.sample();
    }

    /**
     * @return every request received so far, oldest first
     */
    public List<RecordedRequest> requests() {
        return this.runtime.requests();
    }

    /**
     * Forgets the recorded requests.
     */
    public void clearRequests() {
        this.runtime.clearRequests();
    }

    /**
     * @param method an HTTP method, or {@code null} for any
     * @param pathPrefix a path prefix such as {@code /v1/videos}
     * @return how many recorded requests match
     */
    public long requestCount(@Nullable String method, String pathPrefix) {
        return this.runtime.requests().stream()
                .filter(request -> method == null || method.equalsIgnoreCase(request.method()))
                .filter(request -> request.path().startsWith(pathPrefix))
                .count();
    }

    /**
     * The gateway's global video switch: when off, every video route answers 501
     * {@code video_api_temporarily_disabled} before authentication.
     * @param enabled whether the video API is on (default)
     */
    public void videoApiEnabled(boolean enabled) {
        this.runtime.videoApiEnabled(enabled);
    }

    /**
     * The per-workspace video gate: when off, create, list and models answer 501 {@code video_api_feature_disabled}
     * after authentication.
     * @param enabled whether the workspace may use the video API (default)
     */
    public void workspaceVideoGate(boolean enabled) {
        this.runtime.workspaceVideoGate(enabled);
    }

    /**
     * The gateway's cancel route, which the live gateway keeps switched off by one constant (contract §11). Off (the
     * default), every cancel answers 501 {@code video_cancellation_disabled}. On, it answers as the gateway's code
     * would: 404 for an unknown job, 400 {@code video_cancel_requires_non_terminal_status} (with the job's
     * {@code status}) once the job is completed, failed, cancelled or expired, 501
     * {@code video_cancel_provider_not_supported} when the job's provider cannot cancel (only {@code openai},
     * {@code alibaba}, {@code alibaba-cloud}, {@code qwen} and {@code runway} can), and otherwise cancels the job
     * (with the {@code video.cancelled} and {@code video.status_changed} deliveries of any cancellation) and answers
     * 200 with the job object, {@code status: "cancelled"}. A provider failure, 502, is armed with
     * {@code faults().failNext(1, 502, "POST", "/v1/videos/")}.
     * @param enabled whether cancellation is switched on
     */
    public void cancellation(boolean enabled) {
        this.runtime.cancellationEnabled(enabled);
    }

    /**
     * The workspace's Batch API gate, which also governs the webhook endpoint routes: when off, they answer 403
     * {@code batch_api_feature_flag_disabled} after authentication and scope checks.
     * @param enabled whether the workspace may manage webhook endpoints (default)
     */
    public void batchApiGate(boolean enabled) {
        this.webhookEndpoints.batchApiGate(enabled);
    }

    /**
     * Stops the server, the lifecycle scheduler and webhook deliveries. Closing twice is harmless.
     */
    @Override
    public void close() {
        if (!this.closed.compareAndSet(false, true)) {
            return;
        }
        if (this.scheduler != null) {
            this.scheduler.shutdownNow();
        }
        this.webhookDispatcher.close();
        this.server.disposeNow(Duration.ofSeconds(5));
        // no quiet period: open keep-alive connections of test clients are simply closed
        this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
    }

    /**
     * @return whether {@link #close()} was called
     */
    public boolean isClosed() {
        return this.closed.get();
    }

    /** Package access for route groups and tests of the internals. */
    SimulatorRuntime runtime() {
        return this.runtime;
    }

    @Override
    public String toString() {
        return "AiStatsGatewaySimulator[" + baseUrl() + ", " + clock() + "]";
    }

    private static String generateKey(String kind) {
        SecureRandom random = new SecureRandom();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder kid = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            kid.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        StringBuilder secret = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            secret.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return "phaseo_v1_" + kind + "_" + kid + "_" + secret;
    }

    /**
     * Configures a simulator; {@link #start()} starts it.
     */
    public static final class Builder {

        private int port;

        private @Nullable Instant manualStart;

        private Duration queuedFor = Duration.ofSeconds(1);

        private Duration processingFor = Duration.ofSeconds(3);

        private final List<String> inferenceKeys = new ArrayList<>();

        private final List<String> managementKeys = new ArrayList<>();

        private final Map<String, String> otherWorkspaceKeys = new LinkedHashMap<>();

        private final Map<String, Set<String>> scopedManagementKeys = new LinkedHashMap<>();

        private Duration webhookTimeout = WebhookDispatcher.DEFAULT_TIMEOUT;

        private @Nullable URI publicOrigin;

        private String workspaceId = SimulatorRuntime.randomUuid();

        private @Nullable String downloadSigningSecret = "simulator-download-signing-secret";

        private boolean allowLocalWebhookUrls;

        private boolean enforceContentLimit;

        private Builder() {
        }

        /**
         * @param port the port to listen on; 0 (default) picks a free one
         * @return this
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 ... 65535: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Time stands still until {@link SimulatorClock#advance(Duration)}; it starts at the current time (whole
         * seconds). No background scheduler runs.
         * @return this
         */
        public Builder manualClock() {
            return manualClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }

        /**
         * Like {@link #manualClock()}, starting at a given time.
         * @param start the initial simulator time
         * @return this
         */
        public Builder manualClock(Instant start) {
            this.manualStart = Objects.requireNonNull(start, "start");
            return this;
        }

        /**
         * @param duration how long new jobs stay {@code queued} (default 1 s)
         * @return this
         */
        public Builder queuedFor(Duration duration) {
            this.queuedFor = nonNegative(duration, "queuedFor");
            return this;
        }

        /**
         * @param duration how long jobs process before reaching their outcome (default 3 s)
         * @return this
         */
        public Builder processingFor(Duration duration) {
            this.processingFor = nonNegative(duration, "processingFor");
            return this;
        }

        /**
         * Replaces the generated inference key by these (the first one is {@link #apiKey()}).
         * @param keys {@code phaseo_v1_sk_<kid>_<secret>} keys of the simulator's workspace
         * @return this
         */
        public Builder inferenceKey(String... keys) {
            for (String key : keys) {
                requireKind(key, "sk");
                this.inferenceKeys.add(key);
            }
            return this;
        }

        /**
         * Replaces the generated management key by these (the first one is {@link #managementKey()}).
         * @param keys {@code phaseo_v1_mk_<kid>_<secret>} keys of the simulator's workspace
         * @return this
         */
        public Builder managementKey(String... keys) {
            for (String key : keys) {
                requireKind(key, "mk");
                this.managementKeys.add(key);
            }
            return this;
        }

        /**
         * Adds a management key of the simulator's workspace with only the given scopes (other management keys have
         * {@code settings:read} and {@code settings:write}). A key without {@code settings:write} gets 403
         * {@code insufficient_scope} on {@code POST}, {@code PATCH} and {@code DELETE}; a key without any scope gets
         * 401 {@code management_key_scopes_required}.
         * @param key a {@code phaseo_v1_mk_<kid>_<secret>} key
         * @param scopes its scopes, e.g. {@code settings:read}
         * @return this
         */
        public Builder managementKeyWithScopes(String key, String... scopes) {
            requireKind(key, "mk");
            this.scopedManagementKeys.put(key, Set.of(scopes));
            return this;
        }

        /**
         * @param timeout how long one webhook delivery attempt may take before it counts as failed (default 30 s, as
         * the gateway; at most 120 s)
         * @return this
         */
        public Builder webhookTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofSeconds(120)) > 0) {
                throw new IllegalArgumentException("webhookTimeout must be positive and at most 120 s: " + timeout);
            }
            this.webhookTimeout = timeout;
            return this;
        }

        /**
         * Adds an inference key of another workspace: its jobs are invisible to the main workspace and vice versa.
         * @param workspaceId the other workspace
         * @param key a {@code phaseo_v1_sk_<kid>_<secret>} key
         * @return this
         */
        public Builder otherWorkspaceKey(String workspaceId, String key) {
            requireKind(key, "sk");
            this.otherWorkspaceKeys.put(key, Objects.requireNonNull(workspaceId, "workspaceId"));
            return this;
        }

        /**
         * @param origin origin of URLs in webhook and WebSocket payloads (default: the simulator's own origin)
         * @return this
         */
        public Builder publicOrigin(URI origin) {
            this.publicOrigin = Objects.requireNonNull(origin, "origin");
            return this;
        }

        /**
         * @param workspaceId the workspace of the simulator's keys (default: a random UUID)
         * @return this
         */
        public Builder workspaceId(String workspaceId) {
            this.workspaceId = Objects.requireNonNull(workspaceId, "workspaceId");
            return this;
        }

        /**
         * @param secret the HMAC secret of signed download links
         * @return this
         */
        public Builder downloadSigningSecret(String secret) {
            this.downloadSigningSecret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /**
         * Simulates a gateway without a download-signing secret: {@code download_url} members are {@code null} and
         * {@code POST .../download_url} answers 500 {@code video_download_signing_not_configured}.
         * @return this
         */
        public Builder withoutDownloadSigning() {
            this.downloadSigningSecret = null;
            return this;
        }

        /**
         * @param allow whether webhook endpoint URLs may use {@code http} and loopback/private hosts, so that tests
         * can receive deliveries locally (the real gateway allows only public {@code https})
         * @return this
         */
        public Builder allowLocalWebhookUrls(boolean allow) {
            this.allowLocalWebhookUrls = allow;
            return this;
        }

        /**
         * @param enforce whether content larger than 512 MiB answers 502 {@code video_content_too_large} as the
         * gateway does (default off, so that tests can stream larger bodies)
         * @return this
         */
        public Builder enforceContentLimit(boolean enforce) {
            this.enforceContentLimit = enforce;
            return this;
        }

        /**
         * @return the started simulator
         */
        public AiStatsGatewaySimulator start() {
            return new AiStatsGatewaySimulator(this);
        }

        private static Duration nonNegative(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative: " + duration);
            }
            return duration;
        }

        private static void requireKind(String key, String kind) {
            ApiKey parsed = ApiKey.parse(Objects.requireNonNull(key, "key"));
            if (parsed == null || !parsed.kind().equals(kind)) {
                throw new IllegalArgumentException("Not a " + ("sk".equals(kind) ? "n inference" : " management")
                        + " key of the form phaseo_v1_" + kind + "_<kid>_<secret> (kid: 6-64 letters or digits)");
            }
        }
    }
}
