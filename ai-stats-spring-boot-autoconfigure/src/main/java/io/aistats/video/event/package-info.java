/**
 * Job lifecycle events, delivered as Spring application events, and the way they reach listeners once.
 * <p>
 * {@link io.aistats.video.event.VideoJobEvent} and its subtypes (such as
 * {@link io.aistats.video.event.VideoJobCompletedEvent}) are built by {@link io.aistats.video.event.VideoJobEvents}
 * with the same ids whichever path saw the phase first: a webhook delivery, the lifecycle stream or polling.
 * {@link io.aistats.video.event.VideoJobEventDispatcher} claims each id in a
 * {@link io.aistats.video.event.ProcessedEventStore} (in memory, or {@link io.aistats.video.event.JdbcProcessedEventStore}
 * shared by every instance of the application), publishes it, and completes the claim only after every listener
 * succeeded, in one transaction with them when a transaction manager is present.
 */
@NullMarked
package io.aistats.video.event;

import org.jspecify.annotations.NullMarked;
