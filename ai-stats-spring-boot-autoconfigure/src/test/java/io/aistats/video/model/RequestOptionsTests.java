package io.aistats.video.model;

import io.aistats.video.internal.util.VideoWebhookEvents;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.aistats.video.error.VideoRequestValidationException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RequestOptionsTests {

    @Nested
    class ListParams {

        @Test
        void defaultsToTwentyNewestFirstWithoutFilters() {
            VideoListParams params = VideoListParams.defaults();

            assertThat(params.limit()).isEqualTo(20);
            assertThat(params.statuses()).isEmpty();
            assertThat(params.order()).isNull();
            assertThat(params.after()).isNull();
            assertThat(params.toQueryParameters()).containsExactly(Map.entry("limit", List.of("20")));
        }

        @ParameterizedTest
        @ValueSource(ints = { 1, 50, 100 })
        void acceptsLimitsFromOneToOneHundred(int limit) {
            assertThat(VideoListParams.limit(limit).limit()).isEqualTo(limit);
        }

        @ParameterizedTest
        @ValueSource(ints = { Integer.MIN_VALUE, -1, 0, 101, 200 })
        void rejectsOtherLimits(int limit) {
            assertThatExceptionOfType(VideoRequestValidationException.class)
                .isThrownBy(() -> VideoListParams.limit(limit))
                .satisfies((ex) -> assertThat(ex.field()).isEqualTo("limit"))
                .withMessage("limit: must be between 1 and 100 but was " + limit);
        }

        @Test
        void buildsAllQueryParametersInOrder() {
            VideoListParams params = VideoListParams.limit(5)
                .withStatuses(" completed", "canceled", " expired ")
                .withOrder(ListOrder.ASC)
                .withAfter("G-1");

            assertThat(params.statuses()).containsExactly("completed", "canceled", "expired");
            assertThat(params.withStatuses(VideoStatus.COMPLETED, VideoStatus.of("canceled"), VideoStatus.of("expired")))
                .isEqualTo(params);
            assertThat(params.toQueryParameters()).containsExactly(Map.entry("limit", List.of("5")),
                    Map.entry("status", List.of("completed", "canceled", "expired")), Map.entry("order", List.of("asc")),
                    Map.entry("after", List.of("G-1")));
            assertThat(ListOrder.DESC.wireValue()).isEqualTo("desc");
        }

        @Test
        void withAfterKeepsEverythingElse() {
            VideoListParams first = VideoListParams.limit(3).withStatuses("failed").withOrder(ListOrder.DESC);

            VideoListParams next = first.withAfter("G-9");

            assertThat(next.after()).isEqualTo("G-9");
            assertThat(next.limit()).isEqualTo(3);
            assertThat(next.statuses()).containsExactly("failed");
            assertThat(next.order()).isEqualTo(ListOrder.DESC);
            assertThat(first.after()).isNull();
            assertThat(next.withAfter(null)).isEqualTo(first).hasSameHashCodeAs(first);
            assertThat(new VideoListParams(next.limit(), next.statuses(), next.order(), next.after())).isEqualTo(next);
        }

        @Test
        void rejectsBlankStatusesAndAfter() {
            assertThatExceptionOfType(VideoRequestValidationException.class)
                .isThrownBy(() -> VideoListParams.defaults().withStatuses(" "))
                .satisfies((ex) -> assertThat(ex.field()).isEqualTo("status"));
            assertThatExceptionOfType(VideoRequestValidationException.class)
                .isThrownBy(() -> VideoListParams.defaults().withAfter(""))
                .satisfies((ex) -> assertThat(ex.field()).isEqualTo("after"));
        }
    }

    @Nested
    class DownloadUrl {

        @Test
        void defaultsSendNothing() {
            assertThat(DownloadUrlOptions.defaults().toRequestBody()).isEmpty();
            assertThat(DownloadUrlOptions.defaults().ttlSeconds()).isNull();
            assertThat(DownloadUrlOptions.defaults().disposition()).isNull();
            assertThat(DownloadUrlOptions.defaults().index()).isNull();
        }

        @Test
        void sendsOnlyTheSetOptions() {
            assertThat(DownloadUrlOptions.ttl(Duration.ofMinutes(15)).toRequestBody())
                .containsExactly(Map.entry("ttl_seconds", 900L));
            assertThat(DownloadUrlOptions.disposition(DownloadDisposition.INLINE).toRequestBody())
                .containsExactly(Map.entry("disposition", "inline"));
            assertThat(DownloadUrlOptions.index(2).toRequestBody()).containsExactly(Map.entry("index", 2));
            DownloadUrlOptions all = DownloadUrlOptions.ttl(Duration.ofSeconds(90, 999_000_000))
                .withDisposition(DownloadDisposition.ATTACHMENT)
                .withIndex(0);
            assertThat(all.toRequestBody()).containsExactly(Map.entry("ttl_seconds", 90L),
                    Map.entry("disposition", "attachment"), Map.entry("index", 0));
            assertThat(new DownloadUrlOptions(90L, DownloadDisposition.ATTACHMENT, 0)).isEqualTo(all)
                .hasSameHashCodeAs(all);
        }

        @Test
        void passesShortAndLongTtlsToTheGatewaysClamp() {
            assertThat(DownloadUrlOptions.ttl(Duration.ofSeconds(1)).ttlSeconds()).isEqualTo(1L);
            assertThat(DownloadUrlOptions.ttl(Duration.ofHours(2)).ttlSeconds()).isEqualTo(7200L);
        }

        @Test
        void rejectsInvalidValuesNamingTheWireField() {
            assertThatExceptionOfType(VideoRequestValidationException.class)
                .isThrownBy(() -> DownloadUrlOptions.ttl(Duration.ofMillis(999)))
                .satisfies((ex) -> assertThat(ex.field()).isEqualTo("ttl_seconds"));
            assertThatExceptionOfType(VideoRequestValidationException.class)
                .isThrownBy(() -> DownloadUrlOptions.ttl(Duration.ofSeconds(-5)))
                .satisfies((ex) -> assertThat(ex.field()).isEqualTo("ttl_seconds"));
            assertThatExceptionOfType(VideoRequestValidationException.class)
                .isThrownBy(() -> DownloadUrlOptions.index(-1))
                .satisfies((ex) -> assertThat(ex.field()).isEqualTo("index"))
                .withMessage("index: must be 0 or more but was -1");
            assertThatExceptionOfType(VideoRequestValidationException.class)
                .isThrownBy(() -> DownloadUrlOptions.disposition(null))
                .satisfies((ex) -> assertThat(ex.field()).isEqualTo("disposition"));
        }
    }

    @Nested
    class WebSocketUrl {

        @Test
        void defaultsSendNothing() {
            assertThat(WebSocketUrlOptions.defaults().intervalMs()).isNull();
            assertThat(WebSocketUrlOptions.defaults().closeOnTerminal()).isNull();
            assertThat(WebSocketUrlOptions.defaults().toQueryParameters()).isEmpty();
        }

        @Test
        void sendsTheSetOptions() {
            assertThat(WebSocketUrlOptions.interval(Duration.ofSeconds(5)).intervalMs()).isEqualTo(5000L);
            assertThat(WebSocketUrlOptions.closeOnTerminal(false).closeOnTerminal()).isFalse();
            WebSocketUrlOptions both = WebSocketUrlOptions.interval(Duration.ofMillis(1500)).withCloseOnTerminal(true);
            assertThat(both.toQueryParameters()).containsExactly(Map.entry("interval_ms", "1500"),
                    Map.entry("close_on_terminal", "true"));
            assertThat(new WebSocketUrlOptions(1500L, true)).isEqualTo(both).hasSameHashCodeAs(both);
        }

        @Test
        void passesIntervalsOutsideTheServerClampThrough() {
            assertThat(WebSocketUrlOptions.interval(Duration.ofMillis(10)).intervalMs()).isEqualTo(10L);
            assertThat(WebSocketUrlOptions.interval(Duration.ofMinutes(1)).intervalMs()).isEqualTo(60_000L);
        }

        @Test
        void rejectsNonPositiveIntervals() {
            assertThatExceptionOfType(VideoRequestValidationException.class)
                .isThrownBy(() -> WebSocketUrlOptions.interval(Duration.ZERO))
                .satisfies((ex) -> assertThat(ex.field()).isEqualTo("interval_ms"));
            assertThatExceptionOfType(VideoRequestValidationException.class)
                .isThrownBy(() -> WebSocketUrlOptions.interval(Duration.ofNanos(999_999)))
                .satisfies((ex) -> assertThat(ex.field()).isEqualTo("interval_ms"));
            assertThatExceptionOfType(VideoRequestValidationException.class)
                .isThrownBy(() -> WebSocketUrlOptions.interval(Duration.ofSeconds(-1)))
                .satisfies((ex) -> assertThat(ex.field()).isEqualTo("interval_ms"));
        }
    }

    @Nested
    class WebhookEvents {

        @Test
        void normalisesAsTheGateway() {
            assertThat(VideoWebhookEvents.normalize(" Completed ")).isEqualTo("job.completed");
            assertThat(VideoWebhookEvents.normalize("canceled")).isEqualTo("job.cancelled");
            assertThat(VideoWebhookEvents.normalize("JOB.CANCELED")).isEqualTo("job.cancelled");
            assertThat(VideoWebhookEvents.normalize("video.canceled")).isEqualTo("video.cancelled");
            assertThat(VideoWebhookEvents.normalize("video.status_changed")).isEqualTo("video.status_changed");
            assertThat(VideoWebhookEvents.normalize("video.unknown")).isNull();
            assertThat(VideoWebhookEvents.normalize("batch.completed")).isNull();
            assertThat(VideoWebhookEvents.normalize("*")).isNull();
            assertThat(VideoWebhookEvents.normalize("video.")).isNull();
            assertThat(VideoWebhookEvents.normalize(null)).isNull();
            assertThat(VideoWebhookEvents.normalizeAll(List.of("completed", "job.completed", "nope", "video.failed")))
                .containsExactly("job.completed", "video.failed");
        }
    }
}
