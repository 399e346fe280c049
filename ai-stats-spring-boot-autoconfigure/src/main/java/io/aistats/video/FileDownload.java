package io.aistats.video;

import io.aistats.video.error.VideoContentTooLargeException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a video to a file so that the file appears complete or not at all: the body streams into a temporary file
 * beside the target (same directory, so the final move is a rename), which is moved over the target at the end and
 * deleted on any failure or cancellation.
 */
final class FileDownload {

    /** Chunks written per hand-off and {@code write} call (Reactor Netty delivers chunks of at most 8 KiB). */
    private static final int WRITE_BATCH = 32;

    /**
     * Batches requested ahead of the writer. Reactor asks for more only once three quarters of them are written, so
     * with 2 it asked again only when the queue was empty and the connection stopped reading while the last batch was
     * written; with 8, six are asked for while two still wait, and reading and writing overlap (at most about
     * 2.5 MiB of buffers in flight).
     */
    private static final int WRITE_AHEAD = 8;

    private final Path target;

    private final long maxBytes;

    /**
     * @param target the file to write
     * @param maxBytes the largest video written; a larger one fails with {@link VideoContentTooLargeException}
     */
    FileDownload(Path target, long maxBytes) {
        this.target = target.toAbsolutePath();
        this.maxBytes = maxBytes;
    }

    Mono<Path> run(Mono<ReactiveVideoContent> content) {
        return Mono.fromCallable(this::createTempFile)
            .subscribeOn(Schedulers.boundedElastic())
            .flatMap((temp) -> content
                .flatMap((response) -> write(bounded(response), temp))
                .then(Mono.fromCallable(() -> moveIntoPlace(temp)).subscribeOn(Schedulers.boundedElastic()))
                .doOnError((failure) -> deleteQuietly(temp))
                .doOnCancel(() -> deleteQuietly(temp)));
    }

    /**
     * The body, failing with {@link VideoContentTooLargeException} as soon as it proves larger than the bound: at
     * once when its announced length exceeds it (the connection is let go unread), else when the bytes counted do.
     */
    private Flux<DataBuffer> bounded(ReactiveVideoContent response) {
        OptionalLong announced = response.contentLength();
        if (announced.isPresent() && announced.getAsLong() > this.maxBytes) {
            return response.body().take(0).concatWith(Flux.error(new VideoContentTooLargeException(
                    response.videoId(), this.maxBytes, "Content-Length " + announced.getAsLong())));
        }
        return Flux.defer(() -> {
            AtomicLong received = new AtomicLong();
            return response.body().handle((buffer, sink) -> {
                if (received.addAndGet(buffer.readableByteCount()) > this.maxBytes) {
                    DataBufferUtils.release(buffer);
                    sink.error(new VideoContentTooLargeException(response.videoId(), this.maxBytes,
                            "more than " + this.maxBytes + " bytes sent"));
                }
                else {
                    sink.next(buffer);
                }
            });
        });
    }

    /**
     * Writes the body on a worker thread, never on the connection's event loop, in batches of
     * {@value #WRITE_BATCH} chunks: one thread hand-off and one gathering {@code write} per batch rather than per chunk
     * (what an asynchronous file channel costs) more than doubles the throughput, and at most
     * {@value #WRITE_AHEAD} batches wait in memory.
     */
    private static Mono<Void> write(Flux<DataBuffer> body, Path temp) {
        return Mono.usingWhen(
            Mono.fromCallable(() -> FileChannel.open(temp, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)).subscribeOn(Schedulers.boundedElastic()),
            (channel) -> body.buffer(WRITE_BATCH)
                .publishOn(Schedulers.boundedElastic(), WRITE_AHEAD)
                .<Void>handle((batch, sink) -> {
                    try {
                        writeFully(channel, batch);
                    }
                    catch (IOException ex) {
                        sink.error(ex);
                    }
                })
                .doOnDiscard(DataBuffer.class, DataBufferUtils::release)
                .doOnDiscard(List.class, FileDownload::releaseAll)
                .then(),
            (channel) -> Mono.fromCallable(() -> {
                channel.close();
                return channel;
            }).then());
    }

    /** Writes a batch with gathering writes and releases it. */
    private static void writeFully(FileChannel channel, List<DataBuffer> batch) throws IOException {
        List<DataBuffer.ByteBufferIterator> iterators = new ArrayList<>(batch.size());
        try {
            List<ByteBuffer> buffers = new ArrayList<>(batch.size());
            long remaining = 0;
            for (DataBuffer buffer : batch) {
                DataBuffer.ByteBufferIterator iterator = buffer.readableByteBuffers();
                iterators.add(iterator);
                while (iterator.hasNext()) {
                    ByteBuffer bytes = iterator.next();
                    remaining += bytes.remaining();
                    buffers.add(bytes);
                }
            }
            ByteBuffer[] array = buffers.toArray(new ByteBuffer[0]);
            while (remaining > 0) {
                remaining -= channel.write(array);
            }
        }
        finally {
            iterators.forEach(DataBuffer.ByteBufferIterator::close);
            batch.forEach(DataBufferUtils::release);
        }
    }

    private static void releaseAll(List<?> batch) {
        for (Object element : batch) {
            if (element instanceof DataBuffer buffer) {
                DataBufferUtils.release(buffer);
            }
        }
    }

    private Path createTempFile() {
        Path directory = this.target.getParent();
        try {
            if (directory != null) {
                Files.createDirectories(directory);
            }
            // not Files.createTempFile: its owner-only permissions would carry over to the downloaded video
            Path temp = this.target.resolveSibling("." + this.target.getFileName() + "." + UUID.randomUUID() + ".part");
            return Files.createFile(temp);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not create a temporary file beside " + this.target, ex);
        }
    }

    private Path moveIntoPlace(Path temp) throws IOException {
        try {
            return Files.move(temp, this.target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (AtomicMoveNotSupportedException ex) {
            return Files.move(temp, this.target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        }
        catch (IOException ex) {
            // the download already failed; a leftover ".part" file is the lesser problem
        }
    }
}
