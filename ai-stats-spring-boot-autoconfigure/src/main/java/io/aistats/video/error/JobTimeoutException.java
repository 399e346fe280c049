package io.aistats.video.error;

import org.jspecify.annotations.Nullable;

import java.time.Duration;

/**
 * A job did not reach a terminal status within the time a caller was willing to wait. The job itself was left alone:
 * it was neither cancelled nor deleted and may still complete; wait again or fetch it later.
 */
public class JobTimeoutException extends AiStatsException {

    private final String videoId;

    private final Duration timeout;

    private final @Nullable String lastStatus;

    /**
     * @param videoId the job waited for
     * @param timeout how long was waited
     * @param lastStatus the last status observed, as the gateway spells it (for example {@code queued}), or
     * {@code null} when none was
     */
    public JobTimeoutException(String videoId, Duration timeout, @Nullable String lastStatus) {
        super("Video job " + videoId + " did not reach a terminal status within " + timeout + " (last status seen: "
                + ((lastStatus != null) ? lastStatus : "none") + "); the job was left running");
        this.videoId = videoId;
        this.timeout = timeout;
        this.lastStatus = lastStatus;
    }

    /**
     * @return the id of the job waited for
     */
    public String videoId() {
        return this.videoId;
    }

    /**
     * @return how long was waited
     */
    public Duration timeout() {
        return this.timeout;
    }

    /**
     * @return the last status observed, as the gateway spells it (for example {@code queued}), or {@code null} when
     * none was; {@code VideoStatus.of} reads it back
     */
    public @Nullable String lastStatus() {
        return this.lastStatus;
    }
}
