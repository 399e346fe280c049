package io.aistats.video;

import io.aistats.video.error.AiStatsTimeoutException;
import io.aistats.video.internal.http.BlockingCalls;
import io.aistats.video.model.DownloadUrlOptions;
import io.aistats.video.model.SignedDownloadUrl;
import io.aistats.video.model.VideoDeleted;
import io.aistats.video.model.VideoGenerationRequest;
import io.aistats.video.model.VideoJob;
import io.aistats.video.model.VideoJobStream;
import io.aistats.video.model.VideoListParams;
import io.aistats.video.model.VideoModelList;
import io.aistats.video.model.VideoPage;
import io.aistats.video.model.WebSocketUrlOptions;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The implementation of {@link VideoClient}: each call subscribes to the {@link ReactiveVideoClient} and waits at
 * most {@link VideoClientSettings#callTimeout()}, retries included. Create it with
 * {@link VideoClient#create(ReactiveVideoClient)}.
 * <p>
 * Failures surface as the client's exceptions, never wrapped in Reactor's; a missed deadline is an
 * {@link AiStatsTimeoutException}. Must not be called from a non-blocking thread (an event loop).
 */
final class DefaultVideoClient implements VideoClient {

    private final ReactiveVideoClient reactive;

    /**
     * @param reactive the client to delegate to
     */
    DefaultVideoClient(ReactiveVideoClient reactive) {
        this.reactive = Objects.requireNonNull(reactive, "reactive must not be null");
    }

    @Override
    public VideoJob generateVideo(VideoGenerationRequest request) {
        return await(this.reactive.generateVideo(request), "POST /videos");
    }

    @Override
    public VideoPage listVideos(VideoListParams params) {
        return await(this.reactive.listVideos(params), "GET /videos");
    }

    /**
     * {@inheritDoc}
     * <p>
     * Pages are fetched as the stream is consumed; each page request is bounded by the connect and response
     * timeouts and retried like any read.
     */
    @Override
    public Stream<VideoJob> listAllVideos(VideoListParams params) {
        Objects.requireNonNull(params, "params must not be null");
        return this.reactive.listAllVideos(params).toStream(params.limit());
    }

    @Override
    public VideoJob getVideo(String videoId) {
        return await(this.reactive.getVideo(videoId), "GET /videos/{id}");
    }

    /**
     * {@inheritDoc}
     * <p>
     * The call timeout bounds the wait for the response headers; reading the body is bounded by the response
     * timeout between chunks.
     */
    @Override
    public VideoContent getVideoContent(String videoId) {
        return new VideoContent(await(this.reactive.getVideoContent(videoId), "GET /videos/{id}/content"));
    }

    /**
     * {@inheritDoc}
     * <p>
     * The whole download must finish within the call timeout; raise it for large videos on slow links, or use the
     * reactive client.
     */
    @Override
    public Path downloadVideoContent(String videoId, Path target) {
        return await(this.reactive.downloadVideoContent(videoId, target), "download of /videos/{id}/content");
    }

    @Override
    public SignedDownloadUrl getVideoDownloadUrl(String videoId, DownloadUrlOptions options) {
        return await(this.reactive.getVideoDownloadUrl(videoId, options), "POST /videos/{id}/download_url");
    }

    @Override
    public VideoJob cancelVideo(String videoId) {
        return await(this.reactive.cancelVideo(videoId), "POST /videos/{id}/cancel");
    }

    @Override
    public VideoDeleted deleteVideo(String videoId) {
        return await(this.reactive.deleteVideo(videoId), "DELETE /videos/{id}");
    }

    @Override
    public VideoModelList listVideoModels() {
        return await(this.reactive.listVideoModels(), "GET /videos/models");
    }

    @Override
    public URI getAsyncJobWebSocketUrl(String kind, String id, WebSocketUrlOptions options) {
        return this.reactive.getAsyncJobWebSocketUrl(kind, id, options);
    }

    @Override
    public VideoJobStream streamVideo(String videoId, WebSocketUrlOptions options) {
        return VideoJobStream.of(this.reactive.streamVideo(videoId, options));
    }

    /**
     * {@inheritDoc}
     * <p>
     * Blocks for up to {@code timeout}, not the call timeout.
     */
    @Override
    public VideoJob awaitCompletion(String videoId, Duration timeout) {
        return BlockingCalls.await(this.reactive.awaitCompletion(videoId, timeout), null,
                "waiting for video job " + videoId);
    }

    @Override
    public VideoClient withSettings(Consumer<VideoClientSettings.Builder> change) {
        return new DefaultVideoClient(this.reactive.withSettings(change));
    }

    @Override
    public ReactiveVideoClient reactive() {
        return this.reactive;
    }

    @Override
    public String toString() {
        return "DefaultVideoClient{" + this.reactive.settings() + "}";
    }

    private <T> T await(Mono<T> call, String operation) {
        return BlockingCalls.await(call, this.reactive.settings().callTimeout(), operation);
    }
}
