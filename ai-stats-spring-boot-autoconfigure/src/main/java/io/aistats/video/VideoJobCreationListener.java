package io.aistats.video;

import io.aistats.video.model.VideoJob;
import reactor.core.publisher.Mono;

/**
 * Told about every job a client created: called once {@code generateVideo} has the gateway's answer, for example to
 * start watching the job. Runs on the thread that received the answer (an event loop): return quickly and never
 * block; a listener that must block overrides {@link #created(VideoJob)}. A listener that throws is logged and does
 * not fail the create call, whose job exists regardless.
 */
@FunctionalInterface
public interface VideoJobCreationListener {

    /**
     * @param job the new job as the create call reported it (its id is set)
     */
    void onCreated(VideoJob job);

    /**
     * Called by the client in place of {@link #onCreated(VideoJob)}; the create call completes once the returned
     * {@code Mono} completes, so that what the listener records exists before the caller has the job. A listener
     * that must block (to write to a database, say) returns that work subscribed on a scheduler that allows blocking.
     * An error is logged and does not fail the create call.
     * @param job the new job as the create call reported it (its id is set)
     * @return completes once the listener is done; by default runs {@link #onCreated(VideoJob)} on the calling thread
     */
    default Mono<Void> created(VideoJob job) {
        return Mono.fromRunnable(() -> onCreated(job));
    }
}
