/**
 * The job watcher that turns lifecycle-stream updates (or polling, as a fallback) into {@code VideoJobEvent}s, and
 * the stores of its watches (in memory, or leases in a table every instance of the application shares).
 */
@NullMarked
package io.aistats.video.stream;

import org.jspecify.annotations.NullMarked;
