package io.aistats.video;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A completed job's video as the gateway streams it: the response headers, with the body still on the wire.
 * <p>
 * The body can be subscribed to once. Subscribe to it (and release each buffer, for example with
 * {@code DataBufferUtils.write(...)}) or cancel it, or the connection stays open. The gateway never serves ranges:
 * the body is always the whole file.
 */
public final class ReactiveVideoContent {

    /** Content type assumed when the gateway sends none. */
    public static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    private final String videoId;
    private final String contentType;
    private final OptionalLong contentLength;
    private final @Nullable String contentDisposition;
    private final Flux<DataBuffer> body;

    /**
     * @param videoId the video the content belongs to
     * @param contentType the {@code Content-Type} header, or {@code null} when absent
     * @param contentLength the {@code Content-Length}, empty when the body is streamed without one
     * @param contentDisposition the {@code Content-Disposition} header (signed links only), or {@code null}
     * @param body the body buffers
     */
    public ReactiveVideoContent(String videoId, @Nullable String contentType, OptionalLong contentLength,
            @Nullable String contentDisposition, Flux<DataBuffer> body) {
        this.videoId = Objects.requireNonNull(videoId, "videoId must not be null");
        this.contentType = (contentType == null || contentType.isBlank()) ? DEFAULT_CONTENT_TYPE : contentType;
        this.contentLength = Objects.requireNonNull(contentLength, "contentLength must not be null");
        this.contentDisposition = contentDisposition;
        this.body = Objects.requireNonNull(body, "body must not be null");
    }

    /** @return the video the content belongs to */
    public String videoId() {
        return this.videoId;
    }

    /** @return the media type, normally {@code video/mp4}; {@link #DEFAULT_CONTENT_TYPE} when none was sent */
    public String contentType() {
        return this.contentType;
    }

    /** @return the size in bytes, when the gateway announced it */
    public OptionalLong contentLength() {
        return this.contentLength;
    }

    /** @return the {@code Content-Disposition} header; the gateway sends one only for signed-link downloads */
    public Optional<String> contentDisposition() {
        return Optional.ofNullable(this.contentDisposition);
    }

    /**
     * The body, streamed with back-pressure. Failures are the client's exceptions (a broken connection is an
     * {@code AiStatsConnectionException}, a stall longer than the response timeout an
     * {@code AiStatsTimeoutException}); a body that has started is never retried.
     * @return the body buffers; subscribe once and release every buffer
     */
    public Flux<DataBuffer> body() {
        return this.body;
    }

    @Override
    public String toString() {
        return "ReactiveVideoContent{videoId=" + this.videoId + ", contentType=" + this.contentType
            + ", contentLength=" + this.contentLength + "}";
    }
}
