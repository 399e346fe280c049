package io.aistats.sample;

import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link JobEventBroadcaster}: the subscriptions end when the application stops, so that the web server's
 * graceful shutdown does not wait for open streams.
 */
class JobEventBroadcasterTests {

    @Test
    void completesEverySubscriptionWhenTheApplicationStops() {
        JobEventBroadcaster broadcaster = new JobEventBroadcaster(new SampleProperties());
        SseEmitter first = broadcaster.subscribe();
        SseEmitter second = broadcaster.subscribe();
        assertThat(broadcaster.subscribers()).isEqualTo(2);

        broadcaster.completeAll();

        assertThat(broadcaster.subscribers()).isZero();
        for (SseEmitter emitter : new SseEmitter[] { first, second }) {
            assertThatIllegalStateException().isThrownBy(() -> emitter.send("late")).withMessageContaining("complete");
        }
    }
}
