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

    private final VideoClient client;

    Videos(VideoClient client) {
        this.client = Objects.requireNonNull(client, "client must not be null");
    }

    /** See {@link VideoClient#generateVideo(VideoGenerationRequest)}. */
    public VideoJob create(VideoGenerationRequest request) {
        return this.client.generateVideo(request);
    }

    /** See {@link VideoClient#listVideos(VideoListParams)}. */
    public VideoPage list(VideoListParams params) {
        return this.client.listVideos(params);
    }

    /** See {@link VideoClient#listVideos()}. */
    public VideoPage list() {
        return this.client.listVideos();
    }

    /** See {@link VideoClient#listAllVideos(VideoListParams)}. */
    public Stream<VideoJob> listAll(VideoListParams params) {
        return this.client.listAllVideos(params);
    }

    /** See {@link VideoClient#listAllVideos()}. */
    public Stream<VideoJob> listAll() {
        return this.client.listAllVideos();
    }

    /** See {@link VideoClient#getVideo(String)}. */
    public VideoJob get(String videoId) {
        return this.client.getVideo(videoId);
    }

    /** See {@link VideoClient#getVideoContent(String)}. */
    public VideoContent content(String videoId) {
        return this.client.getVideoContent(videoId);
    }

    /** See {@link VideoClient#downloadVideoContent(String, Path)}. */
    public Path download(String videoId, Path target) {
        return this.client.downloadVideoContent(videoId, target);
    }

    /** See {@link VideoClient#getVideoDownloadUrl(String, DownloadUrlOptions)}. */
    public SignedDownloadUrl downloadUrl(String videoId, DownloadUrlOptions options) {
        return this.client.getVideoDownloadUrl(videoId, options);
    }

    /** See {@link VideoClient#getVideoDownloadUrl(String)}. */
    public SignedDownloadUrl downloadUrl(String videoId) {
        return this.client.getVideoDownloadUrl(videoId);
    }

    /** See {@link VideoClient#cancelVideo(String)}. */
    public VideoJob cancel(String videoId) {
        return this.client.cancelVideo(videoId);
    }

    /** See {@link VideoClient#deleteVideo(String)}. */
    public VideoDeleted delete(String videoId) {
        return this.client.deleteVideo(videoId);
    }

    /** See {@link VideoClient#listVideoModels()}. */
    public VideoModelList listModels() {
        return this.client.listVideoModels();
    }

    /**
     * See {@link VideoClient#getAsyncJobWebSocketUrl(String, String, WebSocketUrlOptions)} with the kind
     * {@value ReactiveVideos#KIND}.
     */
    public URI websocketUrl(String videoId, WebSocketUrlOptions options) {
        return this.client.getAsyncJobWebSocketUrl(ReactiveVideos.KIND, videoId, options);
    }

    /** See {@link VideoClient#getAsyncJobWebSocketUrl(String, String)} with the kind {@value ReactiveVideos#KIND}. */
    public URI websocketUrl(String videoId) {
        return this.client.getAsyncJobWebSocketUrl(ReactiveVideos.KIND, videoId);
    }
}
