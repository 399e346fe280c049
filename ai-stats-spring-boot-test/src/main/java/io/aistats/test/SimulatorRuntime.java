package io.aistats.test;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The state shared by the simulator's routes: settings, clock, keys, jobs, signing, faults, switches and the request
 * log. Routes reach everything through it.
 */
final class SimulatorRuntime {

    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final SimulatorClock clock;

    private final Ulids ids = new Ulids();

    private final JobStore jobs = new JobStore();

    private final Authenticator authenticator;

    private final DownloadLinks downloadLinks;

    private final JobViews views;

    private final SimulatorFaults faults = new SimulatorFaults();

    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    private final List<Consumer<Instant>> tickListeners = new CopyOnWriteArrayList<>();

    private final String workspaceId;

    private final Duration queuedFor;

    private final Duration processingFor;

    private final @Nullable URI configuredPublicOrigin;

    private final boolean allowLocalWebhookUrls;

    private volatile URI listeningOrigin = URI.create("http://127.0.0.1");

    private volatile boolean videoApiEnabled = true;

    private volatile boolean workspaceVideoGate = true;

    private volatile boolean cancellationEnabled;

    private volatile long contentSize = Mp4Content.sampleSize();

    private volatile WebhookEndpointLookup webhookEndpoints = (workspace, endpointId) -> false;

    SimulatorRuntime(SimulatorClock clock, Authenticator authenticator, @Nullable String downloadSigningSecret,
            String workspaceId, Duration queuedFor, Duration processingFor, @Nullable URI publicOrigin,
            boolean allowLocalWebhookUrls) {
        this.clock = clock;
        this.authenticator = authenticator;
        this.downloadLinks = new DownloadLinks(downloadSigningSecret);
        this.views = new JobViews(this.downloadLinks);
        this.workspaceId = workspaceId;
        this.queuedFor = queuedFor;
        this.processingFor = processingFor;
        this.configuredPublicOrigin = publicOrigin;
        this.allowLocalWebhookUrls = allowLocalWebhookUrls;
        clock.onAdvance(this::tick);
    }

    /** @return the JSON mapper (strict parsing: trailing tokens fail) */
    JsonMapper json() {
        return this.json;
    }

    /** @return the simulator clock */
    SimulatorClock clock() {
        return this.clock;
    }

    /** @return the current simulator time */
    Instant now() {
        return this.clock.now();
    }

    /** @return a fresh {@code G-} id (request ids, video ids) */
    String newId() {
        return this.ids.next(now());
    }

    /** @return the job store */
    JobStore jobs() {
        return this.jobs;
    }

    /** @return the key checks */
    Authenticator authenticator() {
        return this.authenticator;
    }

    /** @return signed download links */
    DownloadLinks downloadLinks() {
        return this.downloadLinks;
    }

    /** @return the renderers of job objects, list items and webhook/WebSocket job data */
    JobViews views() {
        return this.views;
    }

    /** @return the fault switches */
    SimulatorFaults faults() {
        return this.faults;
    }

    /** @return the default workspace id */
    String workspaceId() {
        return this.workspaceId;
    }

    /** @return how long a new job stays queued */
    Duration queuedFor() {
        return this.queuedFor;
    }

    /** @return how long a job processes */
    Duration processingFor() {
        return this.processingFor;
    }

    /** @return whether webhook endpoint URLs may point at loopback/private hosts (for local receivers in tests) */
    boolean allowLocalWebhookUrls() {
        return this.allowLocalWebhookUrls;
    }

    /** @return the simulator's own origin, {@code http://127.0.0.1:<port>} */
    URI listeningOrigin() {
        return this.listeningOrigin;
    }

    void listeningOrigin(URI origin) {
        this.listeningOrigin = origin;
    }

    /** @return the public origin used in webhook and WebSocket payloads (default: the listening origin) */
    URI publicOrigin() {
        return this.configuredPublicOrigin != null ? this.configuredPublicOrigin : this.listeningOrigin;
    }

    boolean videoApiEnabled() {
        return this.videoApiEnabled;
    }

    void videoApiEnabled(boolean enabled) {
        this.videoApiEnabled = enabled;
    }

    boolean workspaceVideoGate() {
        return this.workspaceVideoGate;
    }

    void workspaceVideoGate(boolean enabled) {
        this.workspaceVideoGate = enabled;
    }

    boolean cancellationEnabled() {
        return this.cancellationEnabled;
    }

    void cancellationEnabled(boolean enabled) {
        this.cancellationEnabled = enabled;
    }

    long contentSize() {
        return this.contentSize;
    }

    void contentSize(long bytes) {
        Mp4Content.checkSize(bytes);
        this.contentSize = bytes;
    }

    /** @return how create requests resolve {@code webhook.endpoint_id} */
    WebhookEndpointLookup webhookEndpoints() {
        return this.webhookEndpoints;
    }

    /**
     * Replaces the webhook endpoint lookup (installed by the webhook endpoint routes).
     * @param lookup the lookup
     */
    void webhookEndpoints(WebhookEndpointLookup lookup) {
        this.webhookEndpoints = lookup;
    }

    /**
     * Registers work to run on every lifecycle tick (scheduler ticks in real-time mode, clock advances in manual
     * mode), after due job transitions were applied: e.g. webhook retries that became due.
     * @param listener receives the simulator time
     */
    void onTick(Consumer<Instant> listener) {
        this.tickListeners.add(listener);
    }

    /**
     * Applies due job transitions and runs the tick listeners.
     * @param now the simulator time
     */
    void tick(Instant now) {
        this.jobs.refreshAll(now);
        for (Consumer<Instant> listener : this.tickListeners) {
            listener.accept(now);
        }
    }

    /** Applies due job transitions at the current time (lazy evaluation before reads). */
    void refreshJobs() {
        this.jobs.refreshAll(now());
    }

    void record(RecordedRequest request) {
        this.requests.add(request);
    }

    List<RecordedRequest> requests() {
        return new ArrayList<>(this.requests);
    }

    void clearRequests() {
        this.requests.clear();
    }

    /** @return a random workspace-style UUID string */
    static String randomUuid() {
        return UUID.randomUUID().toString();
    }
}
