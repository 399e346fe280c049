package io.aistats.video.webhook;

import io.aistats.video.event.InMemoryProcessedEventStore;
import io.aistats.video.event.MutableClock;
import io.aistats.video.event.VideoJobCompletedEvent;
import io.aistats.video.event.VideoJobEventDispatcher;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link WebhookProcessor}: what each kind of delivery is answered, independent of the web stack.
 */
class WebhookProcessorTests {

    private static final String SECRET = "whsec_test_secret";

    private static final String TIMESTAMP = "1767225600";

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1767225600));

    private final List<Object> published = new ArrayList<>();

    private final VideoJobEventDispatcher dispatcher = new VideoJobEventDispatcher(this.published::add,
            new InMemoryProcessedEventStore(100, Duration.ofHours(1), this.clock),
            VideoJobEventDispatcher.DEFAULT_LEASE, null);

    private final WebhookVerifier verifier = new WebhookVerifier(List.of(SECRET), Duration.ofMinutes(5), this.clock);

    private final WebhookProcessor processor = new WebhookProcessor(this.verifier, new WebhookDeliveryParser(),
            this.dispatcher, DataSize.ofKilobytes(1), null);

    @Test
    void acceptsAValidDeliveryOnceAndThenReportsDuplicates() {
        byte[] body = WebhookVerifierTests.BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(this.processor.process(TIMESTAMP, WebhookVerifierTests.SIGNATURE, body))
            .isEqualTo(WebhookOutcome.ACCEPTED);
        assertThat(this.published).singleElement().isInstanceOf(VideoJobCompletedEvent.class);
        assertThat(this.processor.process(TIMESTAMP, WebhookVerifierTests.SIGNATURE, body))
            .isEqualTo(WebhookOutcome.DUPLICATE);
        assertThat(this.published).hasSize(1);
    }

    @Test
    void readsTheHeadersCaseInsensitively() {
        byte[] body = WebhookVerifierTests.BODY.getBytes(StandardCharsets.UTF_8);
        HttpHeaders headers = new HttpHeaders();
        headers.add("X-Phaseo-Timestamp", TIMESTAMP);
        headers.add("X-Phaseo-Signature", WebhookVerifierTests.SIGNATURE);
        assertThat(this.processor.process(headers, body)).isEqualTo(WebhookOutcome.ACCEPTED);
    }

    @Test
    void mapsEveryRejection() {
        byte[] body = WebhookVerifierTests.BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(this.processor.process(null, WebhookVerifierTests.SIGNATURE, body))
            .isEqualTo(WebhookOutcome.INVALID_HEADERS);
        assertThat(this.processor.process("yesterday", WebhookVerifierTests.SIGNATURE, body))
            .isEqualTo(WebhookOutcome.INVALID_HEADERS);
        assertThat(this.processor.process(TIMESTAMP, "0".repeat(64), body))
            .isEqualTo(WebhookOutcome.REJECTED_SIGNATURE);
        assertThat(this.processor.process("1767225000", signed("1767225000", body), body))
            .isEqualTo(WebhookOutcome.REJECTED_STALE);
        byte[] notJson = "{not json".getBytes(StandardCharsets.UTF_8);
        assertThat(this.processor.process(TIMESTAMP, signed(TIMESTAMP, notJson), notJson))
            .isEqualTo(WebhookOutcome.MALFORMED);
        byte[] tooLarge = new byte[1025];
        assertThat(this.processor.process(TIMESTAMP, signed(TIMESTAMP, tooLarge), tooLarge))
            .isEqualTo(WebhookOutcome.TOO_LARGE);
        assertThat(this.published).isEmpty();
    }

    @Test
    void reportsAListenerFailureSoThatTheGatewayRedelivers() {
        List<Object> failures = new ArrayList<>();
        VideoJobEventDispatcher failing = new VideoJobEventDispatcher((event) -> {
            failures.add(event);
            throw new IllegalStateException("database down");
        }, new InMemoryProcessedEventStore(), VideoJobEventDispatcher.DEFAULT_LEASE, null);
        WebhookProcessor processor = new WebhookProcessor(this.verifier, new WebhookDeliveryParser(), failing,
                WebhookProcessor.DEFAULT_MAX_PAYLOAD_SIZE, null);
        byte[] body = WebhookVerifierTests.BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(processor.process(TIMESTAMP, WebhookVerifierTests.SIGNATURE, body))
            .isEqualTo(WebhookOutcome.LISTENER_FAILED);
        assertThat(processor.process(TIMESTAMP, WebhookVerifierTests.SIGNATURE, body))
            .isEqualTo(WebhookOutcome.LISTENER_FAILED);
        assertThat(failures).hasSize(2);
    }

    @Test
    void answersAtOnceInAsynchronousMode() {
        Queue<Runnable> tasks = new ArrayDeque<>();
        WebhookProcessor async = new WebhookProcessor(this.verifier, new WebhookDeliveryParser(), this.dispatcher,
                DataSize.ofKilobytes(1), tasks::add);
        assertThat(async.isAsync()).isTrue();
        byte[] body = WebhookVerifierTests.BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(async.process(TIMESTAMP, WebhookVerifierTests.SIGNATURE, body)).isEqualTo(WebhookOutcome.QUEUED);
        assertThat(this.published).isEmpty();
        tasks.remove().run();
        assertThat(this.published).hasSize(1);
        assertThat(async.process(TIMESTAMP, WebhookVerifierTests.SIGNATURE, body)).isEqualTo(WebhookOutcome.DUPLICATE);
    }

    @Test
    void answersUnavailableWhenTheExecutorRefuses() {
        WebhookProcessor async = new WebhookProcessor(this.verifier, new WebhookDeliveryParser(), this.dispatcher,
                DataSize.ofKilobytes(1), (task) -> {
                    throw new RejectedExecutionException("full");
                });
        byte[] body = WebhookVerifierTests.BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(async.process(TIMESTAMP, WebhookVerifierTests.SIGNATURE,
                body)).isEqualTo(WebhookOutcome.UNAVAILABLE);
    }

    @Test
    void outcomesCarryTheirStatusAndBody() {
        assertThat(WebhookOutcome.ACCEPTED.httpStatus()).isEqualTo(200);
        assertThat(WebhookOutcome.ACCEPTED.responseBody()).isEqualTo("{\"status\":\"accepted\"}");
        assertThat(WebhookOutcome.QUEUED.httpStatus()).isEqualTo(202);
        assertThat(WebhookOutcome.DUPLICATE.isSuccessful()).isTrue();
        assertThat(WebhookOutcome.REJECTED_SIGNATURE.responseBody()).isEqualTo("{\"error\":\"invalid_signature\"}");
        assertThat(WebhookOutcome.REJECTED_STALE.httpStatus()).isEqualTo(401);
        assertThat(WebhookOutcome.INVALID_HEADERS.httpStatus()).isEqualTo(400);
        assertThat(WebhookOutcome.MALFORMED.httpStatus()).isEqualTo(400);
        assertThat(WebhookOutcome.TOO_LARGE.httpStatus()).isEqualTo(413);
        assertThat(WebhookOutcome.IN_FLIGHT.isSuccessful()).isFalse();
        assertThat(WebhookOutcome.LISTENER_FAILED.httpStatus()).isEqualTo(500);
        assertThat(WebhookOutcome.UNAVAILABLE.httpStatus()).isEqualTo(503);
    }

    @Test
    void refusesANonPositiveMaximumSize() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookProcessor(this.verifier,
                new WebhookDeliveryParser(), this.dispatcher, DataSize.ofBytes(0), null));
    }

    private static String signed(String timestamp, byte[] body) {
        return WebhookVerifier.sign(SECRET, timestamp, body);
    }
}
