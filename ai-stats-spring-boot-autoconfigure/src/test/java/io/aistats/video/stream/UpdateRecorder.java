package io.aistats.video.stream;

import io.aistats.video.model.VideoJobUpdate;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Subscribes to updates and lets the test thread take them one by one, so that test steps (clock advances, waits for
 * the simulator) run on the test thread and never on a connection's event loop.
 */
final class UpdateRecorder implements AutoCloseable {

    private final BlockingQueue<VideoJobUpdate> updates = new LinkedBlockingQueue<>();

    private final CountDownLatch terminated = new CountDownLatch(1);

    private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();

    private final Disposable subscription;

    private UpdateRecorder(Flux<VideoJobUpdate> source) {
        this.subscription = source.subscribe(this.updates::add, (ex) -> {
            this.failure.set(ex);
            this.terminated.countDown();
        }, this.terminated::countDown);
    }

    static UpdateRecorder record(Flux<VideoJobUpdate> source) {
        return new UpdateRecorder(source);
    }

    /** @return the next update, waiting for it */
    VideoJobUpdate next() {
        try {
            VideoJobUpdate update = this.updates.poll(StreamTestSupport.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (update == null) {
                throw new AssertionError("No update within " + StreamTestSupport.WAIT + " (failure: "
                        + this.failure.get() + ")");
            }
            return update;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    /** Waits for completion and checks that nothing else arrived. */
    void expectComplete() {
        awaitTermination();
        if (this.failure.get() != null) {
            throw new AssertionError("Expected completion but failed", this.failure.get());
        }
        if (!this.updates.isEmpty()) {
            throw new AssertionError("Unexpected further updates: " + this.updates);
        }
    }

    /** @return the failure the updates ended with, waiting for it */
    Throwable expectError() {
        awaitTermination();
        Throwable ex = this.failure.get();
        if (ex == null) {
            throw new AssertionError("Expected a failure but the updates completed; remaining: " + this.updates);
        }
        return ex;
    }

    private void awaitTermination() {
        try {
            if (!this.terminated.await(StreamTestSupport.WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("The updates did not end within " + StreamTestSupport.WAIT);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    @Override
    public void close() {
        this.subscription.dispose();
    }
}
