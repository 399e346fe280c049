package io.aistats.test;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A pipeline error body of {@code POST /v1/videos}, shape B (§2.2): only {@code generation_id, status_code, error,
 * error_type, error_origin, description}, {@code details} for validation errors and {@code reason} for
 * {@code unsupported_model_or_endpoint} and provider failures survive.
 */
final class CreateError {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final int httpStatus;

    private final String code;

    private final String description;

    private final String errorOrigin;

    private @Nullable List<ValidationIssue> details;

    private @Nullable String reason;

    private CreateError(int httpStatus, String code, String description, String errorOrigin) {
        this.httpStatus = httpStatus;
        this.code = code;
        this.description = description;
        this.errorOrigin = errorOrigin;
    }

    /**
     * A validation error whose description is the first issue's message, followed by {@code  at <dotted path>}
     * when the path is not empty.
     * @param issues the issues, at least one
     * @return the error
     */
    static CreateError validation(List<ValidationIssue> issues) {
        ValidationIssue first = issues.get(0);
        String description = first.path().isEmpty() ? first.message() : first.message() + " at " + first.dottedPath();
        CreateError error = new CreateError(400, "validation_error", description, "user");
        error.details = List.copyOf(issues);
        return error;
    }

    /**
     * A user error without details (e.g. {@code invalid_json}, an inactive webhook endpoint).
     * @param httpStatus HTTP status
     * @param code error code
     * @param description human text
     * @return the error
     */
    static CreateError user(int httpStatus, String code, String description) {
        return new CreateError(httpStatus, code, description, "user");
    }

    /**
     * An error attributed to the provider or the gateway, with a {@code reason}.
     * @param httpStatus HTTP status
     * @param code error code
     * @param reason reason
     * @param description human text
     * @return the error
     */
    static CreateError system(int httpStatus, String code, String reason, String description) {
        CreateError error = new CreateError(httpStatus, code, description, GatewayError.errorOrigin(code));
        error.reason = reason;
        return error;
    }

    /** @return {@code this} with a {@code reason} */
    CreateError reason(String reason) {
        this.reason = reason;
        return this;
    }

    /** @return the HTTP status */
    int httpStatus() {
        return this.httpStatus;
    }

    /** @return value of the {@code X-Gateway-Error-Attribution} header */
    String attribution() {
        return "upstream".equals(this.errorOrigin) ? "upstream" : "user";
    }

    /** @return value of the {@code X-Gateway-Error-Origin} header */
    String origin() {
        return this.errorOrigin;
    }

    /**
     * @param generationId the id of the failing create call
     * @return the body
     */
    ObjectNode toJson(String generationId) {
        ObjectNode body = NODES.objectNode();
        body.put("generation_id", generationId);
        body.put("status_code", this.httpStatus);
        body.put("error", this.code);
        body.put("error_type", GatewayError.errorType(this.code));
        body.put("error_origin", this.errorOrigin);
        body.put("description", this.description);
        if (this.reason != null) {
            body.put("reason", this.reason);
        }
        if (this.details != null) {
            ArrayNode details = body.putArray("details");
            for (ValidationIssue issue : this.details) {
                details.add(issue.toJson());
            }
        }
        return body;
    }
}
