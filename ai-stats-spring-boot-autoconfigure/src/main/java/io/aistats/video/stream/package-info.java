/**
 * The job watcher that turns lifecycle-stream updates (or polling, as a fallback) into {@code VideoJobEvent}s.
 * <p>
 * {@link io.aistats.video.stream.VideoJobWatcher} follows jobs as its
 * {@link io.aistats.video.stream.VideoJobWatcherSettings} allow and reports each one as a
 * {@link io.aistats.video.stream.VideoJobWatch}. It records the jobs in a
 * {@link io.aistats.video.stream.VideoJobWatchStore}: in memory, or leases in a table every instance of the
 * application shares ({@link io.aistats.video.stream.JdbcVideoJobWatchStore}), so that watches survive restarts and
 * move between instances.
 */
@NullMarked
package io.aistats.video.stream;

import org.jspecify.annotations.NullMarked;
