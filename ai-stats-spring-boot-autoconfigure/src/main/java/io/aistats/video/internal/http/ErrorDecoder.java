package io.aistats.video.internal.http;

import io.aistats.video.error.AiStatsApiException;
import io.aistats.video.error.ApiError;
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
import io.aistats.video.internal.json.GatewayJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns any non-success response into the matching {@link AiStatsApiException}: the gateway's JSON envelopes (a
 * string {@code error} code, or an {@code error} object with {@code type}/{@code code}), plain-text bodies such as
 * {@code 404 Not Found}, empty bodies and anything else. Decoding never fails: what cannot be read is kept as text.
 */
public final class ErrorDecoder {

    /** Longest body kept as text; error bodies are small, anything beyond is noise. */
    static final int MAX_RAW_BODY_CHARS = 8 * 1024;

    private static final String REDACTED = "******";

    private static final TypeReference<Map<String, Object>> MAP_TYPE = new TypeReference<>() {
    };

    private ErrorDecoder() {
    }

    /**
     * Decodes an error response.
     * @param statusCode the HTTP status
     * @param body the body as received (possibly cut by the caller), empty when there was none
     * @param secret a value that must never be echoed (the API key), or {@code null}
     * @return the exception to signal
     */
    public static AiStatsApiException decode(int statusCode, byte[] body, @Nullable String secret) {
        String text = redact(new String(body, StandardCharsets.UTF_8), secret);
        ApiError.Builder error = ApiError.builder(statusCode)
            .rawBody(text.length() > MAX_RAW_BODY_CHARS ? text.substring(0, MAX_RAW_BODY_CHARS) : text);
        JsonNode root = parseObject(text);
        if (root != null) {
            readEnvelope(root, error);
        }
        return toException(error.build());
    }

    private static @Nullable JsonNode parseObject(String text) {
        String trimmed = text.strip();
        if (!trimmed.startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = GatewayJson.mapper().readTree(trimmed);
            return (node != null && node.isObject()) ? node : null;
        }
        catch (JacksonException ex) {
            return null;
        }
    }

    private static void readEnvelope(JsonNode root, ApiError.Builder error) {
        JsonNode errorMember = root.path("error");
        String message = firstText(root, "message", "description");
        JsonNode details = root.path("details");
        String reason = text(root, "reason");
        if (errorMember.isObject()) {
            // shape C: {"error": {"type"|"code": ..., "message": ..., "details": ...}}
            error.code(firstText(errorMember, "type", "code"));
            if (message == null) {
                message = firstText(errorMember, "message", "description");
            }
            if (!details.isArray()) {
                details = errorMember.path("details");
            }
            if (reason == null) {
                reason = text(errorMember, "reason");
            }
        }
        else {
            error.code(text(root, "error"));
        }
        String generationId = text(root, "generation_id");
        String requestId = firstText(root, "request_id", "requestId");
        error.reason(reason)
            .message(message)
            .generationId(generationId)
            .requestId(requestId != null ? requestId : generationId)
            .videoId(text(root, "video_id"))
            .jobStatus(text(root, "status"))
            .errorType(text(root, "error_type"))
            .errorOrigin(text(root, "error_origin"))
            .details(readDetails(details))
            .body(toMap(root));
    }

    private static List<ValidationDetail> readDetails(JsonNode details) {
        if (!details.isArray()) {
            return List.of();
        }
        List<ValidationDetail> result = new ArrayList<>();
        for (JsonNode item : details) {
            if (!item.isObject()) {
                continue;
            }
            List<Object> path = new ArrayList<>();
            for (JsonNode segment : item.path("path")) {
                path.add(segment.isNumber() ? (Object) segment.intValue() : segment.asString());
            }
            Map<String, Object> params = item.path("params").isObject() ? toMap(item.path("params")) : Map.of();
            result.add(new ValidationDetail(text(item, "message"), path, text(item, "keyword"), params));
        }
        return result;
    }

    private static Map<String, Object> toMap(JsonNode node) {
        try {
            Map<String, Object> map = GatewayJson.mapper().convertValue(node, MAP_TYPE);
            return (map != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(map)) : Map.of();
        }
        catch (IllegalArgumentException | JacksonException ex) {
            return Map.of();
        }
    }

    private static @Nullable String firstText(JsonNode node, String... names) {
        for (String name : names) {
            String value = text(node, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static @Nullable String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || value.isContainer()) {
            return null;
        }
        String text = value.asString();
        return text.isEmpty() ? null : text;
    }

    private static String redact(String text, @Nullable String secret) {
        // the gateway never echoes credentials, but provider previews inside error bodies are not under its control
        if (secret == null || secret.length() < 4 || !text.contains(secret)) {
            return text;
        }
        return text.replace(secret, REDACTED);
    }

    private static AiStatsApiException toException(ApiError error) {
        String code = error.code();
        String reason = error.reason();
        int status = error.statusCode();
        switch (status) {
            case 400:
                return "validation_error".equals(code) ? new GatewayValidationException(error)
                    : new BadRequestException(error);
            case 401:
                return new AuthenticationException(error);
            case 402:
                return new InsufficientFundsException(error);
            case 403:
                return new PermissionDeniedException(error);
            case 404:
                return "video_deleted".equals(reason) ? new VideoDeletedException(error) : new NotFoundException(error);
            case 409:
                return "not_ready".equals(code) ? new VideoNotReadyException(error) : new ConflictException(error);
            case 413:
                return new PayloadTooLargeException(error);
            case 426:
                return new UpgradeRequiredException(error);
            case 429:
                return new RateLimitException(error);
            case 501:
                if ("video_cancellation_disabled".equals(reason)
                        || "video_cancel_provider_not_supported".equals(reason)) {
                    return new VideoCancellationUnsupportedException(error);
                }
                if (reason != null && reason.startsWith("video_api_")) {
                    return new FeatureDisabledException(error);
                }
                return new NotImplementedException(error);
            case 502:
                return "upstream_error".equals(code) ? new UpstreamException(error) : new ServerException(error);
            default:
                return (status >= 500 && status <= 599) ? new ServerException(error) : new AiStatsApiException(error);
        }
    }
}
