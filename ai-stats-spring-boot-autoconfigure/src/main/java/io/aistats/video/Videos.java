package io.aistats.video;

import io.aistats.video.model.DownloadUrlOptions;
import io.aistats.video.model.SignedDownloadUrl;
import io.aistats.video.model.VideoDeleted;
import io.aistats.video.model.VideoGenerationRequest;
import io.aistats.video.model.VideoJob;
import io.aistats.video.model.VideoListParams;
import io.aistats.video.model.VideoModelList;
import io.aistats.video.model.VideoPage;
import io.aistats.video.model.WebSocketUrlOptions;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The video operations of a {@link VideoClient} under the short names of the gateway's TypeScript SDK
 * ({@code videos.create}, {@code videos.list}, ...). Each method delegates one to one.
 */
public final class Videos {

    /** Job kind of video jobs in lifecycle stream URLs. */
    public static final String KIND = "video";

    private final VideoClient client;

    /**
     * @param client the client to delegate to
     */
    public Videos(VideoClient client) {
        this.client = Objects.requireNonNull(client, "client must not be null");
    }

    /**
     * @param request what to generate
     * @return the new job
     * @see VideoClient#generateVideo(VideoGenerationRequest)
     */
    public VideoJob create(VideoGenerationRequest request) {
        return this.client.generateVideo(request);
    }

    /**
     * @param params filters and paging
     * @return one page
     * @see VideoClient#listVideos(VideoListParams)
     */
    public VideoPage list(VideoListParams params) {
        return this.client.listVideos(params);
    }

    /**
     * @return the first page with the default size, newest first
     * @see VideoClient#listVideos()
     */
    public VideoPage list() {
        return this.client.listVideos();
    }

    /**
     * @param params filters; the page size is the limit of each request
     * @return the jobs of the gateway's list window, fetched lazily; close the stream to stop early
     * @see VideoClient#listAllVideos(VideoListParams)
     */
    public Stream<VideoJob> listAll(VideoListParams params) {
        return this.client.listAllVideos(params);
    }

    /**
     * @return the jobs of the gateway's list window with the default page size, fetched lazily; close the stream to
     * stop early
     * @see VideoClient#listAllVideos()
     */
    public Stream<VideoJob> listAll() {
        return this.client.listAllVideos();
    }

    /**
     * @param videoId the gateway's video id
     * @return the job
     * @see VideoClient#getVideo(String)
     */
    public VideoJob get(String videoId) {
        return this.client.getVideo(videoId);
    }

    /**
     * @param videoId the gateway's video id
     * @return the open content; close it
     * @see VideoClient#getVideoContent(String)
     */
    public VideoContent content(String videoId) {
        return this.client.getVideoContent(videoId);
    }

    /**
     * @param videoId the gateway's video id
     * @param target the file to write
     * @return the target
     * @see VideoClient#downloadVideoContent(String, Path)
     */
    public Path download(String videoId, Path target) {
        return this.client.downloadVideoContent(videoId, target);
    }

    /**
     * @param videoId the gateway's video id
     * @param options time to live, disposition and output index
     * @return the link and its expiry
     * @see VideoClient#getVideoDownloadUrl(String, DownloadUrlOptions)
     */
    public SignedDownloadUrl downloadUrl(String videoId, DownloadUrlOptions options) {
        return this.client.getVideoDownloadUrl(videoId, options);
    }

    /**
     * @param videoId the gateway's video id
     * @return the link with the gateway's defaults (15 minutes, attachment, first output)
     * @see VideoClient#getVideoDownloadUrl(String)
     */
    public SignedDownloadUrl downloadUrl(String videoId) {
        return this.client.getVideoDownloadUrl(videoId);
    }

    /**
     * @param videoId the gateway's video id
     * @return the job, should the gateway ever cancel
     * @see VideoClient#cancelVideo(String)
     */
    public VideoJob cancel(String videoId) {
        return this.client.cancelVideo(videoId);
    }

    /**
     * @param videoId the gateway's video id
     * @return the confirmation
     * @see VideoClient#deleteVideo(String)
     */
    public VideoDeleted delete(String videoId) {
        return this.client.deleteVideo(videoId);
    }

    /**
     * @return the model catalogue
     * @see VideoClient#listVideoModels()
     */
    public VideoModelList listModels() {
        return this.client.listVideoModels();
    }

    /**
     * @param videoId the gateway's video id
     * @param options {@code interval_ms} and {@code close_on_terminal}
     * @return the lifecycle stream URL of the video job
     * @see VideoClient#getAsyncJobWebSocketUrl(String, String, WebSocketUrlOptions)
     */
    public URI websocketUrl(String videoId, WebSocketUrlOptions options) {
        return this.client.getAsyncJobWebSocketUrl(KIND, videoId, options);
    }

    /**
     * @param videoId the gateway's video id
     * @return the lifecycle stream URL of the video job with the gateway's defaults
     * @see VideoClient#getAsyncJobWebSocketUrl(String, String)
     */
    public URI websocketUrl(String videoId) {
        return this.client.getAsyncJobWebSocketUrl(KIND, videoId);
    }
}
