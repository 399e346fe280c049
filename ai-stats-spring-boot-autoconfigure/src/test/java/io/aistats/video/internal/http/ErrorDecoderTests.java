package io.aistats.video.internal.http;

import io.aistats.video.error.AiStatsApiException;
import io.aistats.video.error.AuthenticationException;
import io.aistats.video.error.BadRequestException;
import io.aistats.video.error.ConflictException;
import io.aistats.video.error.FeatureDisabledException;
import io.aistats.video.error.GatewayValidationException;
import io.aistats.video.error.InsufficientFundsException;
import io.aistats.video.error.NotFoundException;
import io.aistats.video.error.NotImplementedException;
import io.aistats.video.error.PayloadTooLargeException;
import io.aistats.video.error.PermissionDeniedException;
import io.aistats.video.error.RateLimitException;
import io.aistats.video.error.ServerException;
import io.aistats.video.error.UpgradeRequiredException;
import io.aistats.video.error.UpstreamException;
import io.aistats.video.error.ValidationDetail;
import io.aistats.video.error.VideoCancellationUnsupportedException;
import io.aistats.video.error.VideoDeletedException;
import io.aistats.video.error.VideoNotReadyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error body of the gateway contract decodes to the exception a caller can act on, with its ids and codes.
 */
class ErrorDecoderTests {

    private static final String KEY = "phaseo_v1_sk_abcdef_s3cr3tValue";

    @Test
    void shapeANotFoundCarriesEveryMember() {
        AiStatsApiException ex = decode(404, """
            {"error":"not_found","reason":"video_not_found_or_not_owned","request_id":"G-01KDVDJ8W3M0F2Z6R1T9QK4B7N",
             "workspace_id":"3f0c2a9e-5b1d-4c7e-9a2f-6d8e1b4c7a90","video_id":"G-01KDVDGQGGQ7M3R8X2VN5T9HBC",
             "status_code":404,"error_type":"user","error_origin":"user","generation_id":"G-01KDVDJ8W3M0F2Z6R1T9QK4B7N"}
            """);
        assertThat(ex).isExactlyInstanceOf(NotFoundException.class);
        assertThat(ex.statusCode()).isEqualTo(404);
        assertThat(ex.code()).isEqualTo("not_found");
        assertThat(ex.reason()).isEqualTo("video_not_found_or_not_owned");
        assertThat(ex.requestId()).isEqualTo("G-01KDVDJ8W3M0F2Z6R1T9QK4B7N");
        assertThat(ex.generationId()).isEqualTo("G-01KDVDJ8W3M0F2Z6R1T9QK4B7N");
        assertThat(ex.videoId()).isEqualTo("G-01KDVDGQGGQ7M3R8X2VN5T9HBC");
        assertThat(ex.errorType()).isEqualTo("user");
        assertThat(ex.errorOrigin()).isEqualTo("user");
        assertThat(ex.jobStatus()).isNull();
        assertThat(ex.details()).isEmpty();
        assertThat(ex.body()).containsEntry("workspace_id", "3f0c2a9e-5b1d-4c7e-9a2f-6d8e1b4c7a90")
            .containsEntry("status_code", 404);
        assertThat(ex.getMessage()).contains("404", "not_found", "video_not_found_or_not_owned",
            "G-01KDVDJ8W3M0F2Z6R1T9QK4B7N", "G-01KDVDGQGGQ7M3R8X2VN5T9HBC");
    }

    @Test
    void deletedVideoIsItsOwnNotFound() {
        AiStatsApiException ex = decode(404, """
            {"error":"not_found","reason":"video_deleted","request_id":"G-1","video_id":"G-2","status_code":404,
             "error_type":"user","error_origin":"user","generation_id":"G-1"}""");
        assertThat(ex).isExactlyInstanceOf(VideoDeletedException.class).isInstanceOf(NotFoundException.class);
        assertThat(ex.reason()).isEqualTo("video_deleted");
    }

    @Test
    void unauthorised() {
        AiStatsApiException ex = decode(401, """
            {"error":"unauthorised","reason":"missing_or_invalid_authorization_header","request_id":"G-R",
             "status_code":401,"error_type":"user","error_origin":"user","generation_id":"G-R"}""");
        assertThat(ex).isExactlyInstanceOf(AuthenticationException.class);
        assertThat(ex.code()).isEqualTo("unauthorised");
        assertThat(ex.reason()).isEqualTo("missing_or_invalid_authorization_header");
        assertThat(ex.requestId()).isEqualTo("G-R");
    }

    @Test
    void cancellationDisabled() {
        AiStatsApiException ex = decode(501, """
            {"error":"not_implemented_yet","reason":"video_cancellation_disabled",
             "message":"Video cancellation is not supported by the Phaseo video API.","request_id":"G-C",
             "workspace_id":"w","video_id":"G-V","status_code":501,"error_type":"user","error_origin":"user",
             "generation_id":"G-C"}""");
        assertThat(ex).isExactlyInstanceOf(VideoCancellationUnsupportedException.class)
            .isInstanceOf(NotImplementedException.class);
        assertThat(ex.gatewayMessage()).isEqualTo("Video cancellation is not supported by the Phaseo video API.");
        assertThat(ex.videoId()).isEqualTo("G-V");
        assertThat(ex.getMessage()).contains("501", "not_implemented_yet", "video_cancellation_disabled",
            "Video cancellation is not supported", "G-C");
    }

    @Test
    void globalSwitchAndWorkspaceGateAreFeatureDisabled() {
        AiStatsApiException global = decode(501, """
            {"error":"not_implemented_yet","reason":"video_api_temporarily_disabled","message":"Video endpoints are \
            temporarily disabled while the public contract is finalized.","status_code":501,"error_type":"user",\
            "error_origin":"user"}""");
        AiStatsApiException workspace = decode(501, """
            {"error":"not_implemented_yet","reason":"video_api_feature_disabled","message":"Video API access is not \
            enabled for this workspace.","feature_gate":"gateway_video_api","status_code":501,"error_type":"user",\
            "error_origin":"user"}""");
        assertThat(global).isExactlyInstanceOf(FeatureDisabledException.class);
        assertThat(global.requestId()).isNull();
        assertThat(workspace).isExactlyInstanceOf(FeatureDisabledException.class);
        assertThat(workspace.body()).containsEntry("feature_gate", "gateway_video_api");
        assertThat(decode(501, "{\"error\":\"not_implemented_yet\",\"reason\":\"something_new\"}"))
            .isExactlyInstanceOf(NotImplementedException.class);
    }

    @Test
    void shapeBValidationErrorCarriesDetailsAndGenerationId() {
        AiStatsApiException ex = decode(400, """
            {"generation_id":"G-01KDVDJ9","status_code":400,"error":"validation_error","error_type":"user",
             "error_origin":"user","description":"Unrecognized key: \\"quality\\"",
             "details":[{"message":"Unrecognized key: \\"quality\\"","path":[],"keyword":"unrecognized_keys",
                         "params":{"keys":["quality"]}},
                        {"message":"Too big","path":["provider_params","list",2],"keyword":"too_big",
                         "params":{"maximum":4,"inclusive":null}}]}""");
        assertThat(ex).isExactlyInstanceOf(GatewayValidationException.class).isInstanceOf(BadRequestException.class);
        assertThat(ex.code()).isEqualTo("validation_error");
        assertThat(ex.reason()).isNull();
        assertThat(ex.gatewayMessage()).isEqualTo("Unrecognized key: \"quality\"");
        assertThat(ex.requestId()).isEqualTo("G-01KDVDJ9");
        assertThat(ex.generationId()).isEqualTo("G-01KDVDJ9");
        assertThat(ex.details()).hasSize(2);
        ValidationDetail first = ex.details().get(0);
        assertThat(first.keyword()).isEqualTo("unrecognized_keys");
        assertThat(first.path()).isEmpty();
        assertThat(first.dottedPath()).isEmpty();
        assertThat(first.params()).containsEntry("keys", List.of("quality"));
        ValidationDetail second = ex.details().get(1);
        assertThat(second.path()).containsExactly("provider_params", "list", 2);
        assertThat(second.dottedPath()).isEqualTo("provider_params.list.2");
        assertThat(second.params()).containsEntry("inclusive", null);
    }

    @Test
    void shapeBOtherCreateErrors() {
        assertThat(decode(400, "{\"generation_id\":\"G-J\",\"status_code\":400,\"error\":\"invalid_json\","
            + "\"error_type\":\"user\",\"error_origin\":\"user\",\"description\":\"invalid_json\"}"))
            .isExactlyInstanceOf(BadRequestException.class)
            .satisfies((ex) -> assertThat(ex.code()).isEqualTo("invalid_json"));
        assertThat(decode(413, "{\"generation_id\":\"G-P\",\"status_code\":413,\"error\":\"payload_too_large\","
            + "\"error_type\":\"user\",\"error_origin\":\"user\",\"description\":\"payload_too_large\"}"))
            .isExactlyInstanceOf(PayloadTooLargeException.class);
        assertThat(decode(402, "{\"generation_id\":\"G-F\",\"status_code\":402,\"error\":\"insufficient_funds\","
            + "\"error_type\":\"user\",\"error_origin\":\"user\",\"description\":\"Insufficient funds\"}"))
            .isExactlyInstanceOf(InsufficientFundsException.class)
            .satisfies((ex) -> assertThat(ex.requestId()).isEqualTo("G-F"));
        assertThat(decode(429, "{\"generation_id\":\"G-L\",\"status_code\":429,\"error\":\"key_limit_exceeded\","
            + "\"error_type\":\"user\",\"error_origin\":\"user\",\"description\":\"Key limit exceeded\"}"))
            .isExactlyInstanceOf(RateLimitException.class)
            .satisfies((ex) -> assertThat(ex.code()).isEqualTo("key_limit_exceeded"));
        assertThat(decode(403, "{\"generation_id\":\"G-G\",\"status_code\":403,\"error\":\"guardrail_blocked\","
            + "\"error_type\":\"user\",\"error_origin\":\"user\",\"description\":\"Blocked\"}"))
            .isExactlyInstanceOf(PermissionDeniedException.class);
        assertThat(decode(400, "{\"generation_id\":\"G-U\",\"status_code\":400,\"error\":"
            + "\"unsupported_model_or_endpoint\",\"reason\":\"unsupported_model_or_endpoint\","
            + "\"description\":\"See the model list\",\"error_type\":\"user\",\"error_origin\":\"user\"}"))
            .isExactlyInstanceOf(BadRequestException.class)
            .satisfies((ex) -> assertThat(ex.reason()).isEqualTo("unsupported_model_or_endpoint"));
    }

    @Test
    void stateConflictsCarryTheJobStatus() {
        AiStatsApiException download = decode(400, """
            {"error":"validation_error","reason":"video_download_requires_completed_status","status":"processing",
             "request_id":"G-D","video_id":"G-V","status_code":400,"error_type":"user","error_origin":"user",
             "generation_id":"G-D"}""");
        assertThat(download).isExactlyInstanceOf(GatewayValidationException.class);
        assertThat(download.jobStatus()).isEqualTo("processing");
        assertThat(download.getMessage()).contains("processing");

        AiStatsApiException notReady = decode(409, """
            {"error":"not_ready","reason":"video_not_ready","status":"queued","request_id":"G-N","video_id":"G-V",
             "status_code":409,"error_type":"user","error_origin":"user","generation_id":"G-N"}""");
        assertThat(notReady).isExactlyInstanceOf(VideoNotReadyException.class).isInstanceOf(ConflictException.class);
        assertThat(notReady.reason()).isEqualTo("video_not_ready");
        assertThat(notReady.jobStatus()).isEqualTo("queued");
        assertThat(decode(409, "conflict")).isExactlyInstanceOf(ConflictException.class);
    }

    @Test
    void upstreamFailures() {
        AiStatsApiException failed = decode(502, """
            {"error":"upstream_error","reason":"video_generation_failed","request_id":"G-U","video_id":"G-V",
             "status_code":502,"error_type":"system","error_origin":"upstream","generation_id":"G-U",
             "provider_failure_diagnostics":{"category":"generation","hint":"h","provider":"openai"}}""");
        assertThat(failed).isExactlyInstanceOf(UpstreamException.class).isInstanceOf(ServerException.class);
        assertThat(failed.errorType()).isEqualTo("system");
        assertThat(failed.errorOrigin()).isEqualTo("upstream");
        assertThat(failed.body()).containsKey("provider_failure_diagnostics");
        assertThat(decode(503, "{\"error\":\"upstream_error\",\"reason\":\"video_provider_timeout\"}"))
            .isExactlyInstanceOf(ServerException.class);
        assertThat(decode(502, "<html>Bad Gateway</html>")).isExactlyInstanceOf(ServerException.class);
        assertThat(decode(500, "{\"error\":\"gateway_error\",\"reason\":\"video_download_signing_not_configured\"}"))
            .isExactlyInstanceOf(ServerException.class)
            .satisfies((ex) -> assertThat(ex.code()).isEqualTo("gateway_error"));
    }

    @Test
    void shapeCObjectErrors() {
        AiStatsApiException upgrade = decode(426,
            "{\"error\":{\"code\":\"websocket_upgrade_required\",\"message\":\"Use WebSocket upgrade for async job "
                + "updates.\"}}");
        assertThat(upgrade).isExactlyInstanceOf(UpgradeRequiredException.class);
        assertThat(upgrade.code()).isEqualTo("websocket_upgrade_required");
        assertThat(upgrade.gatewayMessage()).isEqualTo("Use WebSocket upgrade for async job updates.");

        AiStatsApiException validation = decode(400, """
            {"error":{"type":"validation_error","message":"url must use https",
             "details":[{"message":"url must use https","path":["url"],"keyword":"custom","params":{}}]}}""");
        assertThat(validation).isExactlyInstanceOf(GatewayValidationException.class);
        assertThat(validation.gatewayMessage()).isEqualTo("url must use https");
        assertThat(validation.details()).singleElement()
            .satisfies((detail) -> assertThat(detail.path()).containsExactly("url"));

        AiStatsApiException notFound = decode(404,
            "{\"error\":{\"type\":\"not_found\",\"message\":\"Webhook endpoint not found.\"}}");
        assertThat(notFound).isExactlyInstanceOf(NotFoundException.class);
        assertThat(notFound.code()).isEqualTo("not_found");

        AiStatsApiException scope = decode(403,
            "{\"error\":\"insufficient_scope\",\"message\":\"Token requires settings:read\"}");
        assertThat(scope).isExactlyInstanceOf(PermissionDeniedException.class);
        assertThat(scope.code()).isEqualTo("insufficient_scope");
        assertThat(scope.gatewayMessage()).isEqualTo("Token requires settings:read");
    }

    @Test
    void plainTextAndEmptyBodies() {
        AiStatsApiException serverError = decode(500, "Internal Server Error");
        assertThat(serverError).isExactlyInstanceOf(ServerException.class);
        assertThat(serverError.code()).isNull();
        assertThat(serverError.rawBody()).isEqualTo("Internal Server Error");
        assertThat(serverError.body()).isEmpty();
        assertThat(serverError.getMessage()).contains("500", "Internal Server Error");

        AiStatsApiException unknownPath = decode(404, "404 Not Found");
        assertThat(unknownPath).isExactlyInstanceOf(NotFoundException.class);
        assertThat(unknownPath.reason()).isNull();
        assertThat(unknownPath.getMessage()).contains("404 Not Found");

        AiStatsApiException empty = decode(503, "");
        assertThat(empty).isExactlyInstanceOf(ServerException.class);
        assertThat(empty.rawBody()).isEmpty();
        assertThat(empty.getMessage()).isEqualTo("Gateway answered HTTP 503");
    }

    @Test
    void malformedBodiesNeverFailDecoding() {
        assertThat(decode(400, "{\"error\": \"validation_err")).isExactlyInstanceOf(BadRequestException.class)
            .satisfies((ex) -> assertThat(ex.rawBody()).isEqualTo("{\"error\": \"validation_err"));
        assertThat(decode(400, "[1,2,3]")).isExactlyInstanceOf(BadRequestException.class)
            .satisfies((ex) -> assertThat(ex.body()).isEmpty());
        assertThat(decode(400, "{\"error\":42,\"reason\":{\"nested\":true},\"details\":\"not a list\"}"))
            .satisfies((ex) -> {
                assertThat(ex.code()).isEqualTo("42");
                assertThat(ex.reason()).isNull();
                assertThat(ex.details()).isEmpty();
            });
    }

    @ParameterizedTest
    @CsvSource({ "408", "418", "422", "302" })
    void otherStatusesAreGenericApiErrors(int status) {
        AiStatsApiException ex = decode(status, "{\"error\":\"whatever\"}");
        assertThat(ex).isExactlyInstanceOf(AiStatsApiException.class);
        assertThat(ex.statusCode()).isEqualTo(status);
    }

    @ParameterizedTest
    @CsvSource({ "500", "503", "504", "599" })
    void fiveHundredsAreServerErrors(int status) {
        assertThat(decode(status, "{\"error\":\"gateway_error\"}")).isExactlyInstanceOf(ServerException.class);
    }

    @Test
    void keyEchoedByAnUpstreamPreviewIsRedacted() {
        AiStatsApiException ex = decode(502, "{\"error\":\"upstream_error\",\"reason\":\"video_provider_upstream_error\","
            + "\"message\":\"Bearer " + KEY + " rejected\",\"upstream_body_preview\":\"auth " + KEY + "\"}");
        assertThat(ex.getMessage()).doesNotContain(KEY).contains("******");
        assertThat(ex.rawBody()).doesNotContain(KEY);
        assertThat(ex.body().toString()).doesNotContain(KEY);
        assertThat(ex.toString()).doesNotContain(KEY);
        assertThat(ex.error().toString()).doesNotContain(KEY);
    }

    @Test
    void rawBodyIsBounded() {
        String huge = "x".repeat(100_000);
        AiStatsApiException ex = decode(500, huge);
        assertThat(ex.rawBody()).hasSize(ErrorDecoder.MAX_RAW_BODY_CHARS);
        assertThat(ex.getMessage()).hasSizeLessThan(300);
    }

    @Test
    void bodyMapIsUnmodifiable() {
        Map<String, Object> body = decode(404, "{\"error\":\"not_found\"}").body();
        assertThat(body).containsOnlyKeys("error");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> body.put("x", "y"))
            .isInstanceOf(UnsupportedOperationException.class);
    }

    private static AiStatsApiException decode(int status, String body) {
        return ErrorDecoder.decode(status, body.getBytes(StandardCharsets.UTF_8), KEY);
    }
}
