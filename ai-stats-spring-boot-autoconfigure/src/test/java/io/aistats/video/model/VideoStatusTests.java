package io.aistats.video.model;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class VideoStatusTests {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0} -> {1}, terminal={2}, active={3}")
    @CsvSource({
            // public vocabulary
            "queued, queued, false, true", "processing, processing, false, true",
            "in_progress, processing, false, true", "completed, completed, true, false",
            "failed, failed, true, false", "cancelled, cancelled, true, false", "expired, expired, true, false",
            // stored and provider aliases
            "pending, queued, false, true", "running, processing, false, true",
            "succeeded, completed, true, false", "success, completed, true, false",
            "complete, completed, true, false", "error, failed, true, false", "canceled, cancelled, true, false",
            // case and blanks are ignored
            "'  In_Progress ', processing, false, true", "COMPLETED, completed, true, false" })
    void normalisesEveryVocabularyValue(String value, String normalized, boolean terminal, boolean active) {
        VideoStatus status = VideoStatus.of(value);

        assertThat(status.normalized().value()).isEqualTo(normalized);
        assertThat(status.isTerminal()).isEqualTo(terminal);
        assertThat(status.isActive()).isEqualTo(active);
        assertThat(status.isKnown()).isTrue();
    }

    @Test
    void knownValuesYieldTheConstants() {
        assertThat(List.of("queued", "processing", "in_progress", "completed", "failed", "cancelled", "expired")
            .stream()
            .map(VideoStatus::of)).containsExactly(VideoStatus.QUEUED, VideoStatus.PROCESSING,
                    VideoStatus.IN_PROGRESS, VideoStatus.COMPLETED, VideoStatus.FAILED, VideoStatus.CANCELLED,
                    VideoStatus.EXPIRED);
        assertThat(VideoStatus.of("Completed")).isSameAs(VideoStatus.COMPLETED);
        assertThat(VideoStatus.of(" queued ")).isSameAs(VideoStatus.QUEUED);
    }

    @Test
    void unknownValuesAreCarried() {
        VideoStatus status = VideoStatus.of("on_hold");

        assertThat(status.value()).isEqualTo("on_hold");
        assertThat(status.toString()).isEqualTo("on_hold");
        assertThat(status.isKnown()).isFalse();
        assertThat(status.isTerminal()).isFalse();
        assertThat(status.isActive()).isFalse();
        assertThat(status.normalized()).isSameAs(status);
        assertThat(VideoStatus.of("")).satisfies((empty) -> assertThat(empty.isKnown()).isFalse());
    }

    @Test
    void equalityIgnoresCaseAndBlanksButNotSpelling() {
        assertThat(VideoStatus.of("On_Hold ")).isEqualTo(VideoStatus.of("on_hold"))
            .hasSameHashCodeAs(VideoStatus.of("on_hold"));
        assertThat(VideoStatus.of("succeeded")).isEqualTo(VideoStatus.of("SUCCEEDED"))
            .isNotEqualTo(VideoStatus.COMPLETED);
        assertThat(VideoStatus.IN_PROGRESS).isNotEqualTo(VideoStatus.PROCESSING);
        assertThat(VideoStatus.IN_PROGRESS.normalized()).isEqualTo(VideoStatus.PROCESSING.normalized());
    }

    @Test
    void rejectsNull() {
        assertThatNullPointerException().isThrownBy(() -> VideoStatus.of(null));
    }

    @Test
    void readsAndWritesJsonStrings() {
        assertThat(this.mapper.readValue("\"in_progress\"", VideoStatus.class)).isSameAs(VideoStatus.IN_PROGRESS);
        assertThat(this.mapper.readValue("\"brand_new\"", VideoStatus.class).value()).isEqualTo("brand_new");
        assertThat(this.mapper.writeValueAsString(VideoStatus.CANCELLED)).isEqualTo("\"cancelled\"");
        assertThat(this.mapper.writeValueAsString(VideoStatus.of("brand_new"))).isEqualTo("\"brand_new\"");
    }

    @ParameterizedTest
    @CsvSource({ "pending, false", "running, false", "completed, true", "failed, true", "cancelled, true",
            "canceled, true", "expired, true", "Expired, true" })
    void lifecycleStatusKnowsTerminalValues(String value, boolean terminal) {
        assertThat(LifecycleStatus.of(value).isTerminal()).isEqualTo(terminal);
    }

    @Test
    void lifecycleStatusIsOpen() {
        assertThat(LifecycleStatus.of("Running")).isSameAs(LifecycleStatus.RUNNING);
        assertThat(LifecycleStatus.of("pending").isKnown()).isTrue();
        LifecycleStatus unknown = LifecycleStatus.of("hibernating");
        assertThat(unknown.value()).isEqualTo("hibernating");
        assertThat(unknown.isKnown()).isFalse();
        assertThat(unknown.isTerminal()).isFalse();
        assertThat(unknown).isEqualTo(LifecycleStatus.of("HIBERNATING"));
        assertThat(this.mapper.readValue("\"expired\"", LifecycleStatus.class)).isSameAs(LifecycleStatus.EXPIRED);
        assertThat(this.mapper.writeValueAsString(LifecycleStatus.RUNNING)).isEqualTo("\"running\"");
    }
}
