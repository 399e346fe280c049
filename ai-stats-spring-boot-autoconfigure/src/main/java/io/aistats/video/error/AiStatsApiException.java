package io.aistats.video.error;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/**
 * The gateway answered with an HTTP error. Subclasses name the failures a caller can act on; branch on the type
 * first, then on {@link #code()} and {@link #reason()}, never on the message text.
 */
public class AiStatsApiException extends AiStatsException {

    private final ApiError error;

    /**
     * @param error what the gateway said
     */
    public AiStatsApiException(ApiError error) {
        super(describe(error));
        this.error = error;
    }

    /** @return everything the gateway said, as read from the response */
    public ApiError error() {
        return this.error;
    }

    /** @return the HTTP status */
    public int statusCode() {
        return this.error.statusCode();
    }

    /** @return the gateway's error code, for example {@code not_found}, or {@code null} when none was sent */
    public @Nullable String code() {
        return this.error.code();
    }

    /** @return the machine-readable sub-reason, for example {@code video_deleted}, or {@code null} */
    public @Nullable String reason() {
        return this.error.reason();
    }

    /** @return the gateway's human-readable text ({@code message} or {@code description}), or {@code null} */
    public @Nullable String gatewayMessage() {
        return this.error.message();
    }

    /** @return the id of the failing call ({@code request_id}, else {@code generation_id}), or {@code null} */
    public @Nullable String requestId() {
        return this.error.requestId();
    }

    /** @return the {@code generation_id} member, or {@code null} */
    public @Nullable String generationId() {
        return this.error.generationId();
    }

    /** @return the video the error is about, or {@code null} */
    public @Nullable String videoId() {
        return this.error.videoId();
    }

    /** @return the job's public status on state conflicts, or {@code null} */
    public @Nullable String jobStatus() {
        return this.error.jobStatus();
    }

    /** @return {@code user} or {@code system}, or {@code null} */
    public @Nullable String errorType() {
        return this.error.errorType();
    }

    /** @return {@code user}, {@code gateway} or {@code upstream}, or {@code null} */
    public @Nullable String errorOrigin() {
        return this.error.errorOrigin();
    }

    /** @return the validation issues of a {@code validation_error}; empty otherwise */
    public List<ValidationDetail> details() {
        return this.error.details();
    }

    /** @return the JSON body as maps, lists and scalars (bounded); empty when it was not a JSON object */
    public Map<String, Object> body() {
        return this.error.body();
    }

    /** @return the body as text, cut to a bounded length */
    public String rawBody() {
        return this.error.rawBody();
    }

    private static String describe(ApiError error) {
        StringBuilder text = new StringBuilder("Gateway answered HTTP ").append(error.statusCode());
        if (error.code() != null) {
            text.append(' ').append(error.code());
        }
        if (error.reason() != null) {
            text.append(" (reason ").append(error.reason()).append(')');
        }
        if (error.message() != null) {
            text.append(": ").append(error.message());
        }
        else if (error.code() == null && !error.rawBody().isBlank()) {
            text.append(": ").append(abbreviate(error.rawBody().strip(), 200));
        }
        if (error.jobStatus() != null) {
            text.append(" [job status ").append(error.jobStatus()).append(']');
        }
        if (error.videoId() != null) {
            text.append(" [video_id ").append(error.videoId()).append(']');
        }
        if (error.requestId() != null) {
            text.append(" [request_id ").append(error.requestId()).append(']');
        }
        return text.toString();
    }

    private static String abbreviate(String text, int max) {
        return (text.length() <= max) ? text : text.substring(0, max) + "...";
    }
}
