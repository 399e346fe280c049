/**
 * Internal, not API: one WebSocket lifecycle-stream connection (keep-alive, idle timeout, frame decoding, failure
 * translation) and the reconnecting stream with its polling fallback, behind
 * {@link io.aistats.video.JobStreamClient}. May change in any release.
 */
@NullMarked
package io.aistats.video.internal.stream;

import org.jspecify.annotations.NullMarked;
