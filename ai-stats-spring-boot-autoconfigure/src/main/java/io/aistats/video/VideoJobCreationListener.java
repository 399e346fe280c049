package io.aistats.video;

import io.aistats.video.model.VideoJob;

/**
 * Told about every job a client created: called once {@code generateVideo} has the gateway's answer, for example to
 * start watching the job. Runs on the thread that received the answer (an event loop): return quickly and never
 * block. A listener that throws is logged and does not fail the create call, whose job exists regardless.
 */
@FunctionalInterface
public interface VideoJobCreationListener {

    /**
     * @param job the new job as the create call reported it (its id is set)
     */
    void onCreated(VideoJob job);
}
