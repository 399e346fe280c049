package io.aistats.video.stream;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link VideoJobWatchStore} in memory: one instance holds every record, nothing is leased, and the watches are
 * forgotten when the application stops. The default. Thread-safe.
 */
public final class InMemoryVideoJobWatchStore implements VideoJobWatchStore {

    private final Map<String, WatchedJob> jobs = new ConcurrentHashMap<>();

    @Override
    public Optional<WatchedJob> claim(WatchedJob job) {
        return Optional.of(this.jobs.computeIfAbsent(job.videoId(), (id) -> job));
    }

    @Override
    public void update(WatchedJob job) {
        this.jobs.computeIfPresent(job.videoId(), (id, recorded) -> job);
    }

    @Override
    public void remove(String videoId) {
        this.jobs.remove(videoId);
    }

    @Override
    public void release(Collection<String> videoIds) {
        videoIds.forEach(this.jobs::remove);
    }

    @Override
    public Set<String> renew() {
        return Set.copyOf(this.jobs.keySet());
    }

    @Override
    public List<WatchedJob> takeOver(int max) {
        return List.of();
    }

    @Override
    public Optional<Duration> renewInterval() {
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "InMemoryVideoJobWatchStore[jobs=" + this.jobs.size() + "]";
    }
}
