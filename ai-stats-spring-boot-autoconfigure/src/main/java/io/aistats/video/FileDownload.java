package io.aistats.video;

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
import java.util.UUID;

/**
 * Writes a video to a file so that the file appears complete or not at all: the body streams into a temporary file
 * beside the target (same directory, so the final move is a rename), which is moved over the target at the end and
 * deleted on any failure or cancellation.
 */
final class FileDownload {

    /** Chunks the writing thread takes per hand-off (Reactor Netty delivers chunks of at most 8 KiB). */
    private static final int WRITE_PREFETCH = 32;

    private final Path target;

    FileDownload(Path target) {
        this.target = target.toAbsolutePath();
    }

    Mono<Path> run(Mono<ReactiveVideoContent> content) {
        return Mono.fromCallable(this::createTempFile)
            .subscribeOn(Schedulers.boundedElastic())
            .flatMap((temp) -> content
                .flatMap((response) -> write(response.body(), temp))
                .then(Mono.fromCallable(() -> moveIntoPlace(temp)).subscribeOn(Schedulers.boundedElastic()))
                .doOnError((failure) -> deleteQuietly(temp))
                .doOnCancel(() -> deleteQuietly(temp)));
    }

    /**
     * Writes the body on a worker thread, never on the connection's event loop. The worker takes up to
     * {@value #WRITE_PREFETCH} chunks per hand-off: a hand-off per chunk (what an asynchronous file channel costs)
     * halves the throughput, while the prefetch bounds what waits in memory to that many chunks.
     */
    private static Mono<Void> write(Flux<DataBuffer> body, Path temp) {
        return Mono.usingWhen(
            Mono.fromCallable(() -> FileChannel.open(temp, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)).subscribeOn(Schedulers.boundedElastic()),
            (channel) -> body.publishOn(Schedulers.boundedElastic(), WRITE_PREFETCH)
                .<Void>handle((buffer, sink) -> {
                    try {
                        writeFully(channel, buffer);
                    }
                    catch (IOException ex) {
                        sink.error(ex);
                    }
                })
                .doOnDiscard(DataBuffer.class, DataBufferUtils::release)
                .then(),
            (channel) -> Mono.fromCallable(() -> {
                channel.close();
                return channel;
            }).then());
    }

    private static void writeFully(FileChannel channel, DataBuffer buffer) throws IOException {
        try (DataBuffer.ByteBufferIterator buffers = buffer.readableByteBuffers()) {
            while (buffers.hasNext()) {
                ByteBuffer bytes = buffers.next();
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            }
        }
        finally {
            DataBufferUtils.release(buffer);
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
