package io.aistats.video.error;

/**
 * A download was stopped because the video is larger than the client's bound
 * ({@code ai-stats.max-download-size}, or the bound given to the call): announced by its {@code Content-Length}, or
 * found while it streamed. No file is left behind. Retrying does not help; raise the bound if the video is genuine.
 */
public class VideoContentTooLargeException extends AiStatsException {

    private final long maxBytes;

    /**
     * @param videoId the video being downloaded
     * @param maxBytes the bound, in bytes
     * @param found what exceeded it, for example {@code "Content-Length 5368709120"}
     */
    public VideoContentTooLargeException(String videoId, long maxBytes, String found) {
        super("Video " + videoId + " is larger than the download bound of " + maxBytes + " bytes (" + found
                + "); nothing was kept");
        this.maxBytes = maxBytes;
    }

    /**
     * @return the bound, in bytes
     */
    public long maxBytes() {
        return this.maxBytes;
    }
}
