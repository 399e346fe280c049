/**
 * Auto-configuration of the lifecycle stream settings and the {@code VideoJobWatcher}, bound from
 * {@code ai-stats.video.*}.
 */
@NullMarked
package io.aistats.autoconfigure.stream;

import org.jspecify.annotations.NullMarked;
