package io.aistats.video.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A video generation job. One type for the three shapes the gateway sends: the create response (OpenAI style, few
 * members), the public job object of {@code GET /videos/{id}} and the list, and the job data of webhook deliveries
 * and WebSocket frames. Members a shape does not carry are {@code null}.
 * <p>
 * Decoding is lenient: mixed wire types are converted (times from unix seconds or ISO-8601 strings, {@code seconds}
 * from {@code "8"} or {@code 8}, {@code error} from a string or an object), values of an unexpected type become
 * {@code null}, and members this type does not model are kept in {@link #extras()}. Serialising a job writes the
 * gateway's member names, omitting {@code null}s; times are written as ISO-8601 strings.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "id", "object", "kind", "status", "lifecycle_status", "output_access", "progress",
        "progress_source", "polling_url", "websocket_url", "poll_after_seconds", "cancel_url", "content_url",
        "download_url", "generation_id", "request_id", "native_video_id", "created_at", "updated_at", "started_at",
        "completed_at", "expires_at", "finalized_at", "provider", "model", "seconds", "duration_seconds", "size",
        "resolution", "quality", "prompt", "remixed_from_video_id", "audio", "asset", "outputs", "usage", "error",
        "upstream_error", "billing", "webhook" })
public final class VideoJob {

    /** Wire names read into typed members; everything else goes to {@link #extras()}. */
    private static final Set<String> MODELLED = Set.of("id", "object", "kind", "status", "lifecycle_status",
            "output_access", "progress", "progress_source", "polling_url", "websocket_url", "poll_after_seconds",
            "cancel_url", "content_url", "download_url", "generation_id", "request_id", "requestId",
            "native_video_id", "native_id", "created_at", "updated_at", "started_at", "completed_at", "expires_at",
            "finalized_at", "provider", "model", "seconds", "duration_seconds", "size", "resolution", "quality",
            "prompt", "remixed_from_video_id", "audio", "asset", "outputs", "usage", "error", "upstream_error",
            "billing", "webhook");

    @JsonProperty("id")
    private final @Nullable String id;

    @JsonProperty("object")
    private final @Nullable String object;

    @JsonProperty("kind")
    private final @Nullable String kind;

    @JsonProperty("status")
    private final @Nullable VideoStatus status;

    @JsonProperty("lifecycle_status")
    private final @Nullable LifecycleStatus lifecycleStatus;

    @JsonProperty("output_access")
    private final @Nullable OutputAccess outputAccess;

    @JsonProperty("progress")
    private final @Nullable Integer progress;

    @JsonProperty("progress_source")
    private final @Nullable String progressSource;

    @JsonProperty("polling_url")
    private final @Nullable String pollingUrl;

    @JsonProperty("websocket_url")
    private final @Nullable String websocketUrl;

    @JsonProperty("poll_after_seconds")
    private final @Nullable Integer pollAfterSeconds;

    @JsonProperty("cancel_url")
    private final @Nullable String cancelUrl;

    @JsonProperty("content_url")
    private final @Nullable String contentUrl;

    @JsonProperty("download_url")
    private final @Nullable String downloadUrl;

    @JsonProperty("generation_id")
    private final @Nullable String generationId;

    @JsonProperty("request_id")
    private final @Nullable String requestId;

    @JsonProperty("native_video_id")
    private final @Nullable String nativeVideoId;

    @JsonProperty("created_at")
    private final @Nullable Instant createdAt;

    @JsonProperty("updated_at")
    private final @Nullable Instant updatedAt;

    @JsonProperty("started_at")
    private final @Nullable Instant startedAt;

    @JsonProperty("completed_at")
    private final @Nullable Instant completedAt;

    @JsonProperty("expires_at")
    private final @Nullable Instant expiresAt;

    @JsonProperty("finalized_at")
    private final @Nullable Instant finalizedAt;

    @JsonProperty("provider")
    private final @Nullable String provider;

    @JsonProperty("model")
    private final @Nullable String model;

    @JsonProperty("seconds")
    private final @Nullable Double seconds;

    @JsonProperty("duration_seconds")
    private final @Nullable Double durationSeconds;

    @JsonProperty("size")
    private final @Nullable String size;

    @JsonProperty("resolution")
    private final @Nullable String resolution;

    @JsonProperty("quality")
    private final @Nullable String quality;

    @JsonProperty("prompt")
    private final @Nullable String prompt;

    @JsonProperty("remixed_from_video_id")
    private final @Nullable String remixedFromVideoId;

    @JsonProperty("audio")
    private final @Nullable Boolean audio;

    @JsonProperty("asset")
    private final @Nullable VideoAsset asset;

    @JsonProperty("outputs")
    private final List<VideoOutput> outputs;

    @JsonProperty("usage")
    private final @Nullable VideoUsage usage;

    @JsonProperty("error")
    private final @Nullable VideoJobError error;

    @JsonProperty("upstream_error")
    private final @Nullable VideoJobError upstreamError;

    @JsonProperty("billing")
    private final @Nullable VideoBilling billing;

    @JsonProperty("webhook")
    private final @Nullable VideoWebhookState webhook;

    private final Map<String, Object> extras;

    private VideoJob(Map<String, ?> members) {
        this.id = Wire.string(members.get("id"));
        this.object = Wire.string(members.get("object"));
        this.kind = Wire.string(members.get("kind"));
        String statusValue = Wire.string(members.get("status"));
        this.status = (statusValue != null) ? VideoStatus.of(statusValue) : null;
        String lifecycleValue = Wire.string(members.get("lifecycle_status"));
        this.lifecycleStatus = (lifecycleValue != null) ? LifecycleStatus.of(lifecycleValue) : null;
        this.outputAccess = outputAccess(Wire.string(members.get("output_access")));
        this.progress = Wire.integer(members.get("progress"));
        this.progressSource = Wire.string(members.get("progress_source"));
        this.pollingUrl = Wire.string(members.get("polling_url"));
        this.websocketUrl = Wire.string(members.get("websocket_url"));
        this.pollAfterSeconds = Wire.integer(members.get("poll_after_seconds"));
        this.cancelUrl = Wire.string(members.get("cancel_url"));
        this.contentUrl = Wire.string(members.get("content_url"));
        this.downloadUrl = Wire.string(members.get("download_url"));
        this.generationId = Wire.string(members.get("generation_id"));
        this.requestId = Wire.string(Wire.first(members, "request_id", "requestId"));
        this.nativeVideoId = Wire.string(Wire.first(members, "native_video_id", "native_id"));
        this.createdAt = Wire.instant(members.get("created_at"));
        this.updatedAt = Wire.instant(members.get("updated_at"));
        this.startedAt = Wire.instant(members.get("started_at"));
        this.completedAt = Wire.instant(members.get("completed_at"));
        this.expiresAt = Wire.instant(members.get("expires_at"));
        this.finalizedAt = Wire.instant(members.get("finalized_at"));
        this.provider = Wire.string(members.get("provider"));
        this.model = Wire.string(members.get("model"));
        this.seconds = Wire.doubleValue(members.get("seconds"));
        this.durationSeconds = Wire.doubleValue(members.get("duration_seconds"));
        this.size = Wire.string(members.get("size"));
        this.resolution = Wire.string(members.get("resolution"));
        this.quality = Wire.string(members.get("quality"));
        this.prompt = Wire.string(members.get("prompt"));
        this.remixedFromVideoId = Wire.string(members.get("remixed_from_video_id"));
        this.audio = Wire.bool(members.get("audio"));
        this.asset = Wire.objectOrNull(members.get("asset"), VideoAsset::fromJson);
        this.outputs = Wire.objects(members.get("outputs"), VideoOutput::fromJson);
        this.usage = Wire.objectOrNull(members.get("usage"), VideoUsage::fromJson);
        Object errorValue = members.get("error");
        this.error = (errorValue != null) ? VideoJobError.from(errorValue) : null;
        Object upstreamErrorValue = members.get("upstream_error");
        this.upstreamError = (upstreamErrorValue != null) ? VideoJobError.from(upstreamErrorValue) : null;
        this.billing = Wire.objectOrNull(members.get("billing"), VideoBilling::fromJson);
        this.webhook = Wire.objectOrNull(members.get("webhook"), VideoWebhookState::fromJson);
        Map<String, Object> unmodelled = new LinkedHashMap<>();
        members.forEach((name, value) -> {
            if (!MODELLED.contains(name)) {
                unmodelled.put(name, Wire.freeze(value));
            }
        });
        this.extras = Collections.unmodifiableMap(unmodelled);
    }

    /**
     * Reads a job from its decoded JSON members (any of the three shapes). Never fails on unknown or mistyped members.
     * @param members the JSON object, for example as decoded into a {@code Map} by Jackson
     * @return the job
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static VideoJob fromJson(Map<String, ?> members) {
        return new VideoJob(members);
    }

    private static @Nullable OutputAccess outputAccess(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return OutputAccess.fromWireValue(value);
        }
        catch (IllegalArgumentException ex) {
            // a new access mode must not break decoding; the raw value is of no use to the client
            return null;
        }
    }

    /**
     * @return the video id ({@code G-...}); store it
     */
    public @Nullable String id() {
        return this.id;
    }

    /**
     * @return {@code video}
     */
    public @Nullable String object() {
        return this.object;
    }

    /**
     * @return the job kind, {@code video} (webhook and WebSocket data only)
     */
    public @Nullable String kind() {
        return this.kind;
    }

    /**
     * @return the public status; compare {@link VideoStatus#normalized()} values to treat {@code in_progress} and
     * {@code processing} alike
     */
    public @Nullable VideoStatus status() {
        return this.status;
    }

    /**
     * @return the provider-independent lifecycle status (not in the create response)
     */
    public @Nullable LifecycleStatus lifecycleStatus() {
        return this.lifecycleStatus;
    }

    /**
     * @return which URLs the job exposes; {@code null} when absent or not a known mode
     */
    public @Nullable OutputAccess outputAccess() {
        return this.outputAccess;
    }

    /**
     * @return progress 0 to 100; not monotonic by contract
     */
    public @Nullable Integer progress() {
        return this.progress;
    }

    /**
     * @return where the progress comes from: {@code provider}, {@code estimated} or {@code none}
     */
    public @Nullable String progressSource() {
        return this.progressSource;
    }

    /**
     * @return absolute URL to poll the job (not in the create response)
     */
    public @Nullable String pollingUrl() {
        return this.pollingUrl;
    }

    /**
     * @return absolute {@code wss} URL of the job's lifecycle stream (not in the create response)
     */
    public @Nullable String websocketUrl() {
        return this.websocketUrl;
    }

    /**
     * @return seconds to wait between polls (20)
     */
    public @Nullable Integer pollAfterSeconds() {
        return this.pollAfterSeconds;
    }

    /**
     * @return cancel URL; the gateway answers it with 501 (cancellation disabled)
     */
    public @Nullable String cancelUrl() {
        return this.cancelUrl;
    }

    /**
     * @return authenticated URL of the bytes of output 0
     */
    public @Nullable String contentUrl() {
        return this.contentUrl;
    }

    /**
     * @return signed link to output 0, valid until {@link #expiresAt()}; regenerated on every read, do not cache it
     */
    public @Nullable String downloadUrl() {
        return this.downloadUrl;
    }

    /**
     * @return id of the create call (equals {@link #id()})
     */
    public @Nullable String generationId() {
        return this.generationId;
    }

    /**
     * @return id of the create call ({@code request_id}, or {@code requestId} in the create response)
     */
    public @Nullable String requestId() {
        return this.requestId;
    }

    /**
     * @return the provider's own id of the video ({@code native_video_id}, or {@code native_id} in webhook data)
     */
    public @Nullable String nativeVideoId() {
        return this.nativeVideoId;
    }

    /**
     * @return when the job was created
     */
    public @Nullable Instant createdAt() {
        return this.createdAt;
    }

    /**
     * @return when the job last changed (webhook and WebSocket data only)
     */
    public @Nullable Instant updatedAt() {
        return this.updatedAt;
    }

    /**
     * @return when generation started (currently never sent)
     */
    public @Nullable Instant startedAt() {
        return this.startedAt;
    }

    /**
     * @return when the job completed or was finalised; {@code null} while not terminal
     */
    public @Nullable Instant completedAt() {
        return this.completedAt;
    }

    /**
     * @return expiry of {@link #downloadUrl()}, or with output access {@code bytes} the provider's job expiry
     */
    public @Nullable Instant expiresAt() {
        return this.expiresAt;
    }

    /**
     * @return when the gateway finalised the job (webhook and WebSocket data only)
     */
    public @Nullable Instant finalizedAt() {
        return this.finalizedAt;
    }

    /**
     * @return the provider that serves the job, for example {@code openai}
     */
    public @Nullable String provider() {
        return this.provider;
    }

    /**
     * @return the model as known to the route, for example {@code sora-2}
     */
    public @Nullable String model() {
        return this.model;
    }

    /**
     * @return output duration in seconds ({@code seconds}, sent as a string or a number)
     */
    public @Nullable Double seconds() {
        return this.seconds;
    }

    /**
     * @return output duration in seconds ({@code duration_seconds}, webhook and WebSocket data only)
     */
    public @Nullable Double durationSeconds() {
        return this.durationSeconds;
    }

    /**
     * @return size or resolution, for example {@code 1280x720} or {@code 720p}
     */
    public @Nullable String size() {
        return this.size;
    }

    /**
     * @return resolution (webhook and WebSocket data only)
     */
    public @Nullable String resolution() {
        return this.resolution;
    }

    /**
     * @return quality, when the provider reports one
     */
    public @Nullable String quality() {
        return this.quality;
    }

    /**
     * @return the prompt as echoed by the provider (OpenAI-routed jobs only)
     */
    public @Nullable String prompt() {
        return this.prompt;
    }

    /**
     * @return the video this one was remixed from (OpenAI-routed jobs only)
     */
    public @Nullable String remixedFromVideoId() {
        return this.remixedFromVideoId;
    }

    /**
     * @return whether the video has audio, when the provider reports it
     */
    public @Nullable Boolean audio() {
        return this.audio;
    }

    /**
     * @return the primary video of a completed job, when the provider listed outputs
     */
    public @Nullable VideoAsset asset() {
        return this.asset;
    }

    /**
     * @return the generated videos; empty until completed, in list items and for OpenAI-routed jobs
     */
    public List<VideoOutput> outputs() {
        return this.outputs;
    }

    /**
     * @return free-form usage figures
     */
    public @Nullable VideoUsage usage() {
        return this.usage;
    }

    /**
     * @return why the job failed, as the job objects of {@code GET /videos/{id}} and the create answer carry it
     * ({@code error}); {@code null} when the gateway reports no error. Webhook and lifecycle-stream data carry the
     * reason as {@link #upstreamError()} instead; {@link #failureReason()} reads either.
     */
    public @Nullable VideoJobError error() {
        return this.error;
    }

    /**
     * @return the provider failure as the job data of webhook deliveries and lifecycle-stream frames carries it
     * ({@code upstream_error}: {@code code}, {@code type}, {@code message}, {@code description}, {@code param},
     * {@code status}, any of them {@code null}); {@code null} when absent or {@code null} on the wire
     */
    public @Nullable VideoJobError upstreamError() {
        return this.upstreamError;
    }

    /**
     * Why the job failed, whichever shape the job came in: {@link #error()} when the gateway sent one, else
     * {@link #upstreamError()}.
     * @return the reason, or {@code null} when the gateway reported none
     */
    @JsonIgnore
    public @Nullable VideoJobError failureReason() {
        return (this.error != null) ? this.error : this.upstreamError;
    }

    /**
     * @return what the job costs
     */
    public @Nullable VideoBilling billing() {
        return this.billing;
    }

    /**
     * @return webhook configuration and delivery telemetry, when the job was created with a webhook
     */
    public @Nullable VideoWebhookState webhook() {
        return this.webhook;
    }

    /**
     * @return members this type does not model (for example {@code meta}, {@code session_id},
     * {@code routing_diagnostics}), as decoded (unmodifiable)
     */
    @JsonAnyGetter
    public Map<String, Object> extras() {
        return this.extras;
    }

    /**
     * @return whether the job will not change any more (completed, failed, cancelled or expired)
     */
    @JsonIgnore
    public boolean isTerminal() {
        return this.status != null && this.status.isTerminal();
    }

    private Object[] state() {
        return new Object[] { this.id, this.object, this.kind, this.status, this.lifecycleStatus, this.outputAccess,
                this.progress, this.progressSource, this.pollingUrl, this.websocketUrl, this.pollAfterSeconds,
                this.cancelUrl, this.contentUrl, this.downloadUrl, this.generationId, this.requestId,
                this.nativeVideoId, this.createdAt, this.updatedAt, this.startedAt, this.completedAt, this.expiresAt,
                this.finalizedAt, this.provider, this.model, this.seconds, this.durationSeconds, this.size,
                this.resolution, this.quality, this.prompt, this.remixedFromVideoId, this.audio, this.asset,
                this.outputs, this.usage, this.error, this.upstreamError, this.billing, this.webhook, this.extras };
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return (this == other) || (other instanceof VideoJob job && Arrays.equals(state(), job.state()));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(state());
    }

    /** Key members only; signed URLs are left out because they grant access to the video. */
    @Override
    public String toString() {
        return "VideoJob[id=" + this.id + ", status=" + this.status + ", lifecycleStatus=" + this.lifecycleStatus
                + ", progress=" + this.progress + ", provider=" + this.provider + ", model=" + this.model
                + ", createdAt=" + this.createdAt + ", completedAt=" + this.completedAt + ", error=" + failureReason()
                + "]";
    }
}
