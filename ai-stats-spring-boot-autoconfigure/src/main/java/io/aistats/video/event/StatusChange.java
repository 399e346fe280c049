package io.aistats.video.event;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * A transition of a job's stored status, as reported with {@code video.status_changed} events. Both values use the
 * gateway's stored vocabulary ({@code queued}, {@code pending}, {@code in_progress}, {@code completed},
 * {@code failed}, {@code cancelled}, {@code expired}), not the public one of the job object.
 * @param previousStatus the status before the change; {@code null} when the gateway did not know it
 * @param status the status after the change
 */
public record StatusChange(@Nullable String previousStatus, String status) {

    /**
     * @param previousStatus the status before the change; {@code null} when the gateway did not know it
     * @param status the status after the change
     */
    public StatusChange {
        Objects.requireNonNull(status, "status");
    }
}
