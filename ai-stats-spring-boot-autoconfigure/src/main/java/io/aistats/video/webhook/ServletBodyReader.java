package io.aistats.video.webhook;

import jakarta.servlet.ReadListener;
import org.jspecify.annotations.Nullable;
import jakarta.servlet.ServletInputStream;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads a delivery body with servlet non-blocking I/O, so that a slow or stalled sender holds no container thread
 * while it waits. Bytes are reserved in the {@link WebhookReadLimits} budget before they are kept: all at once for a
 * declared {@code Content-Length} (by the caller), chunk by chunk otherwise. The body must arrive within the read
 * timeout; otherwise the result fails with an {@link UnreadBodyException}.
 */
final class ServletBodyReader implements ReadListener {

    private static final int CHUNK_SIZE = 8192;

    private final ServletInputStream input;

    private final WebhookReadLimits limits;

    private final BodyReservation reservation;

    private final long maxBytes;

    private final CompletableFuture<byte[]> result = new CompletableFuture<>();

    /** The body when its length was declared (and reserved), else {@code null}. */
    private final byte @Nullable [] declaredBody;

    private final List<byte[]> chunks = new ArrayList<>();

    private int received;

    private Disposable deadline = () -> { };

    /**
     * @param input the request's input stream
     * @param limits the deadline
     * @param reservation the delivery's bytes in the budget: the declared length is already in it; chunks of a body
     * without one are added as they arrive
     * @param maxBytes the largest body accepted
     * @param declaredLength the declared length, or -1 when none was declared
     */
    ServletBodyReader(ServletInputStream input, WebhookReadLimits limits, BodyReservation reservation, long maxBytes,
            long declaredLength) {
        this.input = input;
        this.limits = limits;
        this.reservation = reservation;
        this.maxBytes = maxBytes;
        this.declaredBody = (declaredLength >= 0) ? new byte[(int) declaredLength] : null;
    }

    /**
     * Starts reading; call on the request's thread after asynchronous processing started.
     * @return the body, or a failure with an {@link UnreadBodyException}
     */
    CompletableFuture<byte[]> start() {
        long timeout = this.limits.readTimeout().toMillis();
        this.deadline = Schedulers.parallel().schedule(() -> fail(UnreadBodyException.incomplete(
                "not complete within " + this.limits.readTimeout().toMillis() + " ms (" + received() + " bytes read)")),
                timeout, TimeUnit.MILLISECONDS);
        this.input.setReadListener(this);
        return this.result;
    }

    @Override
    public void onDataAvailable() throws IOException {
        byte[] scratch = (this.declaredBody != null) ? null : new byte[CHUNK_SIZE];
        while (!this.result.isDone() && this.input.isReady()) {
            int count = (scratch != null) ? this.input.read(scratch)
                    : this.input.read(this.declaredBody, this.received, this.declaredBody.length - this.received);
            if (count < 0) {
                return;
            }
            if (scratch != null && !keepChunk(scratch, count)) {
                return;
            }
            if (scratch == null) {
                addReceived(count);
            }
        }
    }

    @Override
    public void onAllDataRead() {
        byte[] body = (this.declaredBody != null) ? this.declaredBody : joinChunks();
        if (this.declaredBody != null && received() != this.declaredBody.length) {
            fail(UnreadBodyException.incomplete(received() + " of " + this.declaredBody.length + " bytes arrived"));
            return;
        }
        this.deadline.dispose();
        this.result.complete(body);
    }

    @Override
    public void onError(Throwable failure) {
        fail(UnreadBodyException.incomplete("reading failed after " + received() + " bytes: " + failure));
    }

    private boolean keepChunk(byte[] scratch, int count) {
        if (received() + (long) count > this.maxBytes) {
            fail(UnreadBodyException.tooLarge("more than " + this.maxBytes + " bytes sent"));
            return false;
        }
        if (!this.reservation.tryAdd(count)) {
            fail(UnreadBodyException.overBudget(received() + count + " bytes of a body without Content-Length"));
            return false;
        }
        byte[] chunk = new byte[count];
        System.arraycopy(scratch, 0, chunk, 0, count);
        this.chunks.add(chunk);
        addReceived(count);
        return true;
    }

    private synchronized void addReceived(int count) {
        this.received += count;
    }

    private synchronized int received() {
        return this.received;
    }

    private byte[] joinChunks() {
        byte[] body = new byte[received()];
        int position = 0;
        for (byte[] chunk : this.chunks) {
            System.arraycopy(chunk, 0, body, position, chunk.length);
            position += chunk.length;
        }
        this.chunks.clear();
        return body;
    }

    private void fail(UnreadBodyException failure) {
        this.deadline.dispose();
        this.result.completeExceptionally(failure);
    }
}
