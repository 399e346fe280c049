package io.aistats.test;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A route-level error body of shape A (§2.1), built member by member in the gateway's order:
 * {@code error, reason, message, request_id, workspace_id, video_id, status, <extras>, status_code, error_type,
 * error_origin, generation_id}. {@code error_type}/{@code error_origin} follow from the code and
 * {@code generation_id} copies a string {@code request_id}.
 */
final class GatewayError {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final int httpStatus;

    private final String code;

    private final @Nullable String reason;

    private @Nullable String message;

    private boolean hasRequestId;

    private @Nullable String requestId;

    private boolean hasWorkspaceId;

    private @Nullable String workspaceId;

    private @Nullable String videoId;

    private @Nullable String status;

    private final Map<String, JsonNode> extras = new LinkedHashMap<>();

    private GatewayError(int httpStatus, String code, @Nullable String reason) {
        this.httpStatus = httpStatus;
        this.code = code;
        this.reason = reason;
    }

    /**
     * @param httpStatus the HTTP status (also {@code status_code})
     * @param code the {@code error} code
     * @param reason the {@code reason}, or {@code null} to leave it out
     * @return a new error
     */
    static GatewayError of(int httpStatus, String code, @Nullable String reason) {
        return new GatewayError(httpStatus, code, reason);
    }

    /** 401 {@code unauthorised} with the given reason and a fresh request id. */
    static GatewayError unauthorised(String reason, String requestId) {
        return of(401, "unauthorised", reason).requestId(requestId);
    }

    /** 501 of the global switch (§2.1, exact). */
    static GatewayError videoApiDisabled() {
        return of(501, "not_implemented_yet", "video_api_temporarily_disabled")
                .message("Video endpoints are temporarily disabled while the public contract is finalized.");
    }

    /** 501 of the per-workspace gate (§2.1, exact). */
    static GatewayError videoFeatureDisabled() {
        return of(501, "not_implemented_yet", "video_api_feature_disabled")
                .message("Video API access is not enabled for this workspace.")
                .extra("feature_gate", "gateway_video_api");
    }

    /** @return {@code this} with a {@code message} */
    GatewayError message(String message) {
        this.message = message;
        return this;
    }

    /** @return {@code this} with {@code request_id} (and {@code generation_id} when not null) */
    GatewayError requestId(@Nullable String requestId) {
        this.hasRequestId = true;
        this.requestId = requestId;
        return this;
    }

    /** @return {@code this} with {@code workspace_id} */
    GatewayError workspaceId(@Nullable String workspaceId) {
        this.hasWorkspaceId = true;
        this.workspaceId = workspaceId;
        return this;
    }

    /** @return {@code this} with {@code video_id} */
    GatewayError videoId(String videoId) {
        this.videoId = videoId;
        return this;
    }

    /** @return {@code this} with the job's public {@code status} */
    GatewayError status(String status) {
        this.status = status;
        return this;
    }

    /** @return {@code this} with a route-specific member */
    GatewayError extra(String name, @Nullable Object value) {
        this.extras.put(name, toNode(value));
        return this;
    }

    /** @return the HTTP status */
    int httpStatus() {
        return this.httpStatus;
    }

    /** @return the body */
    ObjectNode toJson() {
        ObjectNode body = NODES.objectNode();
        body.put("error", this.code);
        if (this.reason != null) {
            body.put("reason", this.reason);
        }
        if (this.message != null) {
            body.put("message", this.message);
        }
        if (this.hasRequestId) {
            body.put("request_id", this.requestId);
        }
        if (this.hasWorkspaceId) {
            body.put("workspace_id", this.workspaceId);
        }
        if (this.videoId != null) {
            body.put("video_id", this.videoId);
        }
        if (this.status != null) {
            body.put("status", this.status);
        }
        this.extras.forEach(body::set);
        body.put("status_code", this.httpStatus);
        body.put("error_type", errorType(this.code));
        body.put("error_origin", errorOrigin(this.code));
        if (this.requestId != null) {
            body.put("generation_id", this.requestId);
        }
        return body;
    }

    /** @return {@code system} for {@code upstream_error} and {@code gateway_error}, else {@code user} */
    static String errorType(String code) {
        return "upstream_error".equals(code) || "gateway_error".equals(code) ? "system" : "user";
    }

    /** @return {@code upstream}, {@code gateway} or {@code user} after the code */
    static String errorOrigin(String code) {
        return switch (code) {
            case "upstream_error" -> "upstream";
            case "gateway_error" -> "gateway";
            default -> "user";
        };
    }

    static JsonNode toNode(@Nullable Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String text) {
            return NODES.stringNode(text);
        }
        if (value instanceof Integer number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Boolean flag) {
            return NODES.booleanNode(flag);
        }
        throw new IllegalArgumentException("Unsupported error member value: " + value.getClass());
    }
}
