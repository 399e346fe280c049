package io.aistats.video;

import io.aistats.video.error.AiStatsDecodingException;
import io.aistats.video.internal.http.GatewayCall;
import io.aistats.video.internal.http.GatewayTransport;
import io.aistats.video.internal.http.GatewayUris;
import io.aistats.video.internal.http.StreamedResponse;
import io.aistats.video.internal.util.Lazy;
import io.aistats.video.internal.util.PathIds;
import io.aistats.video.model.DownloadUrlOptions;
import io.aistats.video.model.ListOrder;
import io.aistats.video.model.SignedDownloadUrl;
import io.aistats.video.model.VideoDeleted;
import io.aistats.video.model.VideoGenerationRequest;
import io.aistats.video.model.VideoJob;
import io.aistats.video.model.VideoJobUpdate;
import io.aistats.video.model.VideoListParams;
import io.aistats.video.model.VideoModelList;
import io.aistats.video.model.VideoPage;
import io.aistats.video.model.WebSocketUrlOptions;
import io.aistats.video.observation.VideoOperation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The implementation of {@link ReactiveVideoClient} over the WebClient transport, made by the interface's
 * {@code create} methods.
 * <p>
 * {@link #generateVideo} is sent exactly once: it is not retried on any failure, not even a refused connection,
 * because the gateway has no idempotency key and a repeated create could start and bill a second job. Cancel is
 * not retried either. Reads, deletes and download links are retried on transient failures.
 * <p>
 * The client asks for its {@link WebClient.Builder} and builds its HTTP client and its lifecycle stream client on
 * its first call rather than when it is created, so that creating it (at application startup, say) costs little.
 */
final class DefaultReactiveVideoClient implements ReactiveVideoClient {

    private static final String VIDEOS = "videos";

    private static final Log logger = LogFactory.getLog(DefaultReactiveVideoClient.class);

    private final Lazy<WebClient.Builder> webClientBuilder;

    private final VideoClientSettings settings;

    private final Options options;

    private final GatewayTransport transport;

    private final Lazy<JobStreamClient> streams;

    private final ObservedOperations observations;

    /**
     * @param webClientBuilder supplies the builder to derive the HTTP client from, asked at most once, on first use;
     * the builder is cloned, never modified
     * @param settings base URL, key, timeouts, retries and request defaults
     * @param options the lifecycle stream settings, creation listeners and observations; {@link Options#defaults()}
     * for none
     */
    DefaultReactiveVideoClient(Supplier<WebClient.Builder> webClientBuilder, VideoClientSettings settings,
            Options options) {
        // a derived client passes its parent's Lazy, which Lazy.of keeps, so that both share one resolved builder
        this.webClientBuilder = Lazy.of(Objects.requireNonNull(webClientBuilder, "webClientBuilder must not be null"));
        this.settings = Objects.requireNonNull(settings, "settings must not be null");
        this.options = Objects.requireNonNull(options, "options must not be null");
        // the transport asks for the builder on its first request and clones it, leaving it for derived clients
        this.transport = new GatewayTransport(this.webClientBuilder, settings);
        this.streams = Lazy.of(() -> new JobStreamClient(this, options.streamSettings()));
        this.observations = new ObservedOperations(options.observationRegistry(), options.observationConvention());
    }

    @Override
    public Mono<VideoJob> generateVideo(VideoGenerationRequest request) {
        Objects.requireNonNull(request, "request must not be null");
        return observe(VideoOperation.GENERATE, null, Mono.defer(() -> {
            VideoGenerationRequest effective = request.withDefaults(this.settings.defaultModel(),
                this.settings.defaultOutputAccess(), this.settings.defaultWebhookEndpointId());
            URI uri = uris().segments(VIDEOS).build();
            return this.transport.exchange(GatewayCall.onceOnlyPost(uri, effective, "POST /videos")
                .withUriTemplate("/videos"), VideoJob.class, DefaultReactiveVideoClient::requireJobId)
                .flatMap((job) -> notifyCreated(job).thenReturn(job));
        }));
    }

    @Override
    public Mono<VideoPage> listVideos(VideoListParams params) {
        Objects.requireNonNull(params, "params must not be null");
        return observe(VideoOperation.LIST, null, Mono.defer(() -> {
            ListOrder order = params.order();
            URI uri = uris().segments(VIDEOS)
                .query("limit", params.limit())
                .queryJoined("status", params.statuses())
                .query("order", (order != null) ? order.wireValue() : null)
                .query("after", params.after())
                .build();
            return this.transport.exchange(GatewayCall.get(uri, "GET /videos").withUriTemplate("/videos"),
                VideoPage.class);
        }));
    }

    @Override
    public Flux<VideoJob> listAllVideos(VideoListParams params) {
        Objects.requireNonNull(params, "params must not be null");
        return Flux.defer(() -> {
            // the gateway restarts at the top for a cursor outside its window: a cursor seen before ends the walk,
            // and jobs already emitted are not emitted again
            Set<String> cursors = new HashSet<>();
            Set<String> seenJobs = new HashSet<>();
            return listVideos(params)
                .expand((page) -> {
                    String next = nextCursor(page);
                    return (next != null && cursors.add(next)) ? listVideos(params.withAfter(next)) : Mono.empty();
                })
                // one page at a time, so that pages are fetched as the consumer gets to them
                .concatMapIterable(VideoPage::data, 1)
                .filter((job) -> job.id() == null || seenJobs.add(job.id()));
        });
    }

    @Override
    public Mono<VideoJob> getVideo(String videoId) {
        return observe(VideoOperation.GET, videoId, Mono.defer(() -> {
            String id = requireVideoId(videoId);
            URI uri = uris().segments(VIDEOS, id).build();
            return this.transport.exchange(GatewayCall.get(uri, "GET /videos/" + id)
                .withUriTemplate("/videos/{id}"), VideoJob.class);
        }));
    }

    @Override
    public Mono<ReactiveVideoContent> getVideoContent(String videoId) {
        return observe(VideoOperation.CONTENT, videoId, Mono.defer(() -> {
            String id = requireVideoId(videoId);
            URI uri = uris().segments(VIDEOS, id, "content").build();
            return this.transport.stream(GatewayCall.get(uri, "GET /videos/" + id + "/content")
                    .withUriTemplate("/videos/{id}/content"))
                .map((response) -> toContent(id, response));
        }));
    }

    @Override
    public Mono<Path> downloadVideoContent(String videoId, Path target) {
        return observe(VideoOperation.DOWNLOAD, videoId, Mono.defer(() -> {
            requireVideoId(videoId);
            Objects.requireNonNull(target, "target must not be null");
            return new FileDownload(target, this.settings.maxDownloadSize().toBytes()).run(getVideoContent(videoId));
        }));
    }

    @Override
    public Mono<SignedDownloadUrl> getVideoDownloadUrl(String videoId, DownloadUrlOptions options) {
        return observe(VideoOperation.DOWNLOAD_URL, videoId, Mono.defer(() -> {
            String id = requireVideoId(videoId);
            Map<String, Object> body = (options != null) ? options.toRequestBody() : Map.of();
            URI uri = uris().segments(VIDEOS, id, "download_url").build();
            return this.transport.exchange(GatewayCall.safePost(uri, body, "POST /videos/" + id + "/download_url")
                .withUriTemplate("/videos/{id}/download_url"), SignedDownloadUrl.class);
        }));
    }

    @Override
    public Mono<VideoJob> cancelVideo(String videoId) {
        return observe(VideoOperation.CANCEL, videoId, Mono.defer(() -> {
            String id = requireVideoId(videoId);
            URI uri = uris().segments(VIDEOS, id, "cancel").build();
            return this.transport.exchange(GatewayCall.onceOnlyPost(uri, null, "POST /videos/" + id + "/cancel")
                .withUriTemplate("/videos/{id}/cancel"), VideoJob.class);
        }));
    }

    @Override
    public Mono<VideoDeleted> deleteVideo(String videoId) {
        return observe(VideoOperation.DELETE, videoId, Mono.defer(() -> {
            String id = requireVideoId(videoId);
            URI uri = uris().segments(VIDEOS, id).build();
            return this.transport.exchange(GatewayCall.delete(uri, "DELETE /videos/" + id)
                .withUriTemplate("/videos/{id}"), VideoDeleted.class);
        }));
    }

    @Override
    public Mono<VideoModelList> listVideoModels() {
        return observe(VideoOperation.MODELS, null, Mono.defer(() -> {
            URI uri = uris().segments(VIDEOS, "models").build();
            return this.transport.exchange(GatewayCall.get(uri, "GET /videos/models")
                .withUriTemplate("/videos/models"), VideoModelList.class);
        }));
    }

    @Override
    public URI getAsyncJobWebSocketUrl(String kind, String id, WebSocketUrlOptions options) {
        String jobKind = PathIds.require(kind, "kind");
        String jobId = PathIds.require(id, "id");
        GatewayUris uri = uris().segments("async", jobKind, jobId, "ws");
        if (options != null) {
            options.toQueryParameters().forEach(uri::query);
        }
        return uri.buildWebSocket();
    }

    @Override
    public Flux<VideoJobUpdate> streamVideo(String videoId, WebSocketUrlOptions options) {
        return this.observations.observe(VideoOperation.STREAM, videoId, this.streams.get().stream(videoId, options));
    }

    @Override
    public Mono<VideoJob> awaitCompletion(String videoId, Duration timeout) {
        return observe(VideoOperation.AWAIT, videoId, this.streams.get().awaitCompletion(videoId, timeout));
    }

    @Override
    public ReactiveVideoClient withSettings(Consumer<VideoClientSettings.Builder> change) {
        Objects.requireNonNull(change, "change must not be null");
        VideoClientSettings.Builder builder = this.settings.toBuilder();
        change.accept(builder);
        return new DefaultReactiveVideoClient(this.webClientBuilder, builder.build(), this.options);
    }

    @Override
    public VideoClientSettings settings() {
        return this.settings;
    }

    @Override
    public String toString() {
        return "DefaultReactiveVideoClient{" + this.settings + "}";
    }

    private <T> Mono<T> observe(VideoOperation operation, @Nullable String videoId, Mono<T> operationCall) {
        return this.observations.observe(operation, videoId, operationCall);
    }

    private GatewayUris uris() {
        return GatewayUris.from(this.settings.baseUrl());
    }

    private Mono<Void> notifyCreated(VideoJob job) {
        List<VideoJobCreationListener> listeners = this.options.creationListeners();
        if (listeners.isEmpty()) {
            return Mono.empty();
        }
        return Flux.fromIterable(listeners)
            .concatMap((listener) -> Mono.defer(() -> listener.created(job))
                .onErrorResume(RuntimeException.class, (ex) -> {
                    logger.warn("A job creation listener failed on video job " + job.id(), ex);
                    return Mono.empty();
                }))
            .then();
    }

    private static @Nullable String nextCursor(VideoPage page) {
        List<VideoJob> data = page.data();
        if (!page.hasMore() || data.isEmpty()) {
            return null;
        }
        return (page.lastId() != null) ? page.lastId() : data.get(data.size() - 1).id();
    }

    private static ReactiveVideoContent toContent(String videoId, StreamedResponse response) {
        HttpHeaders headers = response.headers();
        long length = headers.getContentLength();
        return new ReactiveVideoContent(videoId, headers.getFirst(HttpHeaders.CONTENT_TYPE),
            (length >= 0) ? OptionalLong.of(length) : OptionalLong.empty(),
            headers.getFirst(HttpHeaders.CONTENT_DISPOSITION), response.body());
    }

    private static void requireJobId(VideoJob job, int statusCode) {
        if (job.id() == null || job.id().isBlank()) {
            throw new AiStatsDecodingException("The gateway accepted the video request (HTTP " + statusCode
                + ") but its answer has no job id; check the job list before creating it again", statusCode, null);
        }
    }

    private static String requireVideoId(@Nullable String videoId) {
        return PathIds.require(videoId, "video_id");
    }
}
