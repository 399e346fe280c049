package io.aistats.test;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * Renders jobs the way the gateway does: the create response (§3.1), the public job object of GET and its list-item
 * variant (§4, §4.9), and the webhook/WebSocket job data (§6.6). Call with the store locked.
 */
final class JobViews {

    /** OpenAI's simulated asset retention after completion (its job {@code expires_at}). */
    static final Duration OPENAI_ASSET_RETENTION = Duration.ofHours(1);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final BigDecimal NANOS_PER_USD = BigDecimal.valueOf(1_000_000_000L);

    private final DownloadLinks links;

    JobViews(DownloadLinks links) {
        this.links = links;
    }

    /**
     * The OpenAI-style create response (§3.1): {@code created_at}, {@code seconds} and {@code size} only for OpenAI.
     * @param job the new job
     * @param latencyMillis the simulated provider latency, for {@code meta}
     * @return the body
     */
    ObjectNode createResponse(JobRecord job, long latencyMillis) {
        boolean openAi = job.model.isOpenAi();
        ObjectNode body = NODES.objectNode();
        body.put("requestId", job.id);
        body.put("id", job.id);
        body.put("object", "video");
        body.put("model", job.model.providerModel());
        body.put("status", StoredStatus.QUEUED);
        body.put("progress", 0);
        if (openAi) {
            body.put("created_at", Timestamps.unixSeconds(job.createdAt));
        }
        body.putNull("completed_at");
        body.putNull("expires_at");
        body.putNull("error");
        body.put("prompt", job.prompt);
        body.putNull("remixed_from_video_id");
        if (openAi) {
            body.put("seconds", Integer.toString(job.seconds));
            if (job.providerSize != null) {
                body.put("size", job.providerSize);
            }
        }
        body.putNull("nativeResponseId");
        body.put("provider", job.model.provider());
        ObjectNode meta = body.putObject("meta");
        meta.putNull("throughput_tps");
        meta.putNull("output_speed_tps");
        meta.put("generation_ms", latencyMillis);
        meta.put("latency_ms", latencyMillis);
        meta.putNull("provider_ttft_ms");
        meta.putNull("gateway_ttft_ms");
        meta.putNull("tpot_ms");
        meta.putNull("itl_ms");
        meta.put("phaseo_overhead_ms", 3);
        meta.put("end_to_end_ms", latencyMillis + 3);
        return body;
    }

    /**
     * The public job object of {@code GET /v1/videos/{id}}.
     * @param job the job
     * @param origin the caller's origin
     * @param now the simulator time (signed-link expiry)
     * @return the body
     */
    ObjectNode jobObject(JobRecord job, URI origin, Instant now) {
        return publicObject(job, origin, now, false);
    }

    /**
     * A list item of {@code GET /v1/videos}: built from stored state only (§3.2, §4.9).
     * @param job the job
     * @param origin the caller's origin
     * @param now the simulator time
     * @return the item
     */
    ObjectNode listItem(JobRecord job, URI origin, Instant now) {
        return publicObject(job, origin, now, true);
    }

    private ObjectNode publicObject(JobRecord job, URI origin, Instant now, boolean listItem) {
        boolean openAi = job.model.isOpenAi();
        boolean completed = StoredStatus.COMPLETED.equals(job.storedStatus);
        boolean bytesAccess = !"signed_url".equals(job.outputAccess);
        boolean signedAccess = !"bytes".equals(job.outputAccess);
        String status = job.publicStatus();
        ObjectNode body = NODES.objectNode();
        body.put("id", job.id);
        body.put("object", "video");
        body.put("status", status);
        body.put("lifecycle_status", StoredStatus.lifecycle(status));
        body.put("output_access", job.outputAccess);
        if (job.storedProgress != null) {
            body.put("progress", job.storedProgress);
            body.put("progress_source", "provider".equals(job.progressSource) || "estimated".equals(job.progressSource)
                    ? job.progressSource : "none");
        }
        else {
            body.put("progress", completed ? 100 : 0);
            body.put("progress_source", "none");
        }
        body.put("polling_url", GatewayUrls.polling(origin, job.id));
        body.put("websocket_url", GatewayUrls.websocket(origin, job.id));
        body.put("poll_after_seconds", 20);
        body.putNull("cancel_url");
        body.put("generation_id", job.id);
        body.put("native_video_id", job.nativeId);
        boolean providerTimes = openAi && !listItem;
        if (providerTimes) {
            body.put("created_at", Timestamps.unixSeconds(job.createdAt));
        }
        else {
            body.put("created_at", Timestamps.database(job.createdAt));
        }
        SignedLink link = completed && signedAccess && this.links.configured()
                ? link(job, origin, 0, now) : null;
        if (signedAccess) {
            putNullableLong(body, "expires_at", link != null ? link.expiresAt() : null);
        }
        else if (providerTimes && completed && job.providerFinishedAt != null) {
            body.put("expires_at", Timestamps.unixSeconds(job.providerFinishedAt.plus(OPENAI_ASSET_RETENTION)));
        }
        else {
            body.putNull("expires_at");
        }
        body.putNull("started_at");
        if (!job.isTerminal()) {
            body.putNull("completed_at");
        }
        else if (providerTimes) {
            Instant finished = job.providerFinishedAt != null ? job.providerFinishedAt : job.finalizedAt;
            putNullableLong(body, "completed_at", finished != null ? Timestamps.unixSeconds(finished) : null);
        }
        else {
            body.put("completed_at", job.finalizedAt != null ? Timestamps.database(job.finalizedAt) : null);
        }
        body.put("provider", job.model.publicProvider());
        body.put("model", job.model.providerModel());
        if (openAi) {
            body.put("seconds", Integer.toString(job.seconds));
        }
        else {
            body.put("seconds", job.seconds);
        }
        body.put("size", openAi && job.providerSize != null ? job.providerSize : job.size);
        if (openAi) {
            if (listItem) {
                body.putNull("prompt");
            }
            else {
                body.put("prompt", job.prompt);
            }
            body.putNull("remixed_from_video_id");
        }
        body.putNull("audio");
        ArrayNode outputs = NODES.arrayNode();
        if (!listItem && !openAi && completed) {
            for (int index = 0; index < job.sampleCount; index++) {
                outputs.add(output(job, origin, index, now, bytesAccess, signedAccess));
            }
        }
        if (outputs.isEmpty()) {
            body.putNull("asset");
        }
        else {
            ObjectNode asset = body.putObject("asset");
            asset.put("id", "ast_" + job.id.substring(2));
            asset.put("mime_type", "video/mp4");
            asset.putNull("bytes");
            asset.putNull("sha256");
            asset.putNull("width");
            asset.putNull("height");
            asset.put("duration_seconds", job.seconds);
        }
        body.set("outputs", outputs);
        body.set("usage", usage(job));
        if (!listItem && StoredStatus.FAILED.equals(job.storedStatus) && job.errorMessage != null) {
            if (openAi) {
                ObjectNode error = body.putObject("error");
                error.put("code", "video_generation_failed");
                error.put("message", job.errorMessage);
            }
            else {
                body.put("error", job.errorMessage);
            }
        }
        body.set("billing", billing(job, false));
        JobWebhookState webhook = job.webhook;
        if (webhook != null) {
            body.set("webhook", webhookState(webhook));
            Instant nextRetry = webhook.nextRetryAt();
            if (nextRetry != null) {
                body.put("next_webhook_retry_at", Timestamps.gateway(nextRetry));
            }
            if (webhook.lastProgress() != null && webhook.lastProgressAt() != null) {
                body.put("last_webhook_progress", webhook.lastProgress());
                body.put("last_webhook_progress_at", Timestamps.gateway(webhook.lastProgressAt()));
            }
        }
        if (job.lastWebhookDispatchedAt != null) {
            body.put("last_webhook_dispatched_at", Timestamps.gateway(job.lastWebhookDispatchedAt));
        }
        if (bytesAccess) {
            body.put("content_url", GatewayUrls.content(origin, job.id));
        }
        if (signedAccess) {
            body.put("download_url", link != null ? link.url() : null);
        }
        return body;
    }

    private ObjectNode output(JobRecord job, URI origin, int index, Instant now, boolean bytesAccess,
            boolean signedAccess) {
        ObjectNode output = NODES.objectNode();
        output.put("index", index);
        output.put("mime_type", "video/mp4");
        output.put("bytes_available", false);
        if (bytesAccess) {
            String content = GatewayUrls.content(origin, job.id);
            output.put("content_url", index == 0 ? content : content + "?index=" + index);
        }
        if (signedAccess && this.links.configured()) {
            SignedLink link = link(job, origin, index, now);
            output.put("download_url", link.url());
            output.put("expires_at", link.expiresAt());
        }
        return output;
    }

    /**
     * The webhook/WebSocket job data object (§6.6): every member present ({@code null} when unknown) except
     * {@code webhook}; status without {@code in_progress}; progress 0 or 100 unless a progress bucket is given.
     * @param job the job
     * @param publicOrigin origin of {@code polling_url}, {@code content_url} and {@code download_url}
     * @param requestOrigin origin of {@code websocket_url} and {@code cancel_url} (the public origin for webhooks)
     * @param now the simulator time (signed-link expiry)
     * @param progressBucket the bucket of a {@code video.progress} delivery, or {@code null}
     * @return the data object
     */
    ObjectNode jobData(JobRecord job, URI publicOrigin, URI requestOrigin, Instant now,
            @Nullable Integer progressBucket) {
        String status = job.neutralStatus();
        boolean completed = StoredStatus.COMPLETED.equals(job.storedStatus);
        boolean running = "queued".equals(status) || "processing".equals(status);
        ObjectNode data = NODES.objectNode();
        data.put("id", job.id);
        data.put("object", "video");
        data.put("kind", "video");
        data.put("status", status);
        data.put("lifecycle_status", StoredStatus.lifecycle(status));
        data.put("request_id", job.id);
        data.put("native_id", job.nativeId);
        data.put("session_id", job.sessionId);
        data.put("app_id", job.appId);
        data.put("progress", progressBucket != null ? progressBucket : completed ? 100 : 0);
        data.put("provider", job.model.publicProvider());
        data.put("model", job.model.providerModel());
        data.put("polling_url", GatewayUrls.polling(publicOrigin, job.id));
        data.put("websocket_url", GatewayUrls.websocket(requestOrigin, job.id));
        data.put("cancel_url", running && job.model.advertisesCancelUrl()
                ? GatewayUrls.cancel(requestOrigin, job.id) : null);
        data.put("content_url", GatewayUrls.content(publicOrigin, job.id));
        SignedLink link = completed && this.links.configured() ? link(job, publicOrigin, 0, now) : null;
        data.put("download_url", link != null ? link.url() : null);
        putNullableLong(data, "expires_at", link != null ? link.expiresAt() : null);
        data.put("duration_seconds", job.seconds);
        Long durationMillis = job.finalizedAt != null
                ? Duration.between(job.createdAt, job.finalizedAt).toMillis() : null;
        putNullableLong(data, "duration_ms", durationMillis);
        putNullableLong(data, "total_duration_ms", durationMillis);
        data.putNull("latency_ms");
        data.putNull("generation_ms");
        data.put("resolution", job.model.isOpenAi() && job.providerSize != null ? job.providerSize : job.size);
        data.putNull("quality");
        data.put("output_access", job.outputAccess);
        JobWebhookState webhook = job.webhook;
        if (webhook != null) {
            data.set("webhook", webhookState(webhook));
        }
        data.put("key_source", "gateway");
        data.putNull("byok_key_id");
        data.put("reservation_id", job.reservationId);
        data.put("reservation_status", job.reservationStatus);
        Instant nextRetry = webhook != null ? webhook.nextRetryAt() : null;
        putGatewayTime(data, "next_webhook_retry_at", nextRetry);
        if (webhook != null && webhook.lastProgress() != null) {
            data.put("last_webhook_progress", webhook.lastProgress());
        }
        else {
            data.putNull("last_webhook_progress");
        }
        putGatewayTime(data, "last_webhook_progress_at", webhook != null ? webhook.lastProgressAt() : null);
        putGatewayTime(data, "last_webhook_dispatched_at", job.lastWebhookDispatchedAt);
        putGatewayTime(data, "finalized_at", job.finalizedAt);
        putGatewayTime(data, "last_polled_at", job.lastPolledAt);
        data.put("polled_status", job.polledStatus);
        putGatewayTime(data, "last_reconciled_at", job.lastPolledAt);
        if (StoredStatus.FAILED.equals(job.storedStatus)) {
            ObjectNode upstream = data.putObject("upstream_error");
            upstream.put("code", "video_generation_failed");
            upstream.putNull("type");
            upstream.put("message", job.errorMessage);
            upstream.putNull("description");
            upstream.putNull("param");
            upstream.putNull("status");
        }
        else {
            data.putNull("upstream_error");
        }
        data.putNull("provider_failure_diagnostics");
        data.putNull("failure_sample");
        data.putNull("routing_diagnostics");
        data.putNull("provider_enablement");
        data.putNull("provider_candidate_diagnostics");
        if (completed && job.settledNanos != null) {
            data.set("pricing_breakdown", pricingBreakdown(job.settledNanos));
        }
        else {
            data.putNull("pricing_breakdown");
        }
        data.set("billing", billing(job, true));
        data.put("created_at", Timestamps.database(job.createdAt));
        data.put("updated_at", Timestamps.database(job.updatedAt));
        return data;
    }

    /**
     * The {@code billing} member (§4.6).
     * @param job the job
     * @param jobDataVariant whether for webhook/WebSocket data, where {@code billable} only counts charges
     * @return the billing object
     */
    static ObjectNode billing(JobRecord job, boolean jobDataVariant) {
        boolean completed = StoredStatus.COMPLETED.equals(job.storedStatus);
        boolean voided = job.isTerminal() && !completed;
        ObjectNode billing = NODES.objectNode();
        billing.put("currency", "usd");
        String estimate = money(job.estimatedNanos);
        billing.put("estimated_provider_cost", estimate);
        billing.put("estimated_user_cost", estimate);
        String settled = completed && job.settledNanos != null ? money(job.settledNanos) : voided ? "0.00" : null;
        billing.put("settled_provider_cost", settled);
        billing.put("settled_user_cost", settled);
        String state;
        if (voided) {
            state = "void";
        }
        else if (completed && job.settledNanos != null) {
            state = "settled";
        }
        else if (completed) {
            state = "pending";
        }
        else {
            state = "estimated";
        }
        billing.put("state", state);
        long settledNanos = completed && job.settledNanos != null ? job.settledNanos : 0;
        boolean charged = Boolean.TRUE.equals(job.charged);
        boolean billable = charged || settledNanos > 0
                || (!jobDataVariant && "estimated".equals(state) && job.estimatedNanos > 0);
        billing.put("billable", billable);
        putNullableLong(billing, "total_nanos", completed ? job.settledNanos : null);
        billing.put("estimated_nanos", job.estimatedNanos);
        billing.put("reserved_nanos", job.estimatedNanos);
        billing.put("reservation_id", job.reservationId);
        billing.put("reservation_status", job.reservationStatus);
        billing.put("charge_reason", job.chargeReason);
        if (job.charged != null) {
            billing.put("charged", job.charged);
        }
        else {
            billing.putNull("charged");
        }
        if (job.billedAt != null) {
            billing.put("billed_at", Timestamps.database(job.billedAt));
        }
        return billing;
    }

    /** The {@code usage} member (§4.7): cost figures reflect the reservation until settled. */
    static ObjectNode usage(JobRecord job) {
        long nanos = job.isTerminal() ? (job.settledNanos != null ? job.settledNanos : 0) : job.estimatedNanos;
        double usd = BigDecimal.valueOf(nanos).divide(NANOS_PER_USD).doubleValue();
        ObjectNode usage = NODES.objectNode();
        usage.put("output_video_seconds", job.seconds * job.sampleCount);
        usage.put("cost_usd", usd);
        usage.put("costUsd", usd);
        usage.set("pricing_breakdown", pricingBreakdown(nanos));
        usage.put("cost", usd);
        usage.put("is_byok", false);
        return usage;
    }

    /** The public {@code webhook} member (§4.8). */
    static ObjectNode webhookState(JobWebhookState webhook) {
        ObjectNode node = NODES.objectNode();
        node.put("endpoint_id", webhook.endpointId());
        node.putNull("url");
        ArrayNode events = node.putArray("events");
        webhook.events().forEach(events::add);
        node.put("has_secret", true);
        var attempts = webhook.attempts();
        WebhookAttempt last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
        WebhookAttempt lastDelivered = webhook.lastDelivered();
        WebhookAttempt lastFailed = webhook.lastFailed();
        ObjectNode delivery = node.putObject("delivery");
        delivery.put("total_attempts", attempts.size());
        var delivered = webhook.deliveredKeys();
        delivery.put("delivered_events", delivered.size());
        ArrayNode deliveredTypes = delivery.putArray("delivered_event_types");
        delivered.forEach(deliveredTypes::add);
        delivery.put("pending_retries", webhook.pendingRetries().size());
        putGatewayTime(delivery, "next_retry_at", webhook.nextRetryAt());
        putGatewayTime(delivery, "last_attempt_at", last != null ? last.triedAt() : null);
        delivery.put("last_attempt_status", last != null ? last.status() : null);
        delivery.put("last_response_status", last != null ? last.responseStatus() : null);
        putGatewayTime(delivery, "last_delivered_at", lastDelivered != null ? lastDelivered.deliveredAt() : null);
        putGatewayTime(delivery, "last_failure_at", lastFailed != null ? lastFailed.triedAt() : null);
        delivery.put("last_error_message", last != null ? last.errorMessage() : null);
        ArrayNode shown = node.putArray("attempts");
        for (WebhookAttempt attempt : attempts.subList(Math.max(0, attempts.size() - JobWebhookState.SHOWN_ATTEMPTS),
                attempts.size())) {
            ObjectNode item = shown.addObject();
            item.put("id", attempt.deliveryKey() + ":" + attempt.attemptNumber() + ":"
                    + Timestamps.gateway(attempt.triedAt()));
            item.put("delivery_key", attempt.deliveryKey());
            item.put("event_type", attempt.eventType());
            item.put("status", attempt.status());
            item.put("attempt_number", attempt.attemptNumber());
            item.put("max_attempts", attempt.maxAttempts());
            item.put("tried_at", Timestamps.gateway(attempt.triedAt()));
            putGatewayTime(item, "delivered_at", attempt.deliveredAt());
            putGatewayTime(item, "next_retry_at", attempt.nextRetryAt());
            item.put("response_status", attempt.responseStatus());
            item.put("error_message", attempt.errorMessage());
            item.put("response_body_preview", attempt.responseBodyPreview());
        }
        return node;
    }

    /**
     * @return a signed link to an output with the default TTL (900 s) and disposition {@code attachment}
     */
    SignedLink link(JobRecord job, URI origin, int index, Instant now) {
        long expiresAt = Timestamps.unixSeconds(now) + DownloadLinks.DEFAULT_TTL_SECONDS;
        return new SignedLink(this.links.url(origin, job.workspaceId, job.id, index, "attachment", expiresAt),
                expiresAt);
    }

    /** @return USD with exactly two decimals, e.g. {@code 0.80} */
    static String money(long nanos) {
        return BigDecimal.valueOf(nanos).divide(NANOS_PER_USD).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static ObjectNode pricingBreakdown(long nanos) {
        ObjectNode breakdown = NODES.objectNode();
        breakdown.put("total_nanos", nanos);
        breakdown.put("total_usd_str",
                BigDecimal.valueOf(nanos).divide(NANOS_PER_USD).setScale(9, RoundingMode.UNNECESSARY).toPlainString());
        return breakdown;
    }

    private static void putNullableLong(ObjectNode node, String name, @Nullable Long value) {
        if (value != null) {
            node.put(name, value.longValue());
        }
        else {
            node.putNull(name);
        }
    }

    private static void putGatewayTime(ObjectNode node, String name, @Nullable Instant value) {
        node.put(name, value != null ? Timestamps.gateway(value) : null);
    }

    /**
     * A signed link and its expiry.
     * @param url the absolute URL
     * @param expiresAt unix seconds
     */
    record SignedLink(String url, long expiresAt) {
    }
}
