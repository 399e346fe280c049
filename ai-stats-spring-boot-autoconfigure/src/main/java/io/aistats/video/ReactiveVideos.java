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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The video operations of a {@link ReactiveVideoClient} under the short names of the gateway's TypeScript SDK
 * ({@code videos.create}, {@code videos.list}, ...). Each method delegates one to one.
 */
public final class ReactiveVideos {

    /** Job kind of video jobs in lifecycle stream URLs. */
    public static final String KIND = "video";

    private final ReactiveVideoClient client;

    /**
     * @param client the client to delegate to
     */
    public ReactiveVideos(ReactiveVideoClient client) {
        this.client = Objects.requireNonNull(client, "client must not be null");
    }

    /**
     * @param request what to generate
     * @return the new job
     * @see ReactiveVideoClient#generateVideo(VideoGenerationRequest)
     */
    public Mono<VideoJob> create(VideoGenerationRequest request) {
        return this.client.generateVideo(request);
    }

    /**
     * @param params filters and paging
     * @return one page
     * @see ReactiveVideoClient#listVideos(VideoListParams)
     */
    public Mono<VideoPage> list(VideoListParams params) {
        return this.client.listVideos(params);
    }

    /**
     * @return the first page with the default size, newest first
     * @see ReactiveVideoClient#listVideos()
     */
    public Mono<VideoPage> list() {
        return this.client.listVideos();
    }

    /**
     * @param params filters; the page size is the limit of each request
     * @return every job of the gateway's list window
     * @see ReactiveVideoClient#listAllVideos(VideoListParams)
     */
    public Flux<VideoJob> listAll(VideoListParams params) {
        return this.client.listAllVideos(params);
    }

    /**
     * @return every job of the gateway's list window, with the default page size
     * @see ReactiveVideoClient#listAllVideos()
     */
    public Flux<VideoJob> listAll() {
        return this.client.listAllVideos();
    }

    /**
     * @param videoId the gateway's video id
     * @return the job
     * @see ReactiveVideoClient#getVideo(String)
     */
    public Mono<VideoJob> get(String videoId) {
        return this.client.getVideo(videoId);
    }

    /**
     * @param videoId the gateway's video id
     * @return the streamed content
     * @see ReactiveVideoClient#getVideoContent(String)
     */
    public Mono<ReactiveVideoContent> content(String videoId) {
        return this.client.getVideoContent(videoId);
    }

    /**
     * @param videoId the gateway's video id
     * @param target the file to write
     * @return the target once complete
     * @see ReactiveVideoClient#downloadVideoContent(String, Path)
     */
    public Mono<Path> download(String videoId, Path target) {
        return this.client.downloadVideoContent(videoId, target);
    }

    /**
     * @param videoId the gateway's video id
     * @param options time to live, disposition and output index
     * @return the link and its expiry
     * @see ReactiveVideoClient#getVideoDownloadUrl(String, DownloadUrlOptions)
     */
    public Mono<SignedDownloadUrl> downloadUrl(String videoId, DownloadUrlOptions options) {
        return this.client.getVideoDownloadUrl(videoId, options);
    }

    /**
     * @param videoId the gateway's video id
     * @return the link with the gateway's defaults (15 minutes, attachment, first output)
     * @see ReactiveVideoClient#getVideoDownloadUrl(String)
     */
    public Mono<SignedDownloadUrl> downloadUrl(String videoId) {
        return this.client.getVideoDownloadUrl(videoId);
    }

    /**
     * @param videoId the gateway's video id
     * @return the job, should the gateway ever cancel
     * @see ReactiveVideoClient#cancelVideo(String)
     */
    public Mono<VideoJob> cancel(String videoId) {
        return this.client.cancelVideo(videoId);
    }

    /**
     * @param videoId the gateway's video id
     * @return the confirmation
     * @see ReactiveVideoClient#deleteVideo(String)
     */
    public Mono<VideoDeleted> delete(String videoId) {
        return this.client.deleteVideo(videoId);
    }

    /**
     * @return the model catalogue
     * @see ReactiveVideoClient#listVideoModels()
     */
    public Mono<VideoModelList> listModels() {
        return this.client.listVideoModels();
    }

    /**
     * @param videoId the gateway's video id
     * @param options {@code interval_ms} and {@code close_on_terminal}
     * @return the lifecycle stream URL of the video job
     * @see ReactiveVideoClient#getAsyncJobWebSocketUrl(String, String, WebSocketUrlOptions)
     */
    public URI websocketUrl(String videoId, WebSocketUrlOptions options) {
        return this.client.getAsyncJobWebSocketUrl(KIND, videoId, options);
    }

    /**
     * @param videoId the gateway's video id
     * @return the lifecycle stream URL of the video job with the gateway's defaults
     * @see ReactiveVideoClient#getAsyncJobWebSocketUrl(String, String)
     */
    public URI websocketUrl(String videoId) {
        return this.client.getAsyncJobWebSocketUrl(KIND, videoId);
    }
}
