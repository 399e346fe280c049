package io.aistats.video;

import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.video.error.AiStatsApiException;
import io.aistats.video.error.AiStatsDecodingException;
import io.aistats.video.error.AuthenticationException;
import io.aistats.video.error.BadRequestException;
import io.aistats.video.error.FeatureDisabledException;
import io.aistats.video.error.GatewayValidationException;
import io.aistats.video.error.InsufficientFundsException;
import io.aistats.video.error.NotFoundException;
import io.aistats.video.error.PayloadTooLargeException;
import io.aistats.video.error.PermissionDeniedException;
import io.aistats.video.error.ServerException;
import io.aistats.video.error.VideoNotReadyException;
import io.aistats.video.model.DownloadUrlOptions;
import io.aistats.video.model.ImageReference;
import io.aistats.video.model.VideoGenerationRequest;
import io.aistats.video.model.VideoListParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gateway's real error answers (as the simulator produces them) surface as the exception a caller can act on,
 * with status, code, reason and ids.
 */
class GatewayErrorsTests {

    private static final String OTHER_WORKSPACE_KEY = "phaseo_v1_sk_otherkid1_0therW0rkspaceSecretValue";

    private static AiStatsGatewaySimulator simulator;

    private static VideoClient client;

    @BeforeAll
    static void startSimulator() {
        simulator = AiStatsGatewaySimulator.builder().manualClock()
            .otherWorkspaceKey("0c6b1f2e-3d4a-4e5b-8f60-718293a4b5c6", OTHER_WORKSPACE_KEY)
            .start();
        client = SimulatorClients.blocking(simulator);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.faults().reset();
        simulator.videoApiEnabled(true);
        simulator.workspaceVideoGate(true);
    }

    @Test
    void unknownVideo() {
        assertThatThrownBy(() -> client.getVideo("G-01KDVDGQGGQ7M3R8X2VN5T9HBC"))
            .isExactlyInstanceOf(NotFoundException.class)
            .satisfies((ex) -> {
                NotFoundException notFound = (NotFoundException) ex;
                assertThat(notFound.statusCode()).isEqualTo(404);
                assertThat(notFound.code()).isEqualTo("not_found");
                assertThat(notFound.reason()).isEqualTo("video_not_found_or_not_owned");
                assertThat(notFound.requestId()).startsWith("G-");
                assertThat(notFound.videoId()).isEqualTo("G-01KDVDGQGGQ7M3R8X2VN5T9HBC");
                assertThat(notFound.errorType()).isEqualTo("user");
                assertThat(notFound.getMessage()).contains("404", "not_found", "video_not_found_or_not_owned",
                    notFound.requestId());
            });
    }

    @Test
    void anotherWorkspacesVideoLooksUnknown() {
        String id = client.generateVideo(VideoGenerationRequest.of("Private")).id();
        VideoClient stranger = client.withSettings((settings) -> settings.apiKey(OTHER_WORKSPACE_KEY));

        assertThatThrownBy(() -> stranger.getVideo(id)).isInstanceOfSatisfying(NotFoundException.class,
            (ex) -> assertThat(ex.reason()).isEqualTo("video_not_found_or_not_owned"));
    }

    @Test
    void rejectedCredentials() {
        assertThatThrownBy(() -> withKey("phaseo_v1_sk_unknownkid_s3cretThatIsNotRegistered").listVideoModels())
            .isInstanceOfSatisfying(AuthenticationException.class, (ex) -> {
                assertThat(ex.statusCode()).isEqualTo(401);
                assertThat(ex.code()).isEqualTo("unauthorised");
                assertThat(ex.reason()).isEqualTo("key_not_found_or_revoked");
                assertThat(ex.requestId()).startsWith("G-");
                assertThat(ex.getMessage()).doesNotContain("s3cretThatIsNotRegistered");
            });
        assertThatThrownBy(() -> withKey("not-a-gateway-key").listVideoModels())
            .isInstanceOfSatisfying(AuthenticationException.class,
                (ex) -> assertThat(ex.reason()).isEqualTo("invalid_key_format"));
        assertThatThrownBy(() -> withKey(simulator.managementKey()).listVideoModels())
            .isInstanceOfSatisfying(AuthenticationException.class,
                (ex) -> assertThat(ex.reason()).isEqualTo("management_key_not_valid_for_gateway"));
    }

    @Test
    void stateConflictsCarryTheJobStatus() {
        String queued = client.generateVideo(VideoGenerationRequest.of("Not yet")).id();

        assertThatThrownBy(() -> client.getVideoContent(queued)).isInstanceOfSatisfying(VideoNotReadyException.class,
            (ex) -> {
                assertThat(ex.statusCode()).isEqualTo(409);
                assertThat(ex.code()).isEqualTo("not_ready");
                assertThat(ex.reason()).isEqualTo("video_not_ready");
                assertThat(ex.jobStatus()).isEqualTo("queued");
            });
        assertThatThrownBy(() -> client.getVideoDownloadUrl(queued, DownloadUrlOptions.defaults()))
            .isInstanceOfSatisfying(GatewayValidationException.class, (ex) -> {
                assertThat(ex.statusCode()).isEqualTo(400);
                assertThat(ex.reason()).isEqualTo("video_download_requires_completed_status");
                assertThat(ex.jobStatus()).isEqualTo("queued");
            });
        assertThatThrownBy(() -> client.deleteVideo(queued)).isInstanceOfSatisfying(GatewayValidationException.class,
            (ex) -> {
                assertThat(ex.reason()).isEqualTo("video_delete_requires_terminal_status");
                assertThat(ex.jobStatus()).isEqualTo("queued");
            });
    }

    @Test
    void unsupportedModelIsABadRequestWithTheCreateCallsId() {
        assertThatThrownBy(() -> client.generateVideo(VideoGenerationRequest.builder().model("acme/nothing-9")
                .prompt("Anything").build()))
            .isInstanceOfSatisfying(BadRequestException.class, (ex) -> {
                assertThat(ex.statusCode()).isEqualTo(400);
                assertThat(ex.code()).isEqualTo("unsupported_model_or_endpoint");
                assertThat(ex.generationId()).startsWith("G-");
                assertThat(ex.requestId()).isEqualTo(ex.generationId());
                assertThat(ex.gatewayMessage()).isNotBlank();
            });
    }

    @Test
    void oversizedCreateBodyIsPayloadTooLarge() {
        String dataUrl = "data:image/png;base64," + "A".repeat(17 * 1024 * 1024);
        VideoGenerationRequest request = VideoGenerationRequest.builder()
            .inputReference(ImageReference.ofImageUrl(dataUrl)).build();

        assertThatThrownBy(() -> client.generateVideo(request)).isInstanceOfSatisfying(PayloadTooLargeException.class,
            (ex) -> {
                assertThat(ex.statusCode()).isEqualTo(413);
                assertThat(ex.code()).isEqualTo("payload_too_large");
            });
    }

    @Test
    void billingAndGuardrailFailuresOfCreate() {
        simulator.faults().failNext(1, 402, "POST", "/v1/videos");
        assertThatThrownBy(() -> client.generateVideo(VideoGenerationRequest.of("Costly")))
            .isInstanceOfSatisfying(InsufficientFundsException.class,
                (ex) -> assertThat(ex.code()).isEqualTo("insufficient_funds"));
        simulator.faults().failNext(1, 403, "POST", "/v1/videos");
        assertThatThrownBy(() -> client.generateVideo(VideoGenerationRequest.of("Blocked")))
            .isInstanceOfSatisfying(PermissionDeniedException.class,
                (ex) -> assertThat(ex.code()).isEqualTo("guardrail_blocked"));
    }

    @Test
    void plainTextServerErrorOfCreate() {
        simulator.faults().failNext(1, 500, "POST", "/v1/videos");
        assertThatThrownBy(() -> client.generateVideo(VideoGenerationRequest.of("Boom")))
            .isInstanceOfSatisfying(ServerException.class, (ex) -> {
                assertThat(ex.statusCode()).isEqualTo(500);
                assertThat(ex.code()).isNull();
                assertThat(ex.rawBody()).isEqualTo("Internal Server Error");
                assertThat(ex.getMessage()).contains("500", "Internal Server Error");
            });
    }

    @Test
    void plainTextNotFoundOfAnUnknownPath() {
        VideoClient misconfigured = client.withSettings((settings) -> settings.baseUrl(simulator.origin() + "/v9"));

        assertThatThrownBy(misconfigured::listVideoModels).isInstanceOfSatisfying(NotFoundException.class, (ex) -> {
            assertThat(ex.code()).isNull();
            assertThat(ex.reason()).isNull();
            assertThat(ex.rawBody()).isEqualTo("404 Not Found");
        });
    }

    @Test
    void disabledVideoApi() {
        simulator.videoApiEnabled(false);
        assertThatThrownBy(() -> client.getVideo("G-1")).isInstanceOfSatisfying(FeatureDisabledException.class,
            (ex) -> {
                assertThat(ex.statusCode()).isEqualTo(501);
                assertThat(ex.reason()).isEqualTo("video_api_temporarily_disabled");
            });
        simulator.videoApiEnabled(true);

        simulator.workspaceVideoGate(false);
        assertThatThrownBy(() -> client.listVideos(VideoListParams.defaults()))
            .isInstanceOfSatisfying(FeatureDisabledException.class,
                (ex) -> assertThat(ex.reason()).isEqualTo("video_api_feature_disabled"));
    }

    @Test
    void createAnswerWithoutAnIdIsADecodingError() {
        // the gateway passes un-normalisable provider answers through; this filter strips the id from the real one
        WebClient.Builder passThrough = WebClient.builder().filter(ExchangeFilterFunction.ofResponseProcessor(
            (response) -> Mono.just(withoutId(response))));
        VideoClient stripped = VideoClient.create(ReactiveVideoClient.create(passThrough,
            SimulatorClients.settings(simulator).build()));

        assertThatThrownBy(() -> stripped.generateVideo(VideoGenerationRequest.of("No id")))
            .isInstanceOfSatisfying(AiStatsDecodingException.class, (ex) -> {
                assertThat(ex.statusCode()).isEqualTo(200);
                assertThat(ex.getMessage()).contains("no job id");
            });
    }

    @Test
    void everyApiExceptionIsAnAiStatsApiException() {
        assertThatThrownBy(() -> client.getVideo("G-NOPE")).isInstanceOf(AiStatsApiException.class);
    }

    private static ClientResponse withoutId(ClientResponse response) {
        // replacing the body releases the original one
        return response.mutate().body("{\"object\":\"video\",\"status\":\"queued\",\"provider\":\"openai\"}").build();
    }

    private static VideoClient withKey(String key) {
        return client.withSettings((settings) -> settings.apiKey(key));
    }
}
