package io.aistats.video.internal.stream;

import io.aistats.video.model.JobStreamSettings;
import io.aistats.video.model.VideoJob;
import io.aistats.video.model.VideoJobUpdate;
import io.aistats.video.model.VideoStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the parts of the stream client that need no socket: frame parsing, the change filter and the settings.
 */
class StreamBuildingBlocksTests {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void readsSnapshotUpdatedAndDeletedFrames() {
        VideoJobUpdate snapshot = StreamFrames.parse("{\"type\":\"job.snapshot\",\"data\":{\"id\":\"G-1\","
                + "\"status\":\"processing\",\"lifecycle_status\":\"running\",\"progress\":0,"
                + "\"created_at\":\"2025-12-31T23:57:30.214871+00:00\",\"future_member\":{\"a\":1}}}", NOW);
        VideoJobUpdate updated = StreamFrames.parse("{\"type\":\"job.updated\",\"data\":{\"id\":\"G-1\","
                + "\"status\":\"completed\",\"progress\":100}}", NOW);
        VideoJobUpdate deleted = StreamFrames.parse("{\"type\":\"job.deleted\",\"data\":{\"id\":\"G-1\","
                + "\"kind\":\"video\"}}", NOW);

        assertThat(snapshot.type()).isEqualTo(VideoJobUpdate.Type.SNAPSHOT);
        assertThat(snapshot.status()).isEqualTo(VideoStatus.PROCESSING);
        assertThat(snapshot.job().createdAt()).isEqualTo(Instant.parse("2025-12-31T23:57:30.214871Z"));
        assertThat(snapshot.job().extras()).containsKey("future_member");
        assertThat(snapshot.receivedAt()).isEqualTo(NOW);
        assertThat(snapshot.isFinal()).isFalse();
        assertThat(updated.isTerminal()).isTrue();
        assertThat(deleted.type()).isEqualTo(VideoJobUpdate.Type.DELETED);
        assertThat(deleted.videoId()).isEqualTo("G-1");
        assertThat(deleted.isFinal()).isTrue();
        assertThat(deleted.isTerminal()).isFalse();
    }

    @Test
    void skipsPongsUnknownFramesAndGarbage() {
        assertThat(StreamFrames.parse("{\"type\":\"pong\"}", NOW)).isNull();
        assertThat(StreamFrames.parse("{\"type\":\"job.progress\",\"data\":{\"id\":\"G-1\"}}", NOW)).isNull();
        assertThat(StreamFrames.parse("{\"type\":\"job.updated\",\"data\":\"G-1\"}", NOW)).isNull();
        assertThat(StreamFrames.parse("[1,2]", NOW)).isNull();
        assertThat(StreamFrames.parse("pong", NOW)).isNull();
        assertThat(StreamFrames.parse("{\"type\":\"job.updated\",\"data\":{\"id\":", NOW)).isNull();
    }

    @Test
    void theFilterPassesOnlyNewStatusesAndHigherProgress() {
        UpdateFilter filter = new UpdateFilter();

        assertThat(filter.isNew(update(VideoJobUpdate.Type.SNAPSHOT, "queued", 0))).isTrue();
        assertThat(filter.isNew(update(VideoJobUpdate.Type.POLLED, "queued", 0))).isFalse();
        assertThat(filter.isNew(update(VideoJobUpdate.Type.POLLED, "in_progress", 30))).isTrue();
        assertThat(filter.isNew(update(VideoJobUpdate.Type.SNAPSHOT, "processing", 0)))
            .as("same phase seen again on reconnection, with the stream's coarse progress").isFalse();
        assertThat(filter.isNew(update(VideoJobUpdate.Type.POLLED, "in_progress", 55))).isTrue();
        assertThat(filter.isNew(update(VideoJobUpdate.Type.UPDATED, "completed", 100))).isTrue();
        assertThat(filter.isNew(update(VideoJobUpdate.Type.UPDATED, "completed", 100))).isFalse();
    }

    @Test
    void reconnectionBackoffDoublesUpToItsMaximum() {
        JobStreamSettings settings = JobStreamSettings.defaults()
            .withReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(5));

        assertThat(settings.reconnectBackoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.reconnectBackoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.reconnectBackoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(settings.reconnectBackoff(4)).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.reconnectBackoff(1000)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void settingsRejectValuesThatCannotWork() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> JobStreamSettings.defaults().withKeepAliveInterval(Duration.ZERO))
            .withMessageContaining("keepAliveInterval");
        assertThatIllegalArgumentException().isThrownBy(() -> JobStreamSettings.defaults()
                .withKeepAliveInterval(Duration.ofSeconds(30)).withIdleTimeout(Duration.ofSeconds(30)))
            .withMessageContaining("idleTimeout");
        assertThatIllegalArgumentException().isThrownBy(() -> JobStreamSettings.defaults()
                .withReconnectBackoff(Duration.ofSeconds(10), Duration.ofSeconds(1)))
            .withMessageContaining("reconnectMaxBackoff");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> JobStreamSettings.defaults().withPollInterval(Duration.ofSeconds(-1)))
            .withMessageContaining("pollInterval");
        assertThat(JobStreamSettings.defaults().withPollInterval(null).toString())
            .isEqualTo(JobStreamSettings.defaults().toString());
    }

    private static VideoJobUpdate update(VideoJobUpdate.Type type, String status, int progress) {
        return new VideoJobUpdate(type, VideoJob.fromJson(Map.of("id", "G-1", "status", status, "progress", progress)),
                NOW);
    }
}
