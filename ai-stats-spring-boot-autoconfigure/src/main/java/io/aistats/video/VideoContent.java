package io.aistats.video;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A completed job's video, open for reading. Memory stays bounded however large the video is: the stream pulls a
 * few network buffers at a time. Close it when done; closing before the end cancels the download.
 * <pre>{@code
 * try (VideoContent content = client.getVideoContent(videoId)) {
 *     content.transferTo(outputStream);
 * }
 * }</pre>
 * Reading failures are thrown as the client's unchecked exceptions ({@code AiStatsConnectionException},
 * {@code AiStatsTimeoutException}).
 */
public final class VideoContent implements Closeable {

    /** Buffers requested ahead of the reader; a handful keeps the pipe busy without holding much memory. */
    private static final int PREFETCH_BUFFERS = 4;

    private final ReactiveVideoContent content;
    private final Sinks.One<Boolean> closed = Sinks.one();
    private final InputStream inputStream;

    /**
     * Opens the body of a streamed response for blocking reads.
     * @param content the streamed response; its body must not have been subscribed to
     */
    public VideoContent(ReactiveVideoContent content) {
        this.content = Objects.requireNonNull(content, "content must not be null");
        // the close signal cancels the response even when closing races ahead of the body's subscription, which
        // the HTTP client completes asynchronously
        Flux<DataBuffer> body = content.body().takeUntilOther(this.closed.asMono());
        this.inputStream = DataBufferUtils.subscriberInputStream(body, PREFETCH_BUFFERS);
    }

    /** @return the video the content belongs to */
    public String videoId() {
        return this.content.videoId();
    }

    /** @return the media type, normally {@code video/mp4} */
    public String contentType() {
        return this.content.contentType();
    }

    /** @return the size in bytes, when the gateway announced it */
    public OptionalLong contentLength() {
        return this.content.contentLength();
    }

    /** @return the {@code Content-Disposition} header; sent only for signed-link downloads */
    public Optional<String> contentDisposition() {
        return this.content.contentDisposition();
    }

    /**
     * The body as a stream. There is one stream per content; closing it closes this content.
     * @return the stream
     */
    public InputStream inputStream() {
        return this.inputStream;
    }

    /**
     * Copies the rest of the body to a stream. Does not close either stream.
     * @param out where to write
     * @return the number of bytes copied
     * @throws IOException when writing to {@code out} fails
     */
    public long transferTo(OutputStream out) throws IOException {
        return this.inputStream.transferTo(out);
    }

    /**
     * Releases the response; unread content is discarded and the connection is cancelled.
     */
    @Override
    public void close() {
        this.closed.tryEmitValue(Boolean.TRUE);
        try {
            this.inputStream.close();
        }
        catch (IOException | IllegalStateException ex) {
            // not subscribed yet (the close signal ends the body once it is) or already closed: nothing to report
        }
    }

    @Override
    public String toString() {
        return "VideoContent{videoId=" + videoId() + ", contentType=" + contentType() + ", contentLength="
            + contentLength() + "}";
    }
}
