package io.aistats.video.observation;

/**
 * The operations of the video client, as named in the {@code operation} key of the
 * {@link VideoObservationDocumentation#VIDEO_OPERATION aistats.video.operation} observation.
 */
public enum VideoOperation {

    /** {@code POST /videos}: create a job. */
    GENERATE("generate"),

    /** {@code GET /videos}: one page of jobs. */
    LIST("list"),

    /** {@code GET /videos/{id}}: one job. */
    GET("get"),

    /** {@code GET /videos/{id}/content}: open the video's bytes (until the response headers arrive). */
    CONTENT("content"),

    /** Download the video's bytes to a file. */
    DOWNLOAD("download"),

    /** {@code POST /videos/{id}/download_url}: a signed download link. */
    DOWNLOAD_URL("download_url"),

    /** {@code POST /videos/{id}/cancel}. */
    CANCEL("cancel"),

    /** {@code DELETE /videos/{id}}. */
    DELETE("delete"),

    /** {@code GET /videos/models}. */
    MODELS("models"),

    /** Follow a job over the lifecycle stream (with polling as the fallback) until it ends. */
    STREAM("stream"),

    /** Wait for a job to reach a terminal status. */
    AWAIT("await");

    private final String value;

    VideoOperation(String value) {
        this.value = value;
    }

    /**
     * @return the name used as the {@code operation} key value, for example {@code download_url}
     */
    public String value() {
        return this.value;
    }
}
