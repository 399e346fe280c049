package io.aistats.test;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One webhook event of a job (§6.1, §6.7): its phase, delivery key and the parts that stay the same on every attempt.
 *
 * @param videoId the job
 * @param endpointId the endpoint the job notifies
 * @param phase {@code created}, {@code status_changed}, {@code progress}, {@code completed}, {@code failed},
 * {@code cancelled} or {@code expired}
 * @param deliveryKey the delivery key, e.g. {@code video.status_changed:queued:in_progress}
 * @param previousStatus the stored status before a status change, else {@code null}
 * @param newStatus the stored status after a status change, else {@code null}
 * @param progressBucket the bucket of a progress event (5 ... 95), else {@code null}
 */
record WebhookEvent(String videoId, String endpointId, String phase, String deliveryKey,
        @Nullable String previousStatus, @Nullable String newStatus, @Nullable Integer progressBucket) {

    private static final Pattern OUTSIDE_ID_ALPHABET = Pattern.compile("[^A-Za-z0-9_-]+");

    private static final int MAX_EVENT_ID_LENGTH = 160;

    /** @return the delivered type, always {@code video.<phase>} */
    String type() {
        return "video." + this.phase;
    }

    /**
     * @return {@code evt_video_<video id>_<delivery key>} with every run of characters outside
     * {@code [A-Za-z0-9_-]} replaced by {@code _}, at most 160 characters
     */
    String eventId() {
        String id = OUTSIDE_ID_ALPHABET.matcher("evt_video_" + this.videoId + "_" + this.deliveryKey).replaceAll("_");
        return id.length() > MAX_EVENT_ID_LENGTH ? id.substring(0, MAX_EVENT_ID_LENGTH) : id;
    }

    /** @return whether this is a {@code video.status_changed} event (it carries {@code status_change}) */
    boolean isStatusChange() {
        return "status_changed".equals(this.phase);
    }

    /**
     * The events a stored change produces (§6.3): {@code created} on creation; {@code status_changed} for every
     * status change, plus the terminal event when the new status is terminal; {@code progress} when a job in progress
     * reports a progress in the 5 ... 95 bucket range.
     * @param transition the change
     * @param endpointId the endpoint the job notifies
     * @return the events, possibly none
     */
    static List<WebhookEvent> of(JobTransition transition, String endpointId) {
        SimulatedJob job = transition.job();
        List<WebhookEvent> events = new ArrayList<>();
        if (transition.isCreation()) {
            events.add(simple(job.id(), endpointId, "created"));
        }
        else if (transition.isStatusChange()) {
            String previous = orUnknown(transition.previousStoredStatus());
            String current = orUnknown(transition.newStoredStatus());
            events.add(new WebhookEvent(job.id(), endpointId, "status_changed",
                    "video.status_changed:" + previous + ":" + current, previous, current, null));
            if (StoredStatus.isTerminal(current)) {
                events.add(simple(job.id(), endpointId, current));
            }
        }
        else if (StoredStatus.IN_PROGRESS.equals(transition.newStoredStatus()) && job.progress().isPresent()) {
            Integer bucket = progressBucket(job.progress().get());
            if (bucket != null) {
                events.add(new WebhookEvent(job.id(), endpointId, "progress", "video.progress:" + bucket, null, null,
                        bucket));
            }
        }
        return events;
    }

    /**
     * @param progress a provider progress
     * @return the nearest multiple of 10, clamped to 5 ... 95; {@code null} for progress at or below 0 or at or
     * above 100
     */
    static @Nullable Integer progressBucket(int progress) {
        if (progress <= 0 || progress >= 100) {
            return null;
        }
        int nearest = (int) Math.round(progress / 10.0) * 10;
        return Math.max(5, Math.min(95, nearest));
    }

    private static WebhookEvent simple(String videoId, String endpointId, String phase) {
        return new WebhookEvent(videoId, endpointId, phase, "video." + phase, null, null, null);
    }

    private static String orUnknown(@Nullable String status) {
        return status == null || status.isEmpty() ? "unknown" : status;
    }
}
