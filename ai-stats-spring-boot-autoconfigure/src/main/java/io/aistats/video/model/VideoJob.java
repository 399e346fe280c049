package io.aistats.video.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A video generation job. One type for the three shapes the gateway sends: the create response (OpenAI style, few
 * members), the public job object of {@code GET /videos/{id}} and the list, and the job data of webhook deliveries
 * and WebSocket frames. Members a shape does not carry are {@code null}.
 * <p>
 * Decoding is lenient: mixed wire types are converted (times from unix seconds or ISO-8601 strings, {@code seconds}
 * from {@code "8"} or {@code 8}, {@code error} from a string or an object), values of an unexpected type become
 * {@code null}, and members this type does not model are kept in {@link #extras()}. Serialising a job writes the
 * gateway's member names in the order of the components, omitting {@code null}s; times are written as ISO-8601
 * strings.
 * @param id the video id ({@code G-...}); store it
 * @param object {@code video}
 * @param kind the job kind, {@code video} (webhook and WebSocket data only)
 * @param status the public status; compare {@link VideoStatus#normalized()} values to treat {@code in_progress} and
 * {@code processing} alike
 * @param lifecycleStatus the provider-independent lifecycle status (not in the create response)
 * @param outputAccess which URLs the job exposes; {@code null} when absent or not a known mode
 * @param progress progress 0 to 100; not monotonic by contract
 * @param progressSource where the progress comes from: {@code provider}, {@code estimated} or {@code none}
 * @param pollingUrl absolute URL to poll the job (not in the create response)
 * @param websocketUrl absolute {@code wss} URL of the job's lifecycle stream (not in the create response)
 * @param pollAfterSeconds seconds to wait between polls (20)
 * @param cancelUrl cancel URL; the gateway answers it with 501 (cancellation disabled)
 * @param contentUrl authenticated URL of the bytes of output 0
 * @param downloadUrl signed link to output 0, valid until {@link #expiresAt()}; regenerated on every read, do not
 * cache it
 * @param generationId id of the create call (equals {@link #id()})
 * @param requestId id of the create call ({@code request_id}, or {@code requestId} in the create response)
 * @param nativeVideoId the provider's own id of the video ({@code native_video_id}, or {@code native_id} in webhook
 * data)
 * @param createdAt when the job was created
 * @param updatedAt when the job last changed (webhook and WebSocket data only)
 * @param startedAt when generation started (currently never sent)
 * @param completedAt when the job completed or was finalised; {@code null} while not terminal
 * @param expiresAt expiry of {@link #downloadUrl()}, or with output access {@code bytes} the provider's job expiry
 * @param finalizedAt when the gateway finalised the job (webhook and WebSocket data only)
 * @param provider the provider that serves the job, for example {@code openai}
 * @param model the model as known to the route, for example {@code sora-2}
 * @param seconds output duration in seconds ({@code seconds}, sent as a string or a number)
 * @param durationSeconds output duration in seconds ({@code duration_seconds}, webhook and WebSocket data only)
 * @param size size or resolution, for example {@code 1280x720} or {@code 720p}
 * @param resolution resolution (webhook and WebSocket data only)
 * @param quality quality, when the provider reports one
 * @param prompt the prompt as echoed by the provider (OpenAI-routed jobs only)
 * @param remixedFromVideoId the video this one was remixed from (OpenAI-routed jobs only)
 * @param audio whether the video has audio, when the provider reports it
 * @param asset the primary video of a completed job, when the provider listed outputs
 * @param outputs the generated videos; empty until completed, in list items and for OpenAI-routed jobs
 * @param usage free-form usage figures
 * @param error why the job failed, as the job objects of {@code GET /videos/{id}} and the create answer carry it
 * ({@code error}); {@code null} when the gateway reports no error. Webhook and lifecycle-stream data carry the reason
 * as {@link #upstreamError()} instead; {@link #failureReason()} reads either.
 * @param upstreamError the provider failure as the job data of webhook deliveries and lifecycle-stream frames carries
 * it ({@code upstream_error}: {@code code}, {@code type}, {@code message}, {@code description}, {@code param},
 * {@code status}, any of them {@code null}); {@code null} when absent or {@code null} on the wire
 * @param billing what the job costs
 * @param webhook webhook configuration and delivery telemetry, when the job was created with a webhook
 * @param extras members this type does not model (for example {@code meta}, {@code session_id},
 * {@code routing_diagnostics}), as decoded (unmodifiable); serialised as members of the job
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VideoJob(@JsonProperty("id") @Nullable String id,
        @JsonProperty("object") @Nullable String object,
        @JsonProperty("kind") @Nullable String kind,
        @JsonProperty("status") @Nullable VideoStatus status,
        @JsonProperty("lifecycle_status") @Nullable LifecycleStatus lifecycleStatus,
        @JsonProperty("output_access") @Nullable OutputAccess outputAccess,
        @JsonProperty("progress") @Nullable Integer progress,
        @JsonProperty("progress_source") @Nullable String progressSource,
        @JsonProperty("polling_url") @Nullable String pollingUrl,
        @JsonProperty("websocket_url") @Nullable String websocketUrl,
        @JsonProperty("poll_after_seconds") @Nullable Integer pollAfterSeconds,
        @JsonProperty("cancel_url") @Nullable String cancelUrl,
        @JsonProperty("content_url") @Nullable String contentUrl,
        @JsonProperty("download_url") @Nullable String downloadUrl,
        @JsonProperty("generation_id") @Nullable String generationId,
        @JsonProperty("request_id") @Nullable String requestId,
        @JsonProperty("native_video_id") @Nullable String nativeVideoId,
        @JsonProperty("created_at") @Nullable Instant createdAt,
        @JsonProperty("updated_at") @Nullable Instant updatedAt,
        @JsonProperty("started_at") @Nullable Instant startedAt,
        @JsonProperty("completed_at") @Nullable Instant completedAt,
        @JsonProperty("expires_at") @Nullable Instant expiresAt,
        @JsonProperty("finalized_at") @Nullable Instant finalizedAt,
        @JsonProperty("provider") @Nullable String provider,
        @JsonProperty("model") @Nullable String model,
        @JsonProperty("seconds") @Nullable Double seconds,
        @JsonProperty("duration_seconds") @Nullable Double durationSeconds,
        @JsonProperty("size") @Nullable String size,
        @JsonProperty("resolution") @Nullable String resolution,
        @JsonProperty("quality") @Nullable String quality,
        @JsonProperty("prompt") @Nullable String prompt,
        @JsonProperty("remixed_from_video_id") @Nullable String remixedFromVideoId,
        @JsonProperty("audio") @Nullable Boolean audio,
        @JsonProperty("asset") @Nullable VideoAsset asset,
        @JsonProperty("outputs") List<VideoOutput> outputs,
        @JsonProperty("usage") @Nullable VideoUsage usage,
        @JsonProperty("error") @Nullable VideoJobError error,
        @JsonProperty("upstream_error") @Nullable VideoJobError upstreamError,
        @JsonProperty("billing") @Nullable VideoBilling billing,
        @JsonProperty("webhook") @Nullable VideoWebhookState webhook,
        @JsonAnyGetter Map<String, Object> extras) {

    /** Wire names read into components (aliases included); everything else goes to {@link #extras()}. */
    private static final Set<String> MODELLED = Set.of("id", "object", "kind", "status", "lifecycle_status",
            "output_access", "progress", "progress_source", "polling_url", "websocket_url", "poll_after_seconds",
            "cancel_url", "content_url", "download_url", "generation_id", "request_id", "requestId",
            "native_video_id", "native_id", "created_at", "updated_at", "started_at", "completed_at", "expires_at",
            "finalized_at", "provider", "model", "seconds", "duration_seconds", "size", "resolution", "quality",
            "prompt", "remixed_from_video_id", "audio", "asset", "outputs", "usage", "error", "upstream_error",
            "billing", "webhook");

    /** Copies {@code outputs} and deep-copies {@code extras}, unmodifiable; {@code null} ones become empty. */
    public VideoJob {
        outputs = Wire.copyOrEmpty(outputs);
        extras = Wire.objectOrEmpty(extras);
    }

    /**
     * Reads a job from its decoded JSON members (any of the three shapes). Never fails on unknown or mistyped members.
     * @param members the JSON object, for example as decoded into a {@code Map} by Jackson
     * @return the job
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static VideoJob fromJson(Map<String, ?> members) {
        Map<String, Object> unmodelled = new LinkedHashMap<>();
        members.forEach((name, value) -> {
            if (!MODELLED.contains(name)) {
                unmodelled.put(name, value);
            }
        });
        return new VideoJob(Wire.string(members.get("id")), Wire.string(members.get("object")),
                Wire.string(members.get("kind")), ifPresent(Wire.string(members.get("status")), VideoStatus::of),
                ifPresent(Wire.string(members.get("lifecycle_status")), LifecycleStatus::of),
                outputAccess(Wire.string(members.get("output_access"))), Wire.integer(members.get("progress")),
                Wire.string(members.get("progress_source")), Wire.string(members.get("polling_url")),
                Wire.string(members.get("websocket_url")), Wire.integer(members.get("poll_after_seconds")),
                Wire.string(members.get("cancel_url")), Wire.string(members.get("content_url")),
                Wire.string(members.get("download_url")), Wire.string(members.get("generation_id")),
                Wire.string(Wire.first(members, "request_id", "requestId")),
                Wire.string(Wire.first(members, "native_video_id", "native_id")),
                Wire.instant(members.get("created_at")), Wire.instant(members.get("updated_at")),
                Wire.instant(members.get("started_at")), Wire.instant(members.get("completed_at")),
                Wire.instant(members.get("expires_at")), Wire.instant(members.get("finalized_at")),
                Wire.string(members.get("provider")), Wire.string(members.get("model")),
                Wire.doubleValue(members.get("seconds")), Wire.doubleValue(members.get("duration_seconds")),
                Wire.string(members.get("size")), Wire.string(members.get("resolution")),
                Wire.string(members.get("quality")), Wire.string(members.get("prompt")),
                Wire.string(members.get("remixed_from_video_id")), Wire.bool(members.get("audio")),
                Wire.objectOrNull(members.get("asset"), VideoAsset::fromJson),
                Wire.objects(members.get("outputs"), VideoOutput::fromJson),
                Wire.objectOrNull(members.get("usage"), VideoUsage::fromJson),
                ifPresent(members.get("error"), VideoJobError::from),
                ifPresent(members.get("upstream_error"), VideoJobError::from),
                Wire.objectOrNull(members.get("billing"), VideoBilling::fromJson),
                Wire.objectOrNull(members.get("webhook"), VideoWebhookState::fromJson), unmodelled);
    }

    private static <S, T> @Nullable T ifPresent(@Nullable S value, Function<S, T> converter) {
        return (value != null) ? converter.apply(value) : null;
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
     * Why the job failed, whichever shape the job came in: {@link #error()} when the gateway sent one, else
     * {@link #upstreamError()}.
     * @return the reason, or {@code null} when the gateway reported none
     */
    @JsonIgnore
    public @Nullable VideoJobError failureReason() {
        return (this.error != null) ? this.error : this.upstreamError;
    }

    /**
     * @return whether the job will not change any more (completed, failed, cancelled or expired)
     */
    @JsonIgnore
    public boolean isTerminal() {
        return this.status != null && this.status.isTerminal();
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
