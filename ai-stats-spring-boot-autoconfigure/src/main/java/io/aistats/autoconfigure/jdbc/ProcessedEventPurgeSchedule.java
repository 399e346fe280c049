package io.aistats.autoconfigure.jdbc;

import io.aistats.video.event.JdbcProcessedEventStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Purges the {@link JdbcProcessedEventStore} at a fixed interval on a thread of its own, so that deleting old ids
 * never delays a delivery. A failed purge is logged and tried again at the next interval.
 */
final class ProcessedEventPurgeSchedule implements SmartLifecycle {

    private static final Log logger = LogFactory.getLog(ProcessedEventPurgeSchedule.class);

    private final JdbcProcessedEventStore store;

    private final Duration interval;

    private @Nullable ScheduledExecutorService scheduler;

    ProcessedEventPurgeSchedule(JdbcProcessedEventStore store, Duration interval) {
        this.store = Objects.requireNonNull(store, "store");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    @Override
    public synchronized void start() {
        if (this.scheduler != null) {
            return;
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
            Thread thread = new Thread(task, "ai-stats-event-purge");
            thread.setDaemon(true);
            return thread;
        });
        long millis = this.interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::purge, millis, millis, TimeUnit.MILLISECONDS);
        this.scheduler = scheduler;
    }

    private void purge() {
        try {
            this.store.purgeExpired();
        }
        catch (RuntimeException ex) {
            logger.warn("Could not purge expired event ids from " + this.store.tableName() + ": " + ex.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (this.scheduler != null) {
            this.scheduler.shutdownNow();
            this.scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return this.scheduler != null;
    }
}
