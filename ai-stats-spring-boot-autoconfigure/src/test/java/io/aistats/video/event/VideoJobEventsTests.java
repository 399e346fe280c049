package io.aistats.video.event;

import io.aistats.video.model.VideoJob;
import io.aistats.video.model.VideoStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link VideoJobEvents}: ids and keys as the gateway computes them (contract §6.7), and the subtypes.
 */
class VideoJobEventsTests {

    private static final String VIDEO_ID = "G-01KDVDGQGGQ7M3R8X2VN5T9HBC";

    private static final Instant AT = Instant.ofEpochSecond(1767225600);

    private static final VideoJob JOB = VideoJob.fromJson(Map.of("id", VIDEO_ID, "status", "completed",
            "progress", 40));

    @Test
    void eventIdsMatchTheContractExamples() {
        assertThat(VideoJobEvents.eventId(VIDEO_ID, "video.completed"))
            .isEqualTo("evt_video_G-01KDVDGQGGQ7M3R8X2VN5T9HBC_video_completed");
        assertThat(VideoJobEvents.eventId(VIDEO_ID, "video.status_changed:queued:in_progress"))
            .isEqualTo("evt_video_G-01KDVDGQGGQ7M3R8X2VN5T9HBC_video_status_changed_queued_in_progress");
        assertThat(VideoJobEvents.eventId(VIDEO_ID, "video.progress:40"))
            .isEqualTo("evt_video_G-01KDVDGQGGQ7M3R8X2VN5T9HBC_video_progress_40");
    }

    @Test
    void eventIdsReplaceEveryRunOfUnsafeCharactersWithOneUnderscore() {
        assertThat(VideoJobEvents.eventId("a b/c", "video.x::y..z")).isEqualTo("evt_video_a_b_c_video_x_y_z");
        assertThat(VideoJobEvents.eventId("ü-1", "video.completed")).isEqualTo("evt_video__-1_video_completed");
    }

    @Test
    void eventIdsAreTruncatedTo160Characters() {
        String id = VideoJobEvents.eventId("G-" + "X".repeat(200), "video.completed");
        assertThat(id).hasSize(160).startsWith("evt_video_G-XXX");
        String exactly160 = VideoJobEvents.eventId("G-" + "X".repeat(132), "video.completed");
        assertThat(exactly160).hasSize(160).endsWith("X_video_completed");
        assertThat(VideoJobEvents.eventId("G-" + "X".repeat(133), "video.completed")).hasSize(160)
            .endsWith("X_video_complete");
    }

    @Test
    void deliveryKeysMatchTheContract() {
        assertThat(VideoJobEvents.deliveryKey(VideoJobPhase.COMPLETED, null, null, null)).isEqualTo("video.completed");
        assertThat(VideoJobEvents.deliveryKey(VideoJobPhase.CREATED, null, null, null)).isEqualTo("video.created");
        assertThat(VideoJobEvents.deliveryKey(VideoJobPhase.FAILED, null, null, null)).isEqualTo("video.failed");
        assertThat(VideoJobEvents.deliveryKey(VideoJobPhase.CANCELLED, null, null, null)).isEqualTo("video.cancelled");
        assertThat(VideoJobEvents.deliveryKey(VideoJobPhase.EXPIRED, null, null, null)).isEqualTo("video.expired");
        assertThat(VideoJobEvents.deliveryKey(VideoJobPhase.STATUS_CHANGED, "queued", "in_progress", null))
            .isEqualTo("video.status_changed:queued:in_progress");
        assertThat(VideoJobEvents.deliveryKey(VideoJobPhase.STATUS_CHANGED, null, "queued", null))
            .isEqualTo("video.status_changed:unknown:queued");
        assertThat(VideoJobEvents.deliveryKey(VideoJobPhase.STATUS_CHANGED, "", " ", null))
            .isEqualTo("video.status_changed:unknown:unknown");
        assertThat(VideoJobEvents.deliveryKey(VideoJobPhase.PROGRESS, null, null, 40)).isEqualTo("video.progress:40");
    }

    @Test
    void deliveryKeysRefuseWhatTheGatewayNeverSends() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> VideoJobEvents.deliveryKey(VideoJobPhase.UNKNOWN, null, null, null));
        assertThatIllegalArgumentException()
            .isThrownBy(() -> VideoJobEvents.deliveryKey(VideoJobPhase.PROGRESS, null, null, null));
        assertThatIllegalArgumentException()
            .isThrownBy(() -> VideoJobEvents.deliveryKey(VideoJobPhase.PROGRESS, null, null, 100))
            .withMessageContaining("5 to 95");
    }

    @Test
    void progressBucketsMatchTheContractExamples() {
        assertThat(VideoJobEvents.progressBucket(43)).hasValue(40);
        assertThat(VideoJobEvents.progressBucket(3)).hasValue(5);
        assertThat(VideoJobEvents.progressBucket(96)).hasValue(95);
        assertThat(VideoJobEvents.progressBucket(45)).hasValue(50);
        assertThat(VideoJobEvents.progressBucket(44.6)).hasValue(50);
        assertThat(VideoJobEvents.progressBucket(0)).isEqualTo(OptionalInt.empty());
        assertThat(VideoJobEvents.progressBucket(-5)).isEmpty();
        assertThat(VideoJobEvents.progressBucket(100)).isEmpty();
        assertThat(VideoJobEvents.progressBucket(Double.NaN)).isEmpty();
    }

    @Test
    void createsTheSubtypeOfEachPhase() {
        assertThat(create("video.created")).isExactlyInstanceOf(VideoJobCreatedEvent.class);
        assertThat(create("video.status_changed")).isExactlyInstanceOf(VideoJobStatusChangedEvent.class);
        assertThat(create("video.progress")).isExactlyInstanceOf(VideoJobProgressEvent.class);
        assertThat(create("video.completed")).isExactlyInstanceOf(VideoJobCompletedEvent.class);
        assertThat(create("video.failed")).isExactlyInstanceOf(VideoJobFailedEvent.class);
        assertThat(create("video.cancelled")).isExactlyInstanceOf(VideoJobCancelledEvent.class);
        assertThat(create("video.expired")).isExactlyInstanceOf(VideoJobExpiredEvent.class);
        assertThat(create("job.canceled")).isExactlyInstanceOf(VideoJobCancelledEvent.class);
        assertThat(create("VIDEO.COMPLETED")).isExactlyInstanceOf(VideoJobCompletedEvent.class);
    }

    @Test
    void unknownTypesYieldThePlainEvent() {
        VideoJobEvent event = create("video.thumbnail_ready");
        assertThat(event).isExactlyInstanceOf(VideoJobEvent.class);
        assertThat(event.phase()).isEqualTo(VideoJobPhase.UNKNOWN);
        assertThat(event.eventType()).isEqualTo("video.thumbnail_ready");
        assertThat(create("batch.completed").phase()).isEqualTo(VideoJobPhase.UNKNOWN);
    }

    @Test
    void carriesEveryMember() {
        StatusChange change = new StatusChange("queued", "in_progress");
        VideoJobEvent event = VideoJobEvents.create("video.status_changed", "evt_1", JOB,
                "video.status_changed:queued:in_progress", 2, 4, change, EventSource.WEBHOOK, AT);
        assertThat(event.eventId()).isEqualTo("evt_1");
        assertThat(event.eventType()).isEqualTo("video.status_changed");
        assertThat(event.phase()).isEqualTo(VideoJobPhase.STATUS_CHANGED);
        assertThat(event.job()).isSameAs(JOB);
        assertThat(event.videoId()).isEqualTo(VIDEO_ID);
        assertThat(event.deliveryKey()).isEqualTo("video.status_changed:queued:in_progress");
        assertThat(event.attempt()).isEqualTo(2);
        assertThat(event.maxAttempts()).isEqualTo(4);
        assertThat(event.statusChange()).isEqualTo(change);
        assertThat(event.source()).isEqualTo(EventSource.WEBHOOK);
        assertThat(event.createdAt()).isEqualTo(AT);
        VideoJobStatusChangedEvent changed = (VideoJobStatusChangedEvent) event;
        assertThat(changed.previousStatus()).isEqualTo("queued");
        assertThat(changed.status()).isEqualTo("in_progress");
        assertThat(event.toString()).isEqualTo("VideoJobStatusChangedEvent[eventId=evt_1, eventType=video.status_changed, "
                + "videoId=G-01KDVDGQGGQ7M3R8X2VN5T9HBC, source=WEBHOOK, attempt=2/4]");
    }

    @Test
    void progressComesFromTheDeliveryKeyElseTheJob() {
        VideoJobProgressEvent fromKey = (VideoJobProgressEvent) VideoJobEvents.create("video.progress", "evt", JOB,
                "video.progress:70", 1, 4, null, EventSource.WEBHOOK, AT);
        assertThat(fromKey.progress()).isEqualTo(70);
        VideoJobProgressEvent fromJob = (VideoJobProgressEvent) VideoJobEvents.create("video.progress", "evt", JOB,
                "video.progress", 1, 4, null, EventSource.WEBHOOK, AT);
        assertThat(fromJob.progress()).isEqualTo(40);
    }

    @Test
    void observedEventsCarryTheWebhooksIds() {
        VideoJobEvent completed = VideoJobEvents.observed(VideoJobPhase.COMPLETED, JOB, null, null,
                EventSource.STREAM, AT);
        assertThat(completed).isInstanceOf(VideoJobCompletedEvent.class);
        assertThat(completed.eventId()).isEqualTo("evt_video_G-01KDVDGQGGQ7M3R8X2VN5T9HBC_video_completed");
        assertThat(completed.deliveryKey()).isEqualTo("video.completed");
        assertThat(completed.eventType()).isEqualTo("video.completed");
        assertThat(completed.attempt()).isEqualTo(1);
        assertThat(completed.maxAttempts()).isEqualTo(1);
        assertThat(completed.source()).isEqualTo(EventSource.STREAM);
        assertThat(completed.job().status()).isEqualTo(VideoStatus.COMPLETED);

        VideoJobEvent changed = VideoJobEvents.observed(VideoJobPhase.STATUS_CHANGED, JOB,
                new StatusChange("in_progress", "completed"), null, EventSource.POLLING, AT);
        assertThat(changed.eventId())
            .isEqualTo("evt_video_G-01KDVDGQGGQ7M3R8X2VN5T9HBC_video_status_changed_in_progress_completed");
        assertThat(changed.statusChange()).isEqualTo(new StatusChange("in_progress", "completed"));

        VideoJobEvent progress = VideoJobEvents.observed(VideoJobPhase.PROGRESS, JOB, null, 60, EventSource.POLLING, AT);
        assertThat(progress.eventId()).isEqualTo("evt_video_G-01KDVDGQGGQ7M3R8X2VN5T9HBC_video_progress_60");
        assertThat(((VideoJobProgressEvent) progress).progress()).isEqualTo(60);

        assertThatIllegalArgumentException().isThrownBy(() -> VideoJobEvents.observed(VideoJobPhase.STATUS_CHANGED,
                JOB, null, null, EventSource.STREAM, AT));
    }

    @Test
    void phasesParseLikeTheGatewaysSubscriptions() {
        assertThat(VideoJobPhase.fromEventType("video.status_changed")).isEqualTo(VideoJobPhase.STATUS_CHANGED);
        assertThat(VideoJobPhase.fromEventType(" Job.Completed ")).isEqualTo(VideoJobPhase.COMPLETED);
        assertThat(VideoJobPhase.fromEventType("canceled")).isEqualTo(VideoJobPhase.CANCELLED);
        assertThat(VideoJobPhase.fromEventType(null)).isEqualTo(VideoJobPhase.UNKNOWN);
        assertThat(VideoJobPhase.fromEventType("video.unknown")).isEqualTo(VideoJobPhase.UNKNOWN);
        assertThat(VideoJobPhase.PROGRESS.eventType()).isEqualTo("video.progress");
    }

    @Test
    void statusChangesAreDeduplicatedByTheirTransitionInTheStatusesTheStreamSees() {
        VideoJobEvent pending = webhookStatusChange("pending", "in_progress");
        VideoJobEvent running = webhookStatusChange("running", "succeeded");
        VideoJobEvent observed = VideoJobEvents.observed(VideoJobPhase.STATUS_CHANGED, JOB,
                new StatusChange("queued", "in_progress"), null, EventSource.STREAM, AT);

        assertThat(pending.eventId())
            .isEqualTo("evt_video_G-01KDVDGQGGQ7M3R8X2VN5T9HBC_video_status_changed_pending_in_progress");
        assertThat(VideoJobEvents.deduplicationId(pending)).isEqualTo(observed.eventId())
            .isEqualTo(VideoJobEvents.deduplicationId(observed));
        assertThat(VideoJobEvents.deduplicationId(running))
            .isEqualTo("evt_video_G-01KDVDGQGGQ7M3R8X2VN5T9HBC_video_status_changed_in_progress_completed");
        assertThat(VideoJobEvents.deduplicationId(webhookStatusChange(null, "queued")))
            .isEqualTo("evt_video_G-01KDVDGQGGQ7M3R8X2VN5T9HBC_video_status_changed_unknown_queued");
        assertThat(VideoJobEvents.deduplicationId(webhookStatusChange("queued", "paused")))
            .isEqualTo("evt_video_G-01KDVDGQGGQ7M3R8X2VN5T9HBC_video_status_changed_queued_paused");
    }

    @Test
    void otherEventsAreDeduplicatedByTheirEventId() {
        VideoJobEvent completed = VideoJobEvents.create("video.completed", "evt_gateway_given", JOB, "video.completed",
                1, 4, null, EventSource.WEBHOOK, AT);
        VideoJobEvent unknown = create("video.renamed");

        assertThat(VideoJobEvents.deduplicationId(completed)).isEqualTo("evt_gateway_given");
        assertThat(VideoJobEvents.deduplicationId(unknown)).isEqualTo("evt");
    }

    private static VideoJobEvent webhookStatusChange(String previous, String status) {
        String key = VideoJobEvents.deliveryKey(VideoJobPhase.STATUS_CHANGED, previous, status, null);
        return VideoJobEvents.create("video.status_changed", VideoJobEvents.eventId(VIDEO_ID, key), JOB, key, 1, 4,
                new StatusChange(previous, status), EventSource.WEBHOOK, AT);
    }

    private static VideoJobEvent create(String type) {
        return VideoJobEvents.create(type, "evt", JOB, "key", 1, 4, null, EventSource.WEBHOOK, AT);
    }
}
