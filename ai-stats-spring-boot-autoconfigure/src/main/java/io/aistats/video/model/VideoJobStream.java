package io.aistats.video.model;

import reactor.core.publisher.Flux;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A job's updates for blocking code: an iterator whose {@link #hasNext()} waits for the next update and returns
 * {@code false} once the job ended. Close it to stop early; closing closes the connection.
 * <pre>{@code
 * try (VideoJobStream updates = videoClient.streamVideo(id, WebSocketUrlOptions.defaults())) {
 *     while (updates.hasNext()) {
 *         VideoJobUpdate update = updates.next();
 *         show(update.status(), update.job().progress());
 *     }
 * }
 * }</pre>
 * Failures are thrown from {@link #hasNext()} as the client's exceptions. Not thread-safe.
 */
public final class VideoJobStream implements Iterator<VideoJobUpdate>, AutoCloseable {

    private final Stream<VideoJobUpdate> stream;

    private final Iterator<VideoJobUpdate> iterator;

    private VideoJobStream(Flux<VideoJobUpdate> updates) {
        // one update at a time: nothing is buffered beyond what the caller asked for
        this.stream = updates.toStream(1);
        this.iterator = this.stream.iterator();
    }

    /**
     * @param updates the updates to block on; subscribed when this stream is created
     * @return the blocking view
     */
    public static VideoJobStream of(Flux<VideoJobUpdate> updates) {
        return new VideoJobStream(Objects.requireNonNull(updates, "updates must not be null"));
    }

    /**
     * Waits until the next update arrives or the job ends. Must not be called on a non-blocking thread.
     * @return whether another update is available
     */
    @Override
    public boolean hasNext() {
        return this.iterator.hasNext();
    }

    /**
     * @return the next update
     * @throws NoSuchElementException when the job ended
     */
    @Override
    public VideoJobUpdate next() {
        return this.iterator.next();
    }

    /**
     * Stops following the job and closes its connection. Idempotent.
     */
    @Override
    public void close() {
        this.stream.close();
    }
}
