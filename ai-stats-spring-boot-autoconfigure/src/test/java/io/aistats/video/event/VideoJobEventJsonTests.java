package io.aistats.video.event;

import io.aistats.video.model.VideoJob;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link VideoJobEvent}s as JSON, the way Spring Modulith's publication registry stores them and its externalization
 * sends them: every subtype reads back as itself with the same members, and the JSON holds what a consumer needs.
 */
class VideoJobEventJsonTests {

    private static final String VIDEO_ID = "G-01KDVDGQGGQ7M3R8X2VN5T9HBC";

    private static final Instant AT = Instant.ofEpochSecond(1767225600);

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everySubtypeReadsBackAsItselfWithTheSameMembers() {
        List<VideoJobEvent> events = List.of(event("video.created", "video.created", null),
                event("video.status_changed", "video.status_changed:queued:in_progress",
                        new StatusChange("queued", "in_progress")),
                event("video.progress", "video.progress:40", null), event("video.completed", "video.completed", null),
                event("video.failed", "video.failed", null), event("video.cancelled", "video.cancelled", null),
                event("video.expired", "video.expired", null), event("video.rendered", "video.rendered", null));
        for (VideoJobEvent event : events) {
            VideoJobEvent read = this.json.readValue(this.json.writeValueAsString(event), event.getClass());

            assertThat(read).as(event.eventType()).isExactlyInstanceOf(event.getClass());
            assertThat(read).usingRecursiveComparison().isEqualTo(event);
        }
    }

    @Test
    void theJsonNamesTheEventItsJobAndItsPhase() {
        VideoJobEvent event = event("video.status_changed", "video.status_changed:queued:in_progress",
                new StatusChange("queued", "in_progress"));

        JsonNode node = this.json.readTree(this.json.writeValueAsString(event));

        assertThat(node.propertyNames()).containsExactly("eventId", "eventType", "phase", "videoId", "deliveryKey",
                "attempt", "maxAttempts", "statusChange", "source", "createdAt", "job");
        assertThat(node.get("eventId").stringValue())
            .isEqualTo("evt_video_G-01KDVDGQGGQ7M3R8X2VN5T9HBC_video_status_changed_queued_in_progress");
        assertThat(node.get("phase").stringValue()).isEqualTo("STATUS_CHANGED");
        assertThat(node.get("videoId").stringValue()).isEqualTo(VIDEO_ID);
        assertThat(node.get("statusChange").toString())
            .isEqualTo("{\"previousStatus\":\"queued\",\"status\":\"in_progress\"}");
        assertThat(node.get("source").stringValue()).isEqualTo("WEBHOOK");
        assertThat(node.get("createdAt").stringValue()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(node.get("job").get("id").stringValue()).isEqualTo(VIDEO_ID);
        assertThat(node.get("job").get("status").stringValue()).isEqualTo("processing");
        assertThat(node.get("job").get("key_source").stringValue()).as("a member the client does not model")
            .isEqualTo("gateway");
    }

    private static VideoJobEvent event(String type, String deliveryKey, StatusChange statusChange) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("id", VIDEO_ID);
        job.put("object", "video");
        job.put("status", "processing");
        job.put("progress", 40);
        job.put("provider", "openai");
        job.put("key_source", "gateway");
        job.put("created_at", "2025-12-31T23:57:30.214871+00:00");
        return VideoJobEvents.create(type, VideoJobEvents.eventId(VIDEO_ID, deliveryKey), VideoJob.fromJson(job),
                deliveryKey, 2, 4, statusChange, EventSource.WEBHOOK, AT);
    }
}
