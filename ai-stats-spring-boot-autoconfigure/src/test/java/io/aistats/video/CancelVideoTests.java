package io.aistats.video;

import io.aistats.video.error.GatewayValidationException;
import io.aistats.video.error.NotFoundException;
import io.aistats.video.error.UpstreamException;
import io.aistats.video.error.VideoCancellationUnsupportedException;
import io.aistats.video.model.VideoGenerationRequest;
import io.aistats.video.model.VideoJob;
import io.aistats.video.model.VideoStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What cancel gives once the gateway switches cancellation on (its code keeps the path, disabled by one constant):
 * the cancelled job, or the typed exception of each refusal. The live gateway's 501 is covered where the simulator
 * keeps cancellation off.
 */
class CancelVideoTests extends AbstractSimulatorClientTests {

    @BeforeAll
    static void switchCancellationOn() {
        simulator.cancellation(true);
    }

    @Test
    void aRunningJobIsCancelledAndReturned() {
        String id = create("openai/sora-2");
        simulator.jobs().progress(id, 30);

        VideoJob cancelled = client.cancelVideo(id);

        assertThat(cancelled.id()).isEqualTo(id);
        assertThat(cancelled.status()).isEqualTo(VideoStatus.CANCELLED);
        assertThat(cancelled.isTerminal()).isTrue();
        assertThat(client.getVideo(id).status()).isEqualTo(VideoStatus.CANCELLED);
    }

    @Test
    void theReactiveClientReturnsTheCancelledJobToo() {
        String id = create("openai/sora-2");

        StepVerifier.create(client.reactive().cancelVideo(id))
            .assertNext((job) -> assertThat(job.status()).isEqualTo(VideoStatus.CANCELLED))
            .expectComplete()
            .verify(Duration.ofSeconds(30));
    }

    @Test
    void aTerminalJobIsRefusedWithItsStatus() {
        String completed = create("openai/sora-2");
        simulator.jobs().complete(completed);

        assertThatThrownBy(() -> client.cancelVideo(completed))
            .isInstanceOfSatisfying(GatewayValidationException.class, (ex) -> {
                assertThat(ex.statusCode()).isEqualTo(400);
                assertThat(ex.reason()).isEqualTo("video_cancel_requires_non_terminal_status");
                assertThat(ex.jobStatus()).isEqualTo("completed");
                assertThat(ex.videoId()).isEqualTo(completed);
            });
        String cancelled = create("openai/sora-2");
        client.cancelVideo(cancelled);
        assertThatThrownBy(() -> client.cancelVideo(cancelled))
            .isInstanceOfSatisfying(GatewayValidationException.class,
                    (ex) -> assertThat(ex.jobStatus()).isEqualTo("cancelled"));
    }

    @Test
    void aProviderThatCannotCancelIsTheUnsupportedException() {
        String id = create("google/veo-3.1-lite");

        assertThatThrownBy(() -> client.cancelVideo(id))
            .isInstanceOfSatisfying(VideoCancellationUnsupportedException.class, (ex) -> {
                assertThat(ex.statusCode()).isEqualTo(501);
                assertThat(ex.reason()).isEqualTo("video_cancel_provider_not_supported");
            });
        assertThat(client.getVideo(id).isTerminal()).isFalse();
    }

    @Test
    void aProviderFailureIsAnUpstreamExceptionAndIsNotRetried() {
        String id = create("openai/sora-2");
        simulator.faults().failNext(1, 502, "POST", "/v1/videos/");

        assertThatThrownBy(() -> client.cancelVideo(id))
            .isInstanceOfSatisfying(UpstreamException.class, (ex) -> assertThat(ex.statusCode()).isEqualTo(502));

        assertThat(simulator.requestCount("POST", "/v1/videos/" + id + "/cancel")).isEqualTo(1);
        assertThat(simulator.jobs().get(id).status()).isEqualTo("queued");
    }

    @Test
    void anUnknownJobIsNotFound() {
        assertThatThrownBy(() -> client.cancelVideo("G-01KDVDGQGGQ7M3R8X2VN5T9HZZ"))
            .isInstanceOf(NotFoundException.class);
    }

    private static String create(String model) {
        return client.generateVideo(VideoGenerationRequest.builder().model(model).prompt("A lighthouse").build()).id();
    }
}
