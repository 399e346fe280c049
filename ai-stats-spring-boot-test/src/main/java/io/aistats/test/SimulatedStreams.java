package io.aistats.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Inspects and disturbs the simulator's WebSocket lifecycle streams ({@code /v1/async/video/{id}/ws}): how many are
 * open, which client frames arrived, and dropping connections as a network failure would. The waits block on a
 * monitor, not by sleeping. Thread-safe.
 */
public final class SimulatedStreams {

    private final JobStreamRoutes routes;

    private final List<String> receivedFrames = new ArrayList<>();

    private int open;

    private int opened;

    private int peakOpen;

    SimulatedStreams(JobStreamRoutes routes) {
        this.routes = routes;
    }

    /**
     * @return the number of streams open now
     */
    public synchronized int openCount() {
        return this.open;
    }

    /**
     * @return the number of streams opened (upgraded) since the simulator started or {@link #reset()}
     */
    public synchronized int openedCount() {
        return this.opened;
    }

    /**
     * @return the largest number of streams open at the same time since the simulator started or {@link #reset()}
     */
    public synchronized int peakOpenCount() {
        return this.peakOpen;
    }

    /**
     * @return the ids of the jobs with an open stream, one entry per stream
     */
    public List<String> openJobIds() {
        return this.routes.openJobIds();
    }

    /**
     * @return the text frames clients sent, oldest first (raw, e.g. {@code ping})
     */
    public synchronized List<String> receivedFrames() {
        return List.copyOf(this.receivedFrames);
    }

    /**
     * Closes every open stream's connection without a close frame, as a network failure would.
     * @return how many were dropped
     */
    public int dropAll() {
        List<JobStreamRoutes.StreamSession> sessions = new ArrayList<>(this.routes.sessions());
        sessions.forEach(JobStreamRoutes.StreamSession::drop);
        return sessions.size();
    }

    /**
     * Closes the connections of a job's open streams without a close frame.
     * @param videoId the job
     * @return how many were dropped
     */
    public int drop(String videoId) {
        Objects.requireNonNull(videoId, "videoId");
        int dropped = 0;
        for (JobStreamRoutes.StreamSession session : this.routes.sessions()) {
            if (session.jobId().equals(videoId)) {
                session.drop();
                dropped++;
            }
        }
        return dropped;
    }

    /**
     * Waits until at least {@code count} streams were opened in total (see {@link #openedCount()}).
     * @param count the number of streams
     * @param timeout how long to wait at most
     * @return whether that many were opened in time
     */
    public boolean awaitOpened(int count, Duration timeout) {
        return await(() -> this.opened >= count, timeout);
    }

    /**
     * Waits until exactly {@code count} streams are open.
     * @param count the number of open streams
     * @param timeout how long to wait at most
     * @return whether that many were open in time
     */
    public boolean awaitOpen(int count, Duration timeout) {
        return await(() -> this.open == count, timeout);
    }

    /**
     * Waits until clients sent a text frame at least {@code count} times.
     * @param text the exact frame, e.g. {@code ping}
     * @param count how many
     * @param timeout how long to wait at most
     * @return whether that many arrived in time
     */
    public boolean awaitReceived(String text, int count, Duration timeout) {
        return await(() -> this.receivedFrames.stream().filter(text::equals).count() >= count, timeout);
    }

    /**
     * Forgets the counters and received frames (open streams stay open and keep counting as open).
     */
    public synchronized void reset() {
        this.opened = 0;
        this.peakOpen = this.open;
        this.receivedFrames.clear();
    }

    synchronized void opened() {
        this.open++;
        this.opened++;
        this.peakOpen = Math.max(this.peakOpen, this.open);
        notifyAll();
    }

    synchronized void closed() {
        this.open--;
        notifyAll();
    }

    synchronized void received(String text) {
        this.receivedFrames.add(text);
        notifyAll();
    }

    private synchronized boolean await(Condition condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            try {
                wait(Math.max(1, remaining / 1_000_000));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    @FunctionalInterface
    private interface Condition {

        boolean holds();
    }

    @Override
    public synchronized String toString() {
        return "SimulatedStreams[open=" + this.open + ", opened=" + this.opened + ", peakOpen=" + this.peakOpen + "]";
    }
}
