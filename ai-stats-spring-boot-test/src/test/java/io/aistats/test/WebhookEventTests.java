package io.aistats.test;

import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event ids, delivery keys and progress buckets of webhook events (§6.7).
 */
class WebhookEventTests {

    @Test
    void eventIdsAndProgressBucketsFollowTheContract() {
        WebhookEvent statusChange = new WebhookEvent("G-01KDVDGQGGQ7M3R8X2VN5T9HBC", "e", "status_changed",
                "video.status_changed:queued:in_progress", "queued", "in_progress", null);
        assertThat(statusChange.eventId())
                .isEqualTo("evt_video_G-01KDVDGQGGQ7M3R8X2VN5T9HBC_video_status_changed_queued_in_progress");
        assertThat(statusChange.type()).isEqualTo("video.status_changed");
        WebhookEvent odd = new WebhookEvent("G-1", "e", "progress", "video.progress::40..x" + "y".repeat(200), null,
                null, 40);
        assertThat(odd.eventId()).startsWith("evt_video_G-1_video_progress_40_xyy").hasSize(160);
        assertThat(WebhookEvent.progressBucket(43)).isEqualTo(40);
        assertThat(WebhookEvent.progressBucket(45)).isEqualTo(50);
        assertThat(WebhookEvent.progressBucket(3)).isEqualTo(5);
        assertThat(WebhookEvent.progressBucket(1)).isEqualTo(5);
        assertThat(WebhookEvent.progressBucket(96)).isEqualTo(95);
        assertThat(WebhookEvent.progressBucket(99)).isEqualTo(95);
        assertThat(WebhookEvent.progressBucket(0)).isNull();
        assertThat(WebhookEvent.progressBucket(100)).isNull();
    }
}
