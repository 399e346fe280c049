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

    ReactiveVideos(ReactiveVideoClient client) {
        this.client = Objects.requireNonNull(client, "client must not be null");
    }

    /** See {@link ReactiveVideoClient#generateVideo(VideoGenerationRequest)}. */
    public Mono<VideoJob> create(VideoGenerationRequest request) {
        return this.client.generateVideo(request);
    }

    /** See {@link ReactiveVideoClient#listVideos(VideoListParams)}. */
    public Mono<VideoPage> list(VideoListParams params) {
        return this.client.listVideos(params);
    }

    /** See {@link ReactiveVideoClient#listVideos()}. */
    public Mono<VideoPage> list() {
        return this.client.listVideos();
    }

    /** See {@link ReactiveVideoClient#listAllVideos(VideoListParams)}. */
    public Flux<VideoJob> listAll(VideoListParams params) {
        return this.client.listAllVideos(params);
    }

    /** See {@link ReactiveVideoClient#listAllVideos()}. */
    public Flux<VideoJob> listAll() {
        return this.client.listAllVideos();
    }

    /** See {@link ReactiveVideoClient#getVideo(String)}. */
    public Mono<VideoJob> get(String videoId) {
        return this.client.getVideo(videoId);
    }

    /** See {@link ReactiveVideoClient#getVideoContent(String)}. */
    public Mono<ReactiveVideoContent> content(String videoId) {
        return this.client.getVideoContent(videoId);
    }

    /** See {@link ReactiveVideoClient#downloadVideoContent(String, Path)}. */
    public Mono<Path> download(String videoId, Path target) {
        return this.client.downloadVideoContent(videoId, target);
    }

    /** See {@link ReactiveVideoClient#getVideoDownloadUrl(String, DownloadUrlOptions)}. */
    public Mono<SignedDownloadUrl> downloadUrl(String videoId, DownloadUrlOptions options) {
        return this.client.getVideoDownloadUrl(videoId, options);
    }

    /** See {@link ReactiveVideoClient#getVideoDownloadUrl(String)}. */
    public Mono<SignedDownloadUrl> downloadUrl(String videoId) {
        return this.client.getVideoDownloadUrl(videoId);
    }

    /** See {@link ReactiveVideoClient#cancelVideo(String)}. */
    public Mono<VideoJob> cancel(String videoId) {
        return this.client.cancelVideo(videoId);
    }

    /** See {@link ReactiveVideoClient#deleteVideo(String)}. */
    public Mono<VideoDeleted> delete(String videoId) {
        return this.client.deleteVideo(videoId);
    }

    /** See {@link ReactiveVideoClient#listVideoModels()}. */
    public Mono<VideoModelList> listModels() {
        return this.client.listVideoModels();
    }

    /**
     * See {@link ReactiveVideoClient#getAsyncJobWebSocketUrl(String, String, WebSocketUrlOptions)} with the kind
     * {@value #KIND}.
     */
    public URI websocketUrl(String videoId, WebSocketUrlOptions options) {
        return this.client.getAsyncJobWebSocketUrl(KIND, videoId, options);
    }

    /** See {@link ReactiveVideoClient#getAsyncJobWebSocketUrl(String, String)} with the kind {@value #KIND}. */
    public URI websocketUrl(String videoId) {
        return this.client.getAsyncJobWebSocketUrl(KIND, videoId);
    }
}
