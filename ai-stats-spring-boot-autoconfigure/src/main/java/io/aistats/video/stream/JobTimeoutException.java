package io.aistats.video.stream;

import io.aistats.video.error.AiStatsException;
import io.aistats.video.model.VideoStatus;
import org.jspecify.annotations.Nullable;

import java.time.Duration;

/**
 * A job did not reach a terminal status within the time a caller was willing to wait. The job itself was left alone:
 * it was neither cancelled nor deleted and may still complete; wait again or fetch it later.
 */
public class JobTimeoutException extends AiStatsException {

    private final String videoId;

    private final Duration timeout;

    private final @Nullable VideoStatus lastStatus;

    /**
     * @param videoId the job waited for
     * @param timeout how long was waited
     * @param lastStatus the last status observed, or {@code null} when none was
     */
    public JobTimeoutException(String videoId, Duration timeout, @Nullable VideoStatus lastStatus) {
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
     * @return the last status observed, or {@code null} when none was
     */
    public @Nullable VideoStatus lastStatus() {
        return this.lastStatus;
    }
}
