package io.aistats.video;

import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    private final Path target;

    FileDownload(Path target) {
        this.target = target.toAbsolutePath();
    }

    Mono<Path> run(Mono<ReactiveVideoContent> content) {
        return Mono.fromCallable(this::createTempFile)
            .subscribeOn(Schedulers.boundedElastic())
            .flatMap((temp) -> content
                .flatMap((response) -> DataBufferUtils.write(response.body(), temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING))
                .then(Mono.fromCallable(() -> moveIntoPlace(temp)).subscribeOn(Schedulers.boundedElastic()))
                .doOnError((failure) -> deleteQuietly(temp))
                .doOnCancel(() -> deleteQuietly(temp)));
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
