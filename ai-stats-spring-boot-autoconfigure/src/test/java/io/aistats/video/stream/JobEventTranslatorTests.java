package io.aistats.video.stream;

import io.aistats.video.event.EventSource;
import io.aistats.video.event.VideoJobEvent;
import io.aistats.video.event.VideoJobEvents;
import io.aistats.video.event.VideoJobPhase;
import io.aistats.video.event.VideoJobProgressEvent;
import io.aistats.video.model.VideoJob;
import io.aistats.video.model.VideoJobUpdate;
import io.aistats.video.model.VideoStatus;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JobEventTranslator} and {@link VideoJobEvents#storedStatus}: which webhook events a sequence of
 * observations yields, with which delivery keys.
 */
class JobEventTranslatorTests {

    private static final String ID = "G-01KDVDGQGGQ7M3R8X2VN5T9HBC";

    @Test
    void mapsPublicStatusesToTheStoredVocabulary() {
        assertThat(VideoJobEvents.storedStatus(VideoStatus.QUEUED)).isEqualTo("queued");
        assertThat(VideoJobEvents.storedStatus(VideoStatus.of("pending"))).isEqualTo("queued");
        assertThat(VideoJobEvents.storedStatus(VideoStatus.PROCESSING)).isEqualTo("in_progress");
        assertThat(VideoJobEvents.storedStatus(VideoStatus.IN_PROGRESS)).isEqualTo("in_progress");
        assertThat(VideoJobEvents.storedStatus(VideoStatus.of("running"))).isEqualTo("in_progress");
        assertThat(VideoJobEvents.storedStatus(VideoStatus.COMPLETED)).isEqualTo("completed");
        assertThat(VideoJobEvents.storedStatus(VideoStatus.of("canceled"))).isEqualTo("cancelled");
        assertThat(VideoJobEvents.storedStatus(VideoStatus.FAILED)).isEqualTo("failed");
        assertThat(VideoJobEvents.storedStatus(VideoStatus.EXPIRED)).isEqualTo("expired");
        assertThat(VideoJobEvents.storedStatus(VideoStatus.of(" Paused "))).isEqualTo("paused");
    }

    @Test
    void aJobFollowedFromItsQueuedSnapshotYieldsEveryPhase() {
        JobEventTranslator translator = new JobEventTranslator(null);

        List<VideoJobEvent> created = translator.translate(stream("queued", 0));
        List<VideoJobEvent> started = translator.translate(stream("processing", 0));
        List<VideoJobEvent> unchanged = translator.translate(stream("processing", 0));
        List<VideoJobEvent> completed = translator.translate(stream("completed", 100));

        assertThat(keys(created)).containsExactly("video.created");
        assertThat(keys(started)).containsExactly("video.status_changed:queued:in_progress");
        assertThat(unchanged).isEmpty();
        assertThat(keys(completed)).containsExactly("video.status_changed:in_progress:completed", "video.completed");
        assertThat(completed.get(0).statusChange().previousStatus()).isEqualTo("in_progress");
        assertThat(completed.get(1).eventId()).isEqualTo("evt_video_" + ID + "_video_completed");
        assertThat(completed).extracting(VideoJobEvent::source).containsOnly(EventSource.STREAM);
    }

    @Test
    void theFirstObservationOfARunningJobIsOnlyABaseline() {
        JobEventTranslator translator = new JobEventTranslator(null);

        assertThat(translator.translate(stream("processing", 0))).isEmpty();
        assertThat(keys(translator.translate(polled("failed", null, null))))
            .containsExactly("video.status_changed:in_progress:failed", "video.failed");
    }

    @Test
    void aJobFirstSeenTerminalYieldsItsTerminalEventOnly() {
        assertThat(keys(new JobEventTranslator(null).translate(stream("cancelled", 0))))
            .containsExactly("video.cancelled");
    }

    @Test
    void aBaselineFromTheCreateAnswerGivesTheFirstTransition() {
        JobEventTranslator translator = new JobEventTranslator(job("queued", null, null));

        assertThat(keys(translator.translate(stream("processing", 0))))
            .containsExactly("video.created", "video.status_changed:queued:in_progress");
    }

    @Test
    void aCompletedCreateAnswerStillYieldsTheCompletedEvent() {
        JobEventTranslator translator = new JobEventTranslator(job("completed", 100, null));

        assertThat(keys(translator.translate(stream("completed", 100)))).containsExactly("video.completed");
    }

    @Test
    void polledProviderProgressYieldsEachNewBucketOnce() {
        JobEventTranslator translator = new JobEventTranslator(job("queued", null, null));

        List<VideoJobEvent> first = translator.translate(polled("in_progress", 43, "provider"));
        List<VideoJobEvent> same = translator.translate(polled("in_progress", 44, "provider"));
        List<VideoJobEvent> next = translator.translate(polled("in_progress", 61, "provider"));
        List<VideoJobEvent> estimated = translator.translate(polled("in_progress", 88, "estimated"));

        assertThat(keys(first)).containsExactly("video.created", "video.status_changed:queued:in_progress",
                "video.progress:40");
        assertThat(first.get(2)).isInstanceOfSatisfying(VideoJobProgressEvent.class,
                (progress) -> assertThat(progress.eventId()).isEqualTo("evt_video_" + ID + "_video_progress_40"));
        assertThat(first).extracting(VideoJobEvent::source).containsOnly(EventSource.POLLING);
        assertThat(same).isEmpty();
        assertThat(keys(next)).containsExactly("video.progress:60");
        assertThat(estimated).as("only provider progress is a webhook phase").isEmpty();
    }

    @Test
    void aDeletedFrameYieldsNothing() {
        JobEventTranslator translator = new JobEventTranslator(null);
        VideoJob deleted = VideoJob.fromJson(Map.of("id", ID, "kind", "video"));

        assertThat(translator.translate(new VideoJobUpdate(VideoJobUpdate.Type.DELETED, deleted, Instant.now())))
            .isEmpty();
    }

    @Test
    void eventsOfTheSamePhaseFromEitherPathShareTheirId() {
        List<VideoJobEvent> fromStream = new JobEventTranslator(job("queued", null, null))
            .translate(stream("completed", 100));
        List<VideoJobEvent> fromPolling = new JobEventTranslator(job("queued", null, null))
            .translate(polled("completed", 100, "provider"));

        assertThat(fromStream).extracting(VideoJobEvent::eventId)
            .containsExactlyElementsOf(fromPolling.stream().map(VideoJobEvent::eventId).toList());
        assertThat(fromStream).extracting(VideoJobEvent::phase).containsExactly(VideoJobPhase.CREATED,
                VideoJobPhase.STATUS_CHANGED, VideoJobPhase.COMPLETED);
    }

    private static List<String> keys(List<VideoJobEvent> events) {
        return events.stream().map(VideoJobEvent::deliveryKey).toList();
    }

    private static VideoJobUpdate stream(String status, int progress) {
        return new VideoJobUpdate(VideoJobUpdate.Type.UPDATED, job(status, progress, null), Instant.now());
    }

    private static VideoJobUpdate polled(String status, @Nullable Integer progress, @Nullable String source) {
        return new VideoJobUpdate(VideoJobUpdate.Type.POLLED, job(status, progress, source), Instant.now());
    }

    private static VideoJob job(String status, @Nullable Integer progress, @Nullable String progressSource) {
        Map<String, Object> members = new HashMap<>();
        members.put("id", ID);
        members.put("status", status);
        if (progress != null) {
            members.put("progress", progress);
        }
        if (progressSource != null) {
            members.put("progress_source", progressSource);
        }
        return VideoJob.fromJson(members);
    }
}
