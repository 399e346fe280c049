package io.aistats.video.webhook;

import io.aistats.video.error.MalformedWebhookPayloadException;
import io.aistats.video.event.EventSource;
import io.aistats.video.event.MutableClock;
import io.aistats.video.event.StatusChange;
import io.aistats.video.event.VideoJobCompletedEvent;
import io.aistats.video.event.VideoJobCreatedEvent;
import io.aistats.video.event.VideoJobEvent;
import io.aistats.video.event.VideoJobEvents;
import io.aistats.video.event.VideoJobPhase;
import io.aistats.video.event.VideoJobStatusChangedEvent;
import io.aistats.video.internal.json.GatewayJson;
import io.aistats.video.model.LifecycleStatus;
import io.aistats.video.model.VideoStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link WebhookDeliveryParser}.
 */
class WebhookDeliveryParserTests {

    private static final Instant NOW = Instant.parse("2026-01-01T00:01:00Z");

    private final WebhookDeliveryParser parser = new WebhookDeliveryParser(GatewayJson.mapper(), new MutableClock(NOW));

    @Test
    void parsesTheWorkedExample() {
        VideoJobEvent event = parse(WebhookVerifierTests.BODY);
        assertThat(event).isExactlyInstanceOf(VideoJobCompletedEvent.class);
        assertThat(event.eventId()).isEqualTo("evt_video_G-01KDVDGQGGQ7M3R8X2VN5T9HBC_video_completed");
        assertThat(event.eventType()).isEqualTo("video.completed");
        assertThat(event.phase()).isEqualTo(VideoJobPhase.COMPLETED);
        assertThat(event.videoId()).isEqualTo("G-01KDVDGQGGQ7M3R8X2VN5T9HBC");
        assertThat(event.deliveryKey()).isEqualTo("video.completed");
        assertThat(event.attempt()).isEqualTo(1);
        assertThat(event.maxAttempts()).isEqualTo(4);
        assertThat(event.statusChange()).isNull();
        assertThat(event.source()).isEqualTo(EventSource.WEBHOOK);
        assertThat(event.createdAt()).isEqualTo(Instant.ofEpochSecond(1767225600));
        assertThat(event.job().status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(event.job().object()).isEqualTo("video");
    }

    @Test
    void parsesAStatusChangeWithBothVocabularies() {
        VideoJobEvent event = parse("""
                {"id":"evt_video_G-1_video_status_changed_queued_in_progress","type":"video.status_changed",
                 "created_at":1767225540,"delivery":{"key":"video.status_changed:queued:in_progress","attempt":3,
                 "max_attempts":4},"data":{"id":"G-1","status":"processing","lifecycle_status":"running",
                 "updated_at":"2025-12-31T23:59:00.418220+00:00","future_member":{"x":1}},
                 "status_change":{"previous_status":"queued","status":"in_progress"},"future_top_level":true}""");
        assertThat(event).isExactlyInstanceOf(VideoJobStatusChangedEvent.class);
        assertThat(event.statusChange()).isEqualTo(new StatusChange("queued", "in_progress"));
        assertThat(event.attempt()).isEqualTo(3);
        assertThat(event.job().status()).isEqualTo(VideoStatus.PROCESSING);
        assertThat(event.job().lifecycleStatus()).isEqualTo(LifecycleStatus.of("running"));
        assertThat(event.job().updatedAt()).isEqualTo(Instant.parse("2025-12-31T23:59:00.418220Z"));
        assertThat(event.job().extras()).containsKey("future_member");
    }

    @Test
    void keepsANullPreviousStatus() {
        VideoJobEvent event = parse("""
                {"id":"e","type":"video.status_changed","data":{"id":"G-1"},
                 "status_change":{"previous_status":null,"status":"queued"}}""");
        assertThat(event.statusChange()).isEqualTo(new StatusChange(null, "queued"));
    }

    @Test
    void fillsWhatALenientReadCanInfer() {
        VideoJobEvent event = parse("{\"id\":\"e\",\"type\":\"video.created\",\"data\":{\"id\":\"G-1\"}}");
        assertThat(event).isExactlyInstanceOf(VideoJobCreatedEvent.class);
        assertThat(event.deliveryKey()).isEqualTo("video.created");
        assertThat(event.attempt()).isEqualTo(1);
        assertThat(event.maxAttempts()).isEqualTo(4);
        assertThat(event.createdAt()).isEqualTo(NOW);
        VideoJobEvent numericStrings = parse("""
                {"id":"e","type":"video.created","created_at":"1767225450",
                 "delivery":{"key":"video.created","attempt":"2","max_attempts":"4"},"data":{"id":"G-1"}}""");
        assertThat(numericStrings.createdAt()).isEqualTo(Instant.ofEpochSecond(1767225450));
        assertThat(numericStrings.attempt()).isEqualTo(2);
    }

    @Test
    void publishesUnknownTypesAsThePlainEvent() {
        VideoJobEvent event = parse("{\"id\":\"e\",\"type\":\"video.thumbnail_ready\",\"data\":{\"id\":\"G-1\"}}");
        assertThat(event).isExactlyInstanceOf(VideoJobEvent.class);
        assertThat(event.phase()).isEqualTo(VideoJobPhase.UNKNOWN);
    }

    @Test
    void rejectsWhatIsNotAnEvent() {
        assertMalformed("{\"id\":", "not valid JSON");
        assertMalformed("", "not a JSON object");
        assertMalformed("[1,2]", "not a JSON object");
        assertMalformed("\"text\"", "not a JSON object");
        assertMalformed("{\"type\":\"video.created\",\"data\":{\"id\":\"G-1\"}}", "'id'");
        assertMalformed("{\"id\":7,\"type\":\"video.created\",\"data\":{\"id\":\"G-1\"}}", "'id'");
        assertMalformed("{\"id\":\"e\",\"data\":{\"id\":\"G-1\"}}", "'type'");
        assertMalformed("{\"id\":\"e\",\"type\":\"video.created\"}", "'data'");
        assertMalformed("{\"id\":\"e\",\"type\":\"video.created\",\"data\":\"G-1\"}", "'data'");
        assertMalformed("{\"id\":\"e\",\"type\":\"video.created\",\"data\":{\"status\":\"queued\"}}", "'data.id'");
    }

    @Test
    void acceptsEventIdsUpToTheGatewaysLengthAndRefusesLongerOnes() {
        String longest = VideoJobEvents.eventId("G-01KDVDGQGGQ7M3R8X2VN5T9HBC", "video.status_changed:" + "x".repeat(200));
        assertThat(longest).hasSize(160);
        assertThat(parse("{\"id\":\"" + longest + "\",\"type\":\"video.created\",\"data\":{\"id\":\"G-1\"}}")
            .eventId()).isEqualTo(longest);
        assertMalformed("{\"id\":\"" + longest + "y\",\"type\":\"video.created\",\"data\":{\"id\":\"G-1\"}}",
                "'id' has 161 characters");
        assertMalformed("{\"id\":\"" + "e".repeat(900_000) + "\",\"type\":\"video.created\",\"data\":{\"id\":\"G-1\"}}",
                "'id' has 900000 characters");
    }

    private void assertMalformed(String body, String expectedMessagePart) {
        assertThatExceptionOfType(MalformedWebhookPayloadException.class).as(body)
            .isThrownBy(() -> parse(body))
            .withMessageContaining(expectedMessagePart);
    }

    private VideoJobEvent parse(String body) {
        return this.parser.parse(body.getBytes(StandardCharsets.UTF_8));
    }
}
