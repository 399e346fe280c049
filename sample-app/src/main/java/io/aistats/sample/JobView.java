package io.aistats.sample;

import io.aistats.video.model.VideoJob;
import io.aistats.video.model.VideoJobError;
import io.aistats.video.model.VideoStatus;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * What the page shows of a job.
 * @param id the video id
 * @param status the canonical public status ({@code queued}, {@code processing}, {@code completed}, ...)
 * @param progress percent done as far as known: 100 once completed
 * @param terminal whether the job will not change any more
 * @param model the model
 * @param prompt the prompt, when known (webhook and stream snapshots do not carry it)
 * @param createdAt when the job was created
 * @param error why the job failed, when it did
 */
record JobView(String id, String status, int progress, boolean terminal, @Nullable String model,
        @Nullable String prompt, @Nullable Instant createdAt, @Nullable String error) {

    /**
     * @param job a job as read from the gateway or carried by an event
     * @return its view
     */
    static JobView of(VideoJob job) {
        VideoStatus status = (job.status() != null) ? job.status().normalized() : VideoStatus.QUEUED;
        boolean completed = VideoStatus.COMPLETED.equals(status);
        int progress = completed ? 100 : Math.max(0, Math.min(99, (job.progress() != null) ? job.progress() : 0));
        VideoJobError error = job.error();
        return new JobView(String.valueOf(job.id()), status.value(), progress, status.isTerminal(), job.model(),
                job.prompt(), job.createdAt(), (error != null) ? error.message() : null);
    }
}
