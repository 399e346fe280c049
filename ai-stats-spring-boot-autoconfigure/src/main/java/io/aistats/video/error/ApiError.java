package io.aistats.video.error;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the gateway said in an error response, read leniently from any of its envelope shapes (a string
 * {@code error} code, or an {@code error} object with {@code type}/{@code code}, or a body that is not JSON).
 * <p>
 * The body is kept bounded: large bodies are cut, and nothing of the request (in particular its
 * {@code Authorization} header) is ever part of it.
 */
public final class ApiError {

    private final int statusCode;
    private final @Nullable String code;
    private final @Nullable String reason;
    private final @Nullable String message;
    private final @Nullable String requestId;
    private final @Nullable String generationId;
    private final @Nullable String videoId;
    private final @Nullable String jobStatus;
    private final @Nullable String errorType;
    private final @Nullable String errorOrigin;
    private final List<ValidationDetail> details;
    private final Map<String, Object> body;
    private final String rawBody;

    private ApiError(Builder builder) {
        this.statusCode = builder.statusCode;
        this.code = builder.code;
        this.reason = builder.reason;
        this.message = builder.message;
        this.requestId = builder.requestId;
        this.generationId = builder.generationId;
        this.videoId = builder.videoId;
        this.jobStatus = builder.jobStatus;
        this.errorType = builder.errorType;
        this.errorOrigin = builder.errorOrigin;
        this.details = List.copyOf(builder.details);
        this.body = builder.body;
        this.rawBody = builder.rawBody;
    }

    /**
     * Starts an error description for an HTTP status.
     * @param statusCode the HTTP status of the response
     * @return a new builder
     */
    public static Builder builder(int statusCode) {
        return new Builder(statusCode);
    }

    /** @return the HTTP status of the response */
    public int statusCode() {
        return this.statusCode;
    }

    /**
     * @return the gateway's error code ({@code error} as a string, or {@code error.type}/{@code error.code} of the
     * object form), for example {@code not_found}; {@code null} when the body carried none
     */
    public @Nullable String code() {
        return this.code;
    }

    /** @return the machine-readable sub-reason, for example {@code video_deleted}; often absent on create errors */
    public @Nullable String reason() {
        return this.reason;
    }

    /** @return the human-readable text ({@code message}, else {@code description}); do not branch on it */
    public @Nullable String message() {
        return this.message;
    }

    /** @return the id of the failing call ({@code request_id}, else {@code generation_id}) */
    public @Nullable String requestId() {
        return this.requestId;
    }

    /** @return the {@code generation_id} member (on create errors the only id of the failing call) */
    public @Nullable String generationId() {
        return this.generationId;
    }

    /** @return the video the error is about, when the gateway named one */
    public @Nullable String videoId() {
        return this.videoId;
    }

    /** @return the job's public status on state conflicts (the {@code status} member), for example {@code queued} */
    public @Nullable String jobStatus() {
        return this.jobStatus;
    }

    /** @return {@code user} or {@code system}, when present */
    public @Nullable String errorType() {
        return this.errorType;
    }

    /** @return {@code user}, {@code gateway} or {@code upstream}, when present */
    public @Nullable String errorOrigin() {
        return this.errorOrigin;
    }

    /** @return the validation issues of a {@code validation_error}; empty otherwise */
    public List<ValidationDetail> details() {
        return this.details;
    }

    /** @return the JSON object of the body as plain maps, lists and scalars; empty when the body was not an object */
    public Map<String, Object> body() {
        return this.body;
    }

    /** @return the body as text, cut to a bounded length; empty when there was none */
    public String rawBody() {
        return this.rawBody;
    }

    @Override
    public String toString() {
        return "ApiError{statusCode=" + this.statusCode + ", code=" + this.code + ", reason=" + this.reason
            + ", message=" + this.message + ", requestId=" + this.requestId + ", videoId=" + this.videoId
            + ", jobStatus=" + this.jobStatus + "}";
    }

    /**
     * Builder of {@link ApiError}.
     */
    public static final class Builder {

        private final int statusCode;
        private @Nullable String code;
        private @Nullable String reason;
        private @Nullable String message;
        private @Nullable String requestId;
        private @Nullable String generationId;
        private @Nullable String videoId;
        private @Nullable String jobStatus;
        private @Nullable String errorType;
        private @Nullable String errorOrigin;
        private List<ValidationDetail> details = List.of();
        private Map<String, Object> body = Map.of();
        private String rawBody = "";

        private Builder(int statusCode) {
            this.statusCode = statusCode;
        }

        /** @param code the gateway's error code @return this builder */
        public Builder code(@Nullable String code) {
            this.code = code;
            return this;
        }

        /** @param reason the sub-reason @return this builder */
        public Builder reason(@Nullable String reason) {
            this.reason = reason;
            return this;
        }

        /** @param message the human-readable text @return this builder */
        public Builder message(@Nullable String message) {
            this.message = message;
            return this;
        }

        /** @param requestId the id of the failing call @return this builder */
        public Builder requestId(@Nullable String requestId) {
            this.requestId = requestId;
            return this;
        }

        /** @param generationId the {@code generation_id} member @return this builder */
        public Builder generationId(@Nullable String generationId) {
            this.generationId = generationId;
            return this;
        }

        /** @param videoId the video concerned @return this builder */
        public Builder videoId(@Nullable String videoId) {
            this.videoId = videoId;
            return this;
        }

        /** @param jobStatus the job's public status on a state conflict @return this builder */
        public Builder jobStatus(@Nullable String jobStatus) {
            this.jobStatus = jobStatus;
            return this;
        }

        /** @param errorType {@code user} or {@code system} @return this builder */
        public Builder errorType(@Nullable String errorType) {
            this.errorType = errorType;
            return this;
        }

        /** @param errorOrigin {@code user}, {@code gateway} or {@code upstream} @return this builder */
        public Builder errorOrigin(@Nullable String errorOrigin) {
            this.errorOrigin = errorOrigin;
            return this;
        }

        /** @param details the validation issues @return this builder */
        public Builder details(List<ValidationDetail> details) {
            this.details = Objects.requireNonNull(details, "details must not be null");
            return this;
        }

        /** @param body the JSON object of the body, already bounded and unmodifiable @return this builder */
        public Builder body(Map<String, Object> body) {
            this.body = Objects.requireNonNull(body, "body must not be null");
            return this;
        }

        /** @param rawBody the body as text, already bounded @return this builder */
        public Builder rawBody(String rawBody) {
            this.rawBody = Objects.requireNonNull(rawBody, "rawBody must not be null");
            return this;
        }

        /** @return the error description */
        public ApiError build() {
            return new ApiError(this);
        }
    }
}
