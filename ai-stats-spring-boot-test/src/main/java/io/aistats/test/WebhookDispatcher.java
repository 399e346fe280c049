package io.aistats.test;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Produces the webhook events of jobs and delivers them like the gateway (§6): events from every stored change
 * (§6.3), filtered by the effective subscription (§6.2), signed with the endpoint's current secret (§6.5), sent with
 * the nine headers (§6.4), retried at +60 s, +5 min and +15 min on the simulator clock (§6.8), at most one success per
 * delivery key (§6.7), and recorded in the job's {@code webhook} state (§4.8).
 * <p>
 * Threads: events are produced by a {@link JobTransitionListener} (the job store is locked, so it only enqueues);
 * attempts are prepared and recorded on one worker thread and sent by Reactor Netty. Due retries are picked up on every
 * simulator tick, that is after every clock advance in manual mode. Lock order: job store, then endpoint store, then
 * this dispatcher's own lock.
 */
final class WebhookDispatcher implements AutoCloseable {

    /** Attempts per delivery key. */
    static final int MAX_ATTEMPTS = 4;

    /** Delays after failed attempts 1, 2 and 3. */
    static final List<Duration> RETRY_DELAYS =
            List.of(Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofMinutes(15));

    /** The subscription when neither the job nor the endpoint names a valid video event (§6.2). */
    static final List<String> FALLBACK_SUBSCRIPTION =
            List.of("job.status_changed", "job.completed", "job.failed", "job.cancelled", "job.expired");

    /** The gateway's default attempt timeout. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final System.Logger LOGGER = System.getLogger(WebhookDispatcher.class.getName());

    private final SimulatorRuntime runtime;

    private final WebhookEndpointStore endpoints;

    private final WebhookUrlPolicy urls;

    private final WebhookSender sender;

    private final ExecutorService worker;

    private final Object lock = new Object();

    /** Progress buckets already produced, per job (guarded by {@link #lock}). */
    private final Map<String, Set<Integer>> producedBuckets = new HashMap<>();

    /** Scheduled retries by job and delivery key (guarded by {@link #lock}). */
    private final Map<String, ScheduledAttempt> retries = new LinkedHashMap<>();

    private final List<SimulatedDelivery> log = new CopyOnWriteArrayList<>();

    /** Attempts enqueued, being prepared, sent or recorded (guarded by {@link #lock}). */
    private int inFlight;

    private boolean closed;

    /**
     * Starts listening to the runtime's jobs and ticks.
     * @param runtime the simulator state
     * @param endpoints the endpoint table
     * @param urls the URL rules, re-checked before every attempt
     * @param timeout the deadline of one attempt
     */
    WebhookDispatcher(SimulatorRuntime runtime, WebhookEndpointStore endpoints, WebhookUrlPolicy urls,
            Duration timeout) {
        this.runtime = runtime;
        this.endpoints = endpoints;
        this.urls = urls;
        this.sender = new WebhookSender(timeout);
        this.worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ai-stats-simulator-webhooks");
            thread.setDaemon(true);
            return thread;
        });
        runtime.jobs().addListener(this::onTransition);
        runtime.onTick(this::onTick);
    }

    /** @return every logged attempt and dropped delivery, oldest first */
    List<SimulatedDelivery> deliveries() {
        return List.copyOf(this.log);
    }

    /** Forgets the logged attempts. */
    void clearDeliveries() {
        this.log.clear();
    }

    /**
     * Waits until no attempt is enqueued, being sent or being recorded.
     * @param timeout how long to wait at most
     * @throws IllegalStateException when attempts are still in flight after the timeout, or when interrupted
     */
    void awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this.lock) {
            while (this.inFlight > 0) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new IllegalStateException(this.inFlight + " webhook delivery attempt(s) still in flight after "
                            + timeout);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this.lock, remaining);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for webhook deliveries", ex);
                }
            }
        }
    }

    /**
     * Drops the scheduled retries of every job notifying the endpoint (it was disabled or deleted).
     * @param endpointId the endpoint
     */
    void dropScheduledRetries(String endpointId) {
        Instant now = this.runtime.now();
        this.runtime.jobs().locked(() -> {
            List<ScheduledAttempt> dropped = new ArrayList<>();
            synchronized (this.lock) {
                for (Iterator<ScheduledAttempt> it = this.retries.values().iterator(); it.hasNext();) {
                    ScheduledAttempt retry = it.next();
                    if (retry.event().endpointId().equals(endpointId)) {
                        dropped.add(retry);
                        it.remove();
                    }
                }
            }
            for (ScheduledAttempt retry : dropped) {
                JobRecord record = this.runtime.jobs().find(retry.event().videoId());
                if (record != null && record.webhook != null) {
                    record.webhook.dropRetry(retry.event().deliveryKey());
                }
                logDrop(retry.event(), retry.attempt(), "Webhook endpoint is not active", now);
            }
            return null;
        });
    }

    // --- producing events (job store locked) -----------------------------------------------------------------------

    private void onTransition(JobTransition transition) {
        JobRecord record = this.runtime.jobs().find(transition.job().id());
        if (record == null || record.webhook == null) {
            return;
        }
        SimulatedWebhookEndpoint endpoint = this.endpoints.find(record.webhook.endpointId());
        if (endpoint == null) {
            return;
        }
        for (WebhookEvent event : WebhookEvent.of(transition, record.webhook.endpointId())) {
            if (subscribed(record.webhook, endpoint, event.phase()) && isNewBucket(event)) {
                submit(event, 1);
            }
        }
    }

    private boolean isNewBucket(WebhookEvent event) {
        if (event.progressBucket() == null) {
            return true;
        }
        synchronized (this.lock) {
            return this.producedBuckets.computeIfAbsent(event.videoId(), id -> new HashSet<>())
                    .add(event.progressBucket());
        }
    }

    /**
     * The effective subscription (§6.2): the job's valid events, else the endpoint's valid events, else the
     * fallback list; a phase is subscribed through {@code job.<phase>} or {@code video.<phase>}.
     */
    static boolean subscribed(JobWebhookState webhook, SimulatedWebhookEndpoint endpoint, String phase) {
        List<String> effective = webhook.events();
        if (effective.isEmpty()) {
            effective = VideoWebhookEvents.normalizeAll(endpoint.events());
        }
        if (effective.isEmpty()) {
            effective = FALLBACK_SUBSCRIPTION;
        }
        return effective.contains("job." + phase) || effective.contains("video." + phase);
    }

    private void onTick(Instant now) {
        List<ScheduledAttempt> due = new ArrayList<>();
        synchronized (this.lock) {
            for (Iterator<ScheduledAttempt> it = this.retries.values().iterator(); it.hasNext();) {
                ScheduledAttempt retry = it.next();
                if (!retry.dueAt().isAfter(now)) {
                    due.add(retry);
                    it.remove();
                }
            }
        }
        due.forEach(retry -> submit(retry.event(), retry.attempt()));
    }

    private void submit(WebhookEvent event, int attempt) {
        synchronized (this.lock) {
            if (this.closed) {
                return;
            }
            this.inFlight++;
        }
        try {
            this.worker.execute(() -> attempt(event, attempt));
        }
        catch (RejectedExecutionException ex) {
            finished();
        }
    }

    // --- attempts (worker thread) ----------------------------------------------------------------------------------

    private void attempt(WebhookEvent event, int number) {
        Prepared prepared;
        try {
            prepared = prepare(event, number);
        }
        catch (RuntimeException ex) {
            LOGGER.log(System.Logger.Level.WARNING, "Could not prepare webhook delivery " + event.deliveryKey()
                    + " of " + event.videoId(), ex);
            finished();
            return;
        }
        if (prepared == null) {
            finished();
            return;
        }
        this.sender.send(prepared.url(), new WebhookSigner(prepared.secret()).headers(prepared.body(),
                prepared.triedAt()), prepared.body())
                .subscribe(result -> onAnswer(prepared, result), failure -> finished());
    }

    private void onAnswer(Prepared prepared, WebhookSender.Result result) {
        try {
            this.worker.execute(() -> {
                try {
                    complete(prepared, result);
                }
                finally {
                    finished();
                }
            });
        }
        catch (RejectedExecutionException ex) {
            finished();
        }
    }

    /**
     * Re-evaluates the delivery at attempt time and renders its body, or drops it.
     * @return what to send, or {@code null} when nothing is sent
     */
    private @Nullable Prepared prepare(WebhookEvent event, int number) {
        Instant now = this.runtime.now();
        // the URL check may resolve a host name: done before the job store is locked
        SimulatedWebhookEndpoint checked = this.endpoints.find(event.endpointId());
        WebhookUrlPolicy.Verdict verdict = checked != null && checked.isActive() ? this.urls.check(checked.url())
                : null;
        return this.runtime.jobs().locked(() -> {
            JobRecord record = this.runtime.jobs().find(event.videoId());
            if (record == null || record.webhook == null || record.webhook.isDelivered(event.deliveryKey())) {
                return null;
            }
            SimulatedWebhookEndpoint endpoint = this.endpoints.find(event.endpointId());
            if (endpoint == null || !endpoint.isActive() || !endpoint.workspaceId().equals(record.workspaceId)) {
                drop(record, event, number, "Webhook endpoint is not active", now);
                return null;
            }
            if (!subscribed(record.webhook, endpoint, event.phase())) {
                drop(record, event, number, "Webhook event is no longer subscribed", now);
                return null;
            }
            WebhookUrlPolicy.Verdict current = verdict != null && checked.url().equals(endpoint.url()) ? verdict
                    : this.urls.check(endpoint.url());
            if (!current.isAccepted()) {
                record(event, number, now, now, null, "Webhook URL rejected: " + current.rejection(), null);
                return null;
            }
            return new Prepared(event, number, String.valueOf(current.url()), endpoint.signingSecret(),
                    body(record, event, number, now), now);
        });
    }

    /** The payload (§6.6) in the gateway's member order, compact. */
    private byte[] body(JobRecord record, WebhookEvent event, int number, Instant now) {
        ObjectNode root = this.runtime.json().createObjectNode();
        root.put("id", event.eventId());
        root.put("type", event.type());
        root.put("created_at", Timestamps.unixSeconds(now));
        ObjectNode delivery = root.putObject("delivery");
        delivery.put("key", event.deliveryKey());
        delivery.put("attempt", number);
        delivery.put("max_attempts", MAX_ATTEMPTS);
        root.set("data", this.runtime.views().jobData(record, this.runtime.publicOrigin(),
                this.runtime.publicOrigin(), now, event.progressBucket()));
        if (event.isStatusChange()) {
            ObjectNode change = root.putObject("status_change");
            change.put("previous_status", event.previousStatus());
            change.put("status", event.newStatus());
        }
        return this.runtime.json().writeValueAsBytes(root);
    }

    private void complete(Prepared prepared, WebhookSender.Result result) {
        Integer status = result.status();
        String error = null;
        if (status == null) {
            error = result.failure();
        }
        else if (status >= 300 && status < 400) {
            error = "Webhook redirects are not allowed";
        }
        else if (status < 200 || status >= 300) {
            error = "Webhook returned HTTP " + status;
        }
        record(prepared.event(), prepared.attempt(), prepared.triedAt(), this.runtime.now(), status, error,
                result.bodyPreview());
    }

    /**
     * Records an attempt in the job's webhook state and the log, and schedules the next attempt after a failure.
     * @param error {@code null} for a success
     */
    private void record(WebhookEvent event, int number, Instant triedAt, Instant now, @Nullable Integer status,
            @Nullable String error, @Nullable String preview) {
        boolean delivered = error == null;
        boolean urlRejected = error != null && error.startsWith("Webhook URL rejected");
        Instant nextRetry = !delivered && !urlRejected && number < MAX_ATTEMPTS
                ? now.plus(RETRY_DELAYS.get(number - 1)) : null;
        String outcome = delivered ? SimulatedDelivery.DELIVERED
                : nextRetry != null ? SimulatedDelivery.SCHEDULED_RETRY : SimulatedDelivery.FAILED_PERMANENTLY;
        WebhookAttempt attempt = new WebhookAttempt(event.deliveryKey(), event.type(), outcome, number, MAX_ATTEMPTS,
                triedAt, delivered ? now : null, nextRetry, status, error, preview);
        this.runtime.jobs().update(event.videoId(), record -> {
            if (record.webhook == null) {
                return;
            }
            record.webhook.recordAttempt(attempt);
            record.lastWebhookDispatchedAt = triedAt;
            if (delivered && event.progressBucket() != null) {
                record.webhook.recordProgressDelivery(event.progressBucket(), now);
            }
            if (nextRetry != null) {
                synchronized (this.lock) {
                    this.retries.put(retryKey(event), new ScheduledAttempt(event, number + 1, nextRetry));
                }
            }
        }, now);
        this.log.add(new SimulatedDelivery(event.videoId(), event.endpointId(), event.eventId(), event.type(),
                event.deliveryKey(), number, outcome, status, error, triedAt));
    }

    private void drop(JobRecord record, WebhookEvent event, int number, String reason, Instant now) {
        if (record.webhook != null) {
            record.webhook.dropRetry(event.deliveryKey());
        }
        synchronized (this.lock) {
            this.retries.remove(retryKey(event));
        }
        logDrop(event, number, reason, now);
    }

    private void logDrop(WebhookEvent event, int number, String reason, Instant now) {
        this.log.add(new SimulatedDelivery(event.videoId(), event.endpointId(), event.eventId(), event.type(),
                event.deliveryKey(), number, SimulatedDelivery.DROPPED, null, reason, now));
    }

    private void finished() {
        synchronized (this.lock) {
            if (this.inFlight > 0) {
                this.inFlight--;
            }
            if (this.inFlight == 0) {
                this.lock.notifyAll();
            }
        }
    }

    private static String retryKey(WebhookEvent event) {
        return event.videoId() + " " + event.deliveryKey();
    }

    /** Stops sending; attempts in flight are abandoned. */
    @Override
    public void close() {
        synchronized (this.lock) {
            this.closed = true;
            this.inFlight = 0;
            this.retries.clear();
            this.lock.notifyAll();
        }
        this.worker.shutdownNow();
        this.sender.close();
    }

    /**
     * A retry waiting for its time.
     * @param event the event
     * @param attempt the attempt number it will be
     * @param dueAt when it is due (simulator time)
     */
    private record ScheduledAttempt(WebhookEvent event, int attempt, Instant dueAt) {
    }

    /**
     * An attempt ready to send.
     * @param event the event
     * @param attempt its number
     * @param url the normalised endpoint URL
     * @param secret the endpoint's current secret
     * @param body the exact body
     * @param triedAt the signing time
     */
    private record Prepared(WebhookEvent event, int attempt, String url, String secret, byte[] body,
            Instant triedAt) {

        @Override
        public String toString() {
            return "Prepared[" + this.event.deliveryKey() + " #" + this.attempt + " to " + this.url + "]";
        }
    }
}
