package io.aistats.test;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The video routes (§3), mounted under {@code /v1/videos} and {@code /v1/video/generations}. Each applies the common
 * check order (§3.0; the global switch is applied by the dispatcher): authentication, the workspace gate where it
 * applies, then its own checks.
 */
final class VideoRoutes implements SimulatorRoutes {

    /** Both mount points of the video API. */
    static final List<String> MOUNTS = List.of("/v1/videos", "/v1/video/generations");

    /** Largest content the gateway proxies; larger bodies fail when the limit is enforced. */
    static final long MAX_PROXIED_CONTENT = 512L * 1024 * 1024;

    private static final Pattern UUID_FORMAT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final int LIST_WINDOW = 101;

    private final SimulatorRuntime runtime;

    private final JobViews views;

    private final boolean enforceContentLimit;

    private final SecureRandom random = new SecureRandom();

    VideoRoutes(SimulatorRuntime runtime, boolean enforceContentLimit) {
        this.runtime = runtime;
        this.views = runtime.views();
        this.enforceContentLimit = enforceContentLimit;
    }

    @Override
    public void register(RouteRegistry routes) {
        for (String mount : MOUNTS) {
            routes.add("POST", mount, this::create)
                    .add("GET", mount, videoGated(this::list))
                    .add("GET", mount + "/models", videoGated(this::models))
                    .add("GET", mount + "/{video_id}", authenticated(this::get))
                    .add("GET", mount + "/{video_id}/content", this::content)
                    .add("POST", mount + "/{video_id}/download_url", authenticated(this::downloadUrl))
                    .add("POST", mount + "/{video_id}/cancel", authenticated(this::cancel))
                    .add("DELETE", mount + "/{video_id}", authenticated(this::delete));
        }
    }

    // --- POST /v1/videos ------------------------------------------------------------------------------------------

    private Mono<Void> create(SimulatorExchange exchange) {
        long started = System.nanoTime();
        exchange.header("Server-Timing", "gateway;dur=1").header("Timing-Allow-Origin", "*");
        return videoGated((checked, requestId, principal) -> create(checked, requestId, principal, started))
                .handle(exchange);
    }

    private Mono<Void> create(SimulatorExchange exchange, String requestId, Authenticator.Principal principal,
            long started) {
        if (exchange.bodyTooLarge()) {
            return exchange.createError(CreateError.user(413, "payload_too_large", "payload_too_large"), requestId);
        }
        String contentType = String.valueOf(exchange.header("Content-Type")).toLowerCase(Locale.ROOT);
        if (contentType.contains("multipart/form-data") || contentType.contains("application/x-www-form-urlencoded")) {
            return exchange.createError(CreateError.user(400, "validation_error",
                    "The simulator accepts JSON request bodies only"), requestId);
        }
        JsonNode body = parseJson(exchange.body());
        if (body == null) {
            return exchange.createError(CreateError.user(400, "invalid_json", "invalid_json"), requestId);
        }
        CreateRequestValidator.Result validation = CreateRequestValidator.validate(body);
        CreateRequest request = validation.request();
        if (request == null) {
            return exchange.createError(CreateError.validation(validation.issues()), requestId);
        }
        VideoModel model = VideoModelCatalog.resolve(request.model()).orElse(null);
        if (model == null) {
            return exchange.createError(CreateError.user(400, "unsupported_model_or_endpoint",
                    "The requested model is not available on this endpoint. List the available video models with "
                            + "GET /v1/videos/models and use one of their ids.")
                    .reason("model_not_supported_for_endpoint"), requestId);
        }
        JobWebhookState webhook = null;
        if (request.webhookEndpointId() != null) {
            if (!UUID_FORMAT.matcher(request.webhookEndpointId()).matches()) {
                // the gateway's endpoint lookup fails on a malformed UUID and the framework answers 500
                return exchange.text(500, "Internal Server Error");
            }
            UUID endpointId = UUID.fromString(request.webhookEndpointId());
            if (!this.runtime.webhookEndpoints().isActive(principal.workspaceId(), endpointId)) {
                return exchange.createError(CreateError.user(400, "validation_error",
                        "webhook.endpoint_id must reference an active webhook endpoint in this workspace."),
                        requestId);
            }
            webhook = new JobWebhookState(request.webhookEndpointId().toLowerCase(Locale.ROOT),
                    request.webhookEvents());
        }
        JobRecord job = newJob(requestId, principal.workspaceId(), model, request, exchange, webhook);
        this.runtime.jobs().add(job);
        long latencyMillis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        return exchange.json(200, this.views.createResponse(job, latencyMillis), "no-store");
    }

    private JobRecord newJob(String id, String workspaceId, VideoModel model, CreateRequest request,
            SimulatorExchange exchange, @Nullable JobWebhookState webhook) {
        Instant now = this.runtime.now();
        int seconds = request.seconds() != null ? Integer.parseInt(request.seconds())
                : request.duration() != null ? request.duration() : model.defaultSeconds();
        String size = request.size() != null ? request.size() : request.resolution();
        String providerSize = model.isOpenAi() ? openAiSize(request) : null;
        Instant startsAt = now.plus(this.runtime.queuedFor());
        Instant finishesAt = startsAt.plus(this.runtime.processingFor());
        String sessionId = firstHeader(exchange, "x-session-id", "x-phaseo-session-id");
        String appId = firstHeader(exchange, "x-app-id");
        return new JobRecord(id, workspaceId, model, request.prompt(), seconds, size, providerSize,
                request.sampleCount(), request.outputAccess(), nativeId(model), sessionId, appId,
                UUID.randomUUID().toString(), now, startsAt, finishesAt, plannedOutcome(request.prompt()), webhook);
    }

    /** Prompt markers let tests choose a job's fate without touching the simulator. */
    static JobRecord.Outcome plannedOutcome(String prompt) {
        String text = prompt.toLowerCase(Locale.ROOT);
        if (text.contains("[simulate:fail]")) {
            return JobRecord.Outcome.FAILED;
        }
        if (text.contains("[simulate:expire]")) {
            return JobRecord.Outcome.EXPIRED;
        }
        if (text.contains("[simulate:cancel]")) {
            return JobRecord.Outcome.CANCELLED;
        }
        return JobRecord.Outcome.COMPLETED;
    }

    private static String openAiSize(CreateRequest request) {
        if (request.size() != null) {
            return request.size();
        }
        boolean portrait = request.aspectRatio() == null || request.aspectRatio().startsWith("9:");
        boolean square = "1:1".equals(request.aspectRatio());
        boolean fullHd = request.resolution() != null && request.resolution().toLowerCase(Locale.ROOT).contains("1080");
        int longSide = fullHd ? 1920 : 1280;
        int shortSide = fullHd ? 1080 : 720;
        if (square) {
            return shortSide + "x" + shortSide;
        }
        return portrait ? shortSide + "x" + longSide : longSide + "x" + shortSide;
    }

    private String nativeId(VideoModel model) {
        byte[] bytes = new byte[16];
        this.random.nextBytes(bytes);
        String hex = HexFormat.of().formatHex(bytes);
        if (model.isOpenAi()) {
            return "video_" + hex;
        }
        if (model.publicProvider().startsWith("google")) {
            return "models/" + model.id().substring(model.id().indexOf('/') + 1) + "-generate-preview/operations/"
                    + hex.substring(0, 12);
        }
        return "cgt-" + hex.substring(0, 20);
    }

    private static @Nullable String firstHeader(SimulatorExchange exchange, String... names) {
        for (String name : names) {
            String value = exchange.header(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    // --- GET /v1/videos -------------------------------------------------------------------------------------------

    private Mono<Void> list(SimulatorExchange exchange, String requestId, Authenticator.Principal principal) {
        int limit = parseLimit(exchange.queryParam("limit"));
        Set<String> statuses = statusFilter(exchange.queryParams("status"));
        boolean ascending = "asc".equals(exchange.queryParam("order"));
        String after = exchange.queryParam("after");
        URI origin = exchange.origin();
        this.runtime.refreshJobs();
        ObjectNode body = this.runtime.jobs().locked(() -> {
            List<JobRecord> window = new ArrayList<>();
            for (JobRecord job : this.runtime.jobs().records()) {
                if (job.workspaceId.equals(principal.workspaceId())
                        && (statuses.isEmpty() || statuses.contains(job.storedStatus))) {
                    window.add(job);
                }
            }
            window.sort(Comparator.comparingLong((JobRecord job) -> job.updateSequence).reversed());
            if (window.size() > LIST_WINDOW) {
                window = new ArrayList<>(window.subList(0, LIST_WINDOW));
            }
            Comparator<JobRecord> byCreation = Comparator.comparing((JobRecord job) -> job.createdAt);
            window.sort(ascending ? byCreation : byCreation.reversed());
            if (after != null) {
                for (int i = 0; i < window.size(); i++) {
                    if (window.get(i).id.equals(after)) {
                        window = new ArrayList<>(window.subList(i + 1, window.size()));
                        break;
                    }
                }
            }
            List<JobRecord> page = window.subList(0, Math.min(limit, window.size()));
            Instant now = this.runtime.now();
            ObjectNode list = this.runtime.json().createObjectNode();
            list.put("object", "list");
            ArrayNode data = list.putArray("data");
            for (JobRecord job : page) {
                data.add(this.views.listItem(job, origin, now));
            }
            list.put("first_id", page.isEmpty() ? null : page.get(0).id);
            list.put("last_id", page.isEmpty() ? null : page.get(page.size() - 1).id);
            list.put("has_more", window.size() > page.size());
            return list;
        });
        return exchange.json(200, body, "no-store");
    }

    /** {@code limit}: JavaScript {@code Number()}, truncated, clamped to 0 ... 100; missing is 0, NaN is 50. */
    static int parseLimit(@Nullable String raw) {
        double value = raw == null ? 0 : JsNumbers.number(raw);
        if (Double.isNaN(value)) {
            return 50;
        }
        return (int) JsNumbers.truncateAndClamp(value, 0, 100);
    }

    /** {@code status}: repeatable and comma-separated, aliases expanded, unknown values ignored. */
    static Set<String> statusFilter(List<String> values) {
        Set<String> statuses = new HashSet<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                statuses.addAll(StoredStatus.filterAliases(JsText.trim(part).toLowerCase(Locale.ROOT)));
            }
        }
        return statuses;
    }

    // --- GET /v1/videos/models ------------------------------------------------------------------------------------

    private Mono<Void> models(SimulatorExchange exchange, String requestId, Authenticator.Principal principal) {
        Set<String> wanted = VideoModelCatalog.canonicalParams(exchange.queryParams("params"));
        ObjectNode body = this.runtime.json().createObjectNode();
        body.put("object", "list");
        ArrayNode data = body.putArray("data");
        for (VideoModel model : VideoModelCatalog.all()) {
            if (VideoModelCatalog.supportsAny(model, wanted)) {
                data.add(modelEntry(model));
            }
        }
        return exchange.json(200, body, "no-store");
    }

    private ObjectNode modelEntry(VideoModel model) {
        ObjectNode entry = this.runtime.json().createObjectNode();
        entry.put("model", model.id());
        entry.put("name", model.name());
        entry.put("status", "active");
        ArrayNode inputs = entry.putArray("input_types");
        model.inputTypes().forEach(inputs::add);
        entry.putArray("output_types").add("video");
        ArrayNode params = this.runtime.json().createArrayNode();
        model.supportedParams().forEach(params::add);
        ObjectNode details = this.runtime.json().createObjectNode();
        ObjectNode providerDetails = this.runtime.json().createObjectNode();
        model.paramDetails().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(detail -> {
            ArrayNode values = this.runtime.json().createArrayNode();
            detail.getValue().forEach(value -> values.add(GatewayError.toNode(value)));
            ObjectNode modelLevel = details.putObject(detail.getKey());
            modelLevel.set("values", values);
            modelLevel.putArray("providers").add(model.publicProvider());
            providerDetails.putObject(detail.getKey()).set("values", values.deepCopy());
        });
        entry.set("supported_params", params);
        entry.set("supported_parameters", params.deepCopy());
        entry.set("supported_params_detail", details);
        entry.set("supported_parameters_detail", details.deepCopy());
        ObjectNode provider = entry.putArray("providers").addObject();
        provider.put("id", model.publicProvider());
        provider.set("supported_params", params.deepCopy());
        provider.set("supported_parameters", params.deepCopy());
        provider.set("supported_params_detail", providerDetails);
        provider.set("supported_parameters_detail", providerDetails.deepCopy());
        ObjectNode pricing = entry.putObject("pricing");
        pricing.put("currency", "usd");
        pricing.put("unit", "output_second");
        pricing.put("per_second_usd", JobViews.money(model.nanosPerSecond()));
        return entry;
    }

    // --- GET /v1/videos/{id} --------------------------------------------------------------------------------------

    private Mono<Void> get(SimulatorExchange exchange, String requestId, Authenticator.Principal principal) {
        String videoId = exchange.pathVariable("video_id");
        URI origin = exchange.origin();
        return onOwnedJob(exchange, videoId, requestId, principal, (job) -> {
            if (job.deleted) {
                return exchange.error(notFound("video_deleted", requestId, principal, videoId));
            }
            return exchange.json(200, this.views.jobObject(job, origin, this.runtime.now()), null);
        });
    }

    // --- GET /v1/videos/{id}/content ------------------------------------------------------------------------------

    private Mono<Void> content(SimulatorExchange exchange) {
        String videoId = exchange.pathVariable("video_id");
        String token = exchange.queryParam("download_token");
        String signature = exchange.queryParam("download_sig");
        String expiresAt = exchange.queryParam("expires_at");
        DownloadLinks.Claims claims = token != null && signature != null && expiresAt != null
                ? this.runtime.downloadLinks().verify(token, signature, expiresAt,
                        Timestamps.unixSeconds(this.runtime.now()))
                : null;
        String requestId;
        String workspaceId;
        int index;
        if (claims != null) {
            requestId = null;
            workspaceId = claims.workspaceId();
            index = claims.index();
            if (!claims.videoId().equals(videoId)) {
                return exchange.error(GatewayError.of(400, "validation_error", "signed_download_video_mismatch")
                        .message("The signed download link belongs to another video.")
                        .requestId(null).workspaceId(workspaceId).videoId(videoId));
            }
        }
        else {
            requestId = this.runtime.newId();
            Authenticator.Result auth = authenticate(exchange);
            Authenticator.Principal principal = auth.principal();
            if (principal == null) {
                return unauthorised(exchange, auth, requestId);
            }
            workspaceId = principal.workspaceId();
            index = parseIndex(exchange.queryParam("index"));
        }
        this.runtime.refreshJobs();
        GatewayError refusal = this.runtime.jobs().locked(() -> contentRefusal(videoId, workspaceId, requestId, index));
        if (refusal != null) {
            return exchange.error(refusal);
        }
        long size = this.runtime.contentSize();
        if (this.enforceContentLimit && size > MAX_PROXIED_CONTENT) {
            return exchange.error(GatewayError.of(502, "upstream_error", "video_content_too_large")
                    .requestId(requestId).workspaceId(workspaceId).videoId(videoId)
                    .extra("max_bytes", MAX_PROXIED_CONTENT));
        }
        exchange.header("Cache-Control", "private, no-store").header("X-Content-Type-Options", "nosniff");
        if (claims != null) {
            exchange.header("Content-Disposition", claims.disposition() + "; filename=\"" + videoId + ".mp4\"");
        }
        return exchange.send(200, "video/mp4", size, Mp4Content.body(size));
    }

    private @Nullable GatewayError contentRefusal(String videoId, String workspaceId, @Nullable String requestId,
            int index) {
        JobRecord job = owned(videoId, workspaceId);
        if (job == null || job.deleted) {
            return GatewayError.of(404, "not_found", job == null ? "video_not_found_or_not_owned" : "video_deleted")
                    .requestId(requestId).workspaceId(workspaceId).videoId(videoId);
        }
        String status = job.neutralStatus();
        String notReady = switch (status) {
            case "queued", "processing" -> "video_not_ready";
            case "cancelled" -> "video_cancelled";
            case "expired" -> "video_expired";
            default -> null;
        };
        if (notReady != null) {
            return GatewayError.of(409, "not_ready", notReady).requestId(requestId).workspaceId(workspaceId)
                    .videoId(videoId).status(status);
        }
        if (StoredStatus.FAILED.equals(status)) {
            if (!job.model.failedContentIsUpstreamError()) {
                return GatewayError.of(409, "not_ready", "video_generation_failed").requestId(requestId)
                        .workspaceId(workspaceId).videoId(videoId).status(status);
            }
            GatewayError error = GatewayError.of(502, "upstream_error", "video_generation_failed")
                    .message(job.errorMessage != null ? job.errorMessage : "Video generation failed.")
                    .requestId(requestId).workspaceId(workspaceId).videoId(videoId)
                    .extra("provider", job.model.publicProvider());
            if (job.model.isOpenAi()) {
                ObjectNode upstream = this.runtime.json().createObjectNode();
                upstream.put("code", "video_generation_failed");
                upstream.put("message", job.errorMessage);
                upstream.putNull("description");
                upstream.putNull("param");
                error.extra("upstream_error", upstream);
            }
            ObjectNode diagnostics = this.runtime.json().createObjectNode();
            diagnostics.put("category", "generation_failed");
            diagnostics.put("hint", "The provider could not generate this video; create a new job, possibly with "
                    + "another prompt or model.");
            diagnostics.put("provider", job.model.publicProvider());
            return error.extra("provider_failure_diagnostics", diagnostics);
        }
        if (!job.model.isOpenAi() && index >= job.sampleCount) {
            return GatewayError.of(502, "upstream_error", "missing_video_uri")
                    .message("The provider response has no video at index " + index + ".")
                    .requestId(requestId).workspaceId(workspaceId).videoId(videoId);
        }
        return null;
    }

    /** {@code index}: non-numeric and negative values mean 0. */
    static int parseIndex(@Nullable String raw) {
        if (raw == null) {
            return 0;
        }
        double value = JsNumbers.number(raw);
        return Double.isNaN(value) ? 0 : (int) JsNumbers.truncateAndClamp(value, 0, Integer.MAX_VALUE);
    }

    // --- POST /v1/videos/{id}/download_url ------------------------------------------------------------------------

    private Mono<Void> downloadUrl(SimulatorExchange exchange, String requestId, Authenticator.Principal principal) {
        String videoId = exchange.pathVariable("video_id");
        DownloadUrlRequest request;
        try {
            request = DownloadUrlRequest.parse(exchange.body(), this.runtime.json());
        }
        catch (DownloadUrlRequest.InvalidBody ex) {
            return exchange.error(GatewayError.of(400, ex.code(), ex.reason()).message(ex.getMessage())
                    .requestId(requestId).workspaceId(principal.workspaceId()).videoId(videoId));
        }
        URI origin = exchange.origin();
        return onOwnedJob(exchange, videoId, requestId, principal, (job) -> {
            if (!StoredStatus.COMPLETED.equals(job.storedStatus)) {
                return exchange.error(GatewayError.of(400, "validation_error",
                        "video_download_requires_completed_status")
                        .message("A download link can only be issued for a completed video.")
                        .requestId(requestId).workspaceId(principal.workspaceId()).videoId(videoId)
                        .status(job.neutralStatus()));
            }
            DownloadLinks links = this.runtime.downloadLinks();
            if (!links.configured()) {
                return exchange.error(GatewayError.of(500, "gateway_error", "video_download_signing_not_configured")
                        .requestId(requestId).workspaceId(principal.workspaceId()).videoId(videoId));
            }
            long expiresAt = Timestamps.unixSeconds(this.runtime.now()) + request.ttlSeconds();
            ObjectNode body = this.runtime.json().createObjectNode();
            body.put("download_url", links.url(origin, job.workspaceId, job.id, request.index(),
                    request.disposition(), expiresAt));
            body.put("expires_at", expiresAt);
            return exchange.json(200, body, "no-store");
        });
    }

    // --- POST /v1/videos/{id}/cancel ------------------------------------------------------------------------------

    private Mono<Void> cancel(SimulatorExchange exchange, String requestId, Authenticator.Principal principal) {
        String videoId = exchange.pathVariable("video_id");
        if (!this.runtime.cancellationEnabled()) {
            return exchange.error(GatewayError.of(501, "not_implemented_yet", "video_cancellation_disabled")
                    .message("Video cancellation is not supported by the Phaseo video API.")
                    .requestId(requestId).workspaceId(principal.workspaceId()).videoId(videoId));
        }
        URI origin = exchange.origin();
        return onOwnedJob(exchange, videoId, requestId, principal, (job) -> {
            if (job.isTerminal()) {
                return exchange.error(GatewayError.of(400, "validation_error",
                        "video_cancel_requires_non_terminal_status")
                        .message("Only queued or in-progress videos can be cancelled.")
                        .requestId(requestId).workspaceId(principal.workspaceId()).videoId(videoId)
                        .status(job.neutralStatus()));
            }
            if (!job.model.advertisesCancelUrl()) {
                return exchange.error(GatewayError.of(501, "not_implemented_yet", "video_cancel_provider_not_supported")
                        .message("Video cancellation is not supported for this provider.")
                        .requestId(requestId).workspaceId(principal.workspaceId()).videoId(videoId)
                        .extra("provider", job.model.publicProvider()));
            }
            Instant now = this.runtime.now();
            this.runtime.jobs().finishNow(videoId, JobRecord.Outcome.CANCELLED, null, now);
            return exchange.json(200, this.views.jobObject(job, origin, now), null);
        });
    }

    // --- DELETE /v1/videos/{id} -----------------------------------------------------------------------------------

    private Mono<Void> delete(SimulatorExchange exchange, String requestId, Authenticator.Principal principal) {
        String videoId = exchange.pathVariable("video_id");
        return onOwnedJob(exchange, videoId, requestId, principal, (job) -> {
            String status = job.neutralStatus();
            if (!StoredStatus.COMPLETED.equals(status) && !StoredStatus.FAILED.equals(status)) {
                return exchange.error(GatewayError.of(400, "validation_error", "video_delete_requires_terminal_status")
                        .message("Only completed or failed videos can be deleted.")
                        .requestId(requestId).workspaceId(principal.workspaceId()).videoId(videoId).status(status));
            }
            this.runtime.jobs().markDeleted(job, this.runtime.now());
            ObjectNode body = this.runtime.json().createObjectNode();
            body.put("id", job.id);
            body.put("object", "video.deleted");
            body.put("deleted", true);
            return exchange.json(200, body, null);
        });
    }

    // --- shared ---------------------------------------------------------------------------------------------------

    /** A route that runs its body once an inference key authenticated. */
    private RouteHandler authenticated(Action action) {
        return guarded(false, action);
    }

    /** A route that runs its body once an inference key authenticated and the workspace video gate is open. */
    private RouteHandler videoGated(Action action) {
        return guarded(true, action);
    }

    /** The common check order (§3.0); the request id is drawn before authenticating, as the gateway does. */
    private RouteHandler guarded(boolean videoGate, Action action) {
        return exchange -> {
            String requestId = this.runtime.newId();
            Authenticator.Result auth = authenticate(exchange);
            Authenticator.Principal principal = auth.principal();
            if (principal == null) {
                return unauthorised(exchange, auth, requestId);
            }
            if (videoGate && !this.runtime.workspaceVideoGate()) {
                return exchange.error(GatewayError.videoFeatureDisabled());
            }
            return action.handle(exchange, requestId, principal);
        };
    }

    private Authenticator.Result authenticate(SimulatorExchange exchange) {
        return this.runtime.authenticator().authenticateInference(exchange.header("Authorization"),
                this.runtime.now());
    }

    private static Mono<Void> unauthorised(SimulatorExchange exchange, Authenticator.Result auth, String requestId) {
        return exchange.error(GatewayError.unauthorised(String.valueOf(auth.failureReason()), requestId));
    }

    /**
     * Runs a route's work on the caller's job, under the jobs' lock and after due transitions were applied; a job that
     * does not exist or belongs to another workspace is answered with the gateway's 404.
     */
    private Mono<Void> onOwnedJob(SimulatorExchange exchange, String videoId, String requestId,
            Authenticator.Principal principal, Function<JobRecord, Mono<Void>> work) {
        this.runtime.refreshJobs();
        return this.runtime.jobs().locked(() -> {
            JobRecord job = owned(videoId, principal.workspaceId());
            if (job == null) {
                return exchange.error(notFound("video_not_found_or_not_owned", requestId, principal, videoId));
            }
            return work.apply(job);
        });
    }

    private @Nullable JobRecord owned(String videoId, String workspaceId) {
        JobRecord job = this.runtime.jobs().find(videoId);
        return job != null && job.workspaceId.equals(workspaceId) ? job : null;
    }

    private static GatewayError notFound(String reason, String requestId, Authenticator.Principal principal,
            String videoId) {
        return GatewayError.of(404, "not_found", reason).requestId(requestId).workspaceId(principal.workspaceId())
                .videoId(videoId);
    }

    private @Nullable JsonNode parseJson(byte[] body) {
        try {
            JsonNode node = new String(body, StandardCharsets.UTF_8).isBlank() ? null
                    : this.runtime.json().readTree(body);
            return node == null || node.isMissingNode() ? null : node;
        }
        catch (JacksonException ex) {
            return null;
        }
    }

    /** A route body once authentication (and the workspace video gate where it applies) passed. */
    @FunctionalInterface
    private interface Action {

        Mono<Void> handle(SimulatorExchange exchange, String requestId, Authenticator.Principal principal);
    }
}
