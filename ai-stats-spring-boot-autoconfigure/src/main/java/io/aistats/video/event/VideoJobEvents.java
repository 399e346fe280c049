package io.aistats.video.event;

import io.aistats.video.model.VideoJob;
import io.aistats.video.model.VideoStatus;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Creates {@link VideoJobEvent}s of the right subtype, and computes delivery keys and event ids exactly as the
 * gateway does, so that an update observed on the lifecycle stream or by polling carries the same id as the
 * gateway's webhook for the same phase and is published only once.
 */
public final class VideoJobEvents {

    /** The number of attempts the gateway makes at most for one delivery. */
    public static final int GATEWAY_MAX_ATTEMPTS = 4;

    private static final String EVENT_ID_PREFIX = "evt_video_";

    /** The longest event id the gateway sends: it truncates ids to 160 characters (contract §6.7). */
    public static final int MAX_EVENT_ID_LENGTH = 160;

    private static final Pattern EVENT_ID_UNSAFE = Pattern.compile("[^A-Za-z0-9_-]+");

    private static final String PROGRESS_KEY_PREFIX = "video.progress:";

    private VideoJobEvents() {
    }

    /**
     * Creates the event for one delivery or observation.
     * @param eventType the event type, for example {@code video.completed}; an unknown type yields a plain
     * {@link VideoJobEvent}
     * @param eventId the event id
     * @param job the job data; its {@code id} must be set
     * @param deliveryKey the delivery key
     * @param attempt the delivery attempt, 1-based
     * @param maxAttempts the number of attempts the sender makes at most
     * @param statusChange the stored-status transition of a {@code status_changed} event
     * @param source how the event reached the application
     * @param createdAt when the event was sent or observed
     * @return the event, of the subtype matching the type's phase
     * @throws NullPointerException when the job has no id
     */
    public static VideoJobEvent create(String eventType, String eventId, VideoJob job, String deliveryKey,
            int attempt, int maxAttempts, @Nullable StatusChange statusChange, EventSource source, Instant createdAt) {
        return switch (VideoJobPhase.fromEventType(eventType)) {
            case CREATED -> new VideoJobCreatedEvent(eventType, eventId, job, deliveryKey, attempt, maxAttempts,
                    statusChange, source, createdAt);
            case STATUS_CHANGED -> new VideoJobStatusChangedEvent(eventType, eventId, job, deliveryKey, attempt,
                    maxAttempts, statusChange, source, createdAt);
            case PROGRESS -> new VideoJobProgressEvent(eventType, eventId, job, deliveryKey, attempt, maxAttempts,
                    statusChange, source, createdAt, progressOf(deliveryKey, job));
            case COMPLETED -> new VideoJobCompletedEvent(eventType, eventId, job, deliveryKey, attempt, maxAttempts,
                    statusChange, source, createdAt);
            case FAILED -> new VideoJobFailedEvent(eventType, eventId, job, deliveryKey, attempt, maxAttempts,
                    statusChange, source, createdAt);
            case CANCELLED -> new VideoJobCancelledEvent(eventType, eventId, job, deliveryKey, attempt, maxAttempts,
                    statusChange, source, createdAt);
            case EXPIRED -> new VideoJobExpiredEvent(eventType, eventId, job, deliveryKey, attempt, maxAttempts,
                    statusChange, source, createdAt);
            case UNKNOWN -> new VideoJobEvent(eventType, eventId, job, deliveryKey, attempt, maxAttempts,
                    statusChange, source, createdAt);
        };
    }

    /**
     * Creates the event for an update observed without a webhook (lifecycle stream, polling), with the delivery key
     * and event id the gateway's webhook uses for the same phase.
     * @param phase the phase observed; not {@link VideoJobPhase#UNKNOWN}
     * @param job the job as observed; its {@code id} must be set
     * @param statusChange the stored-status transition, required for {@link VideoJobPhase#STATUS_CHANGED}
     * @param progressBucket the bucket (see {@link #progressBucket(double)}), required for
     * {@link VideoJobPhase#PROGRESS}
     * @param source how the update was observed
     * @param observedAt when it was observed
     * @return the event, with attempt and maximum attempts 1
     * @throws IllegalArgumentException for the unknown phase, a status change without its transition, or progress
     * without a valid bucket
     */
    public static VideoJobEvent observed(VideoJobPhase phase, VideoJob job, @Nullable StatusChange statusChange,
            @Nullable Integer progressBucket, EventSource source, Instant observedAt) {
        String videoId = Objects.requireNonNull(job.id(), "job.id");
        if (phase == VideoJobPhase.STATUS_CHANGED && statusChange == null) {
            throw new IllegalArgumentException("A status_changed event needs its status change");
        }
        String key = deliveryKey(phase, (statusChange != null) ? statusChange.previousStatus() : null,
                (statusChange != null) ? statusChange.status() : null, progressBucket);
        return create(phase.eventType(), eventId(videoId, key), job, key, 1, 1,
                (phase == VideoJobPhase.STATUS_CHANGED) ? statusChange : null, source, observedAt);
    }

    /**
     * Computes the gateway's delivery key of an event: {@code video.<phase>} for created, completed, failed,
     * cancelled and expired; {@code video.status_changed:<previous>:<status>} (with {@code unknown} for a missing
     * status) for status changes; {@code video.progress:<bucket>} for progress.
     * @param phase the phase; not {@link VideoJobPhase#UNKNOWN}
     * @param previousStatus the stored status before a change
     * @param status the stored status after a change
     * @param progressBucket the progress bucket, 5 to 95, for {@link VideoJobPhase#PROGRESS}
     * @return the delivery key, for example {@code video.status_changed:queued:in_progress}
     * @throws IllegalArgumentException for the unknown phase, or a progress phase without a valid bucket
     */
    public static String deliveryKey(VideoJobPhase phase, @Nullable String previousStatus, @Nullable String status,
            @Nullable Integer progressBucket) {
        return switch (phase) {
            case STATUS_CHANGED -> phase.eventType() + ":" + statusOrUnknown(previousStatus) + ":"
                    + statusOrUnknown(status);
            case PROGRESS -> {
                if (progressBucket == null || progressBucket < 5 || progressBucket > 95) {
                    throw new IllegalArgumentException(
                            "A progress delivery key needs a bucket from 5 to 95, was " + progressBucket);
                }
                yield PROGRESS_KEY_PREFIX + progressBucket;
            }
            case UNKNOWN -> throw new IllegalArgumentException("The unknown phase has no delivery key");
            default -> phase.eventType();
        };
    }

    /**
     * Computes the gateway's event id: {@code "evt_video_" + videoId + "_" + deliveryKey}, with every run of
     * characters outside {@code [A-Za-z0-9_-]} replaced by one {@code _}, truncated to 160 characters.
     * @param videoId the video id
     * @param deliveryKey the delivery key
     * @return for example {@code evt_video_G-01KDVDGQGGQ7M3R8X2VN5T9HBC_video_status_changed_queued_in_progress}
     */
    public static String eventId(String videoId, String deliveryKey) {
        String id = EVENT_ID_UNSAFE.matcher(EVENT_ID_PREFIX + videoId + "_" + deliveryKey).replaceAll("_");
        return (id.length() > MAX_EVENT_ID_LENGTH) ? id.substring(0, MAX_EVENT_ID_LENGTH) : id;
    }

    /**
     * The id under which an event is de-duplicated: its event id, except for a status change, whose id is computed
     * again from its transition with each status in the one spelling the lifecycle stream and polling can observe
     * ({@link #storedStatus}: a stored {@code pending} read as {@code queued}, {@code processing} and
     * {@code running} as {@code in_progress}). The webhook for {@code pending -> in_progress} and the stream's
     * {@code queued -> in_progress} of the same job then share one id and reach the listeners once.
     * @param event the event
     * @return the de-duplication id; the event id for every event but a status change in another spelling
     */
    public static String deduplicationId(VideoJobEvent event) {
        StatusChange change = event.statusChange();
        if (event.phase() != VideoJobPhase.STATUS_CHANGED || change == null) {
            return event.eventId();
        }
        String key = deliveryKey(VideoJobPhase.STATUS_CHANGED, observable(change.previousStatus()),
                observable(change.status()), null);
        return eventId(event.videoId(), key);
    }

    /**
     * Computes the gateway's progress bucket: the progress rounded to an integer, then to the nearest multiple of
     * ten, clamped to 5 to 95 (43 gives 40, 3 gives 5, 96 gives 95).
     * @param progress the provider's progress in percent
     * @return the bucket, or empty when the rounded progress is 0 or less or 100 or more (no progress event)
     */
    public static OptionalInt progressBucket(double progress) {
        if (Double.isNaN(progress)) {
            return OptionalInt.empty();
        }
        long rounded = Math.round(progress);
        if (rounded <= 0 || rounded >= 100) {
            return OptionalInt.empty();
        }
        long bucket = Math.round(rounded / 10.0) * 10;
        return OptionalInt.of((int) Math.max(5, Math.min(95, bucket)));
    }

    /**
     * Maps an observed public status back to the gateway's stored vocabulary, in which webhook
     * {@code video.status_changed} delivery keys are written ({@code video.status_changed:<previous>:<next>}):
     * <table>
     * <caption>Public status to stored status</caption>
     * <tr><th>public (stream, GET)</th><th>stored</th></tr>
     * <tr><td>{@code queued}</td><td>{@code queued}</td></tr>
     * <tr><td>{@code processing}, {@code in_progress}</td><td>{@code in_progress}</td></tr>
     * <tr><td>{@code completed}, {@code failed}, {@code cancelled}, {@code expired}</td><td>the same</td></tr>
     * <tr><td>anything else</td><td>the value, trimmed and in lower case</td></tr>
     * </table>
     * The public vocabulary loses information, so the result can differ from what the gateway stored: a stored
     * {@code pending} is shown as {@code queued} (the gateway's key then reads {@code pending}), and a provider
     * spelling the gateway stores unchanged (for example {@code running}) comes back as {@code in_progress}. An
     * observed transition then gets a different event id than the webhook for it; the {@link VideoJobEventDispatcher}
     * reads both spellings as one ({@link #deduplicationId}), so that a listener still sees the transition once.
     * @param status a public status as observed
     * @return the stored status the gateway most likely recorded
     */
    public static String storedStatus(VideoStatus status) {
        VideoStatus normalized = status.normalized();
        if (normalized == VideoStatus.PROCESSING) {
            return "in_progress";
        }
        if (normalized == VideoStatus.QUEUED || normalized.isTerminal()) {
            return normalized.value();
        }
        return status.value().trim().toLowerCase(Locale.ROOT);
    }

    private static @Nullable String observable(@Nullable String storedStatus) {
        return (storedStatus == null || storedStatus.isBlank()) ? null
                : storedStatus(VideoStatus.of(storedStatus));
    }

    private static String statusOrUnknown(@Nullable String status) {
        return (status == null || status.isBlank()) ? "unknown" : status.trim();
    }

    /** The bucket from the delivery key; the job's progress when the key does not carry one. */
    private static int progressOf(String deliveryKey, VideoJob job) {
        if (deliveryKey.startsWith(PROGRESS_KEY_PREFIX)) {
            try {
                return Integer.parseInt(deliveryKey.substring(PROGRESS_KEY_PREFIX.length()));
            }
            catch (NumberFormatException ex) {
                // fall back to the job's progress, which the gateway sets to the bucket for progress events
            }
        }
        Integer progress = job.progress();
        return (progress != null) ? progress : 0;
    }
}
