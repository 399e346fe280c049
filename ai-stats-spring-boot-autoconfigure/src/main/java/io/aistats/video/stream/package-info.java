/**
 * The gateway's WebSocket lifecycle stream as a {@code Flux}, completion waiting, and the job watcher that turns
 * stream updates (or polling, as a fallback) into {@code VideoJobEvent}s.
 */
@NullMarked
package io.aistats.video.stream;

import org.jspecify.annotations.NullMarked;
