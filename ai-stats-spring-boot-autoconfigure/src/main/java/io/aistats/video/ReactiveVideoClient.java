package io.aistats.video;

import io.aistats.video.error.JobTimeoutException;
import io.aistats.video.model.DownloadUrlOptions;
import io.aistats.video.model.JobStreamSettings;
import io.aistats.video.model.SignedDownloadUrl;
import io.aistats.video.model.VideoDeleted;
import io.aistats.video.model.VideoGenerationRequest;
import io.aistats.video.model.VideoJob;
import io.aistats.video.model.VideoJobUpdate;
import io.aistats.video.model.VideoListParams;
import io.aistats.video.model.VideoModelList;
import io.aistats.video.model.VideoPage;
import io.aistats.video.model.WebSocketUrlOptions;
import io.aistats.video.observation.VideoOperationObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reactive client of the gateway's video API. Every operation is implemented here once; {@link VideoClient} blocks on
 * it. Failures are signalled as the unchecked exceptions of {@code io.aistats.video.error}.
 * <p>
 * Safe requests (GET, DELETE, download URL) are retried on transient failures; {@link #generateVideo} never is once
 * its request may have reached the gateway, because a second job would be billed twice.
 */
public interface ReactiveVideoClient {

    /**
     * Creates a client over a WebClient derived from the given builder. The builder is cloned, never modified, so
     * whatever it carries (connector, observations, codecs, filters) applies to the client's requests. Nothing is
     * checked against the gateway here; a missing API key fails each call, not the construction.
     * @param webClientBuilder the builder to derive the HTTP client from (in Spring Boot, the application's
     * {@code WebClient.Builder})
     * @param settings base URL, key, timeouts, retries and request defaults
     * @return the client
     */
    static ReactiveVideoClient create(WebClient.Builder webClientBuilder, VideoClientSettings settings) {
        WebClient.Builder copy = Objects.requireNonNull(webClientBuilder, "webClientBuilder must not be null").clone();
        return new DefaultReactiveVideoClient(() -> copy, settings, Options.defaults());
    }

    /**
     * Creates a client with what the auto-configuration adds: a builder asked for on the first call (so that creating
     * the client costs little), stream settings, creation listeners and observations.
     * @param webClientBuilder supplies the builder to derive the HTTP client from, asked at most once, on first use;
     * the builder is cloned, never modified
     * @param settings base URL, key, timeouts, retries and request defaults
     * @param options the lifecycle stream settings, creation listeners and observations; {@link Options#defaults()}
     * for none
     * @return the client
     */
    static ReactiveVideoClient create(Supplier<WebClient.Builder> webClientBuilder, VideoClientSettings settings,
            Options options) {
        return new DefaultReactiveVideoClient(webClientBuilder, settings, options);
    }

    /**
     * Starts a video generation job ({@code POST /videos}).
     * @param request what to generate; validated before anything is sent
     * @return the new job as the create call reports it (status {@code queued} normally); store its id
     */
    Mono<VideoJob> generateVideo(VideoGenerationRequest request);

    /**
     * Lists jobs, one page ({@code GET /videos}). An explicit {@code limit} is always sent.
     * @param params filters and paging
     * @return the page
     */
    Mono<VideoPage> listVideos(VideoListParams params);

    /**
     * Lists the first page of jobs with the default parameters, as the TypeScript SDK's {@code listVideos()}.
     * @return the page
     * @see VideoListParams#defaults()
     */
    default Mono<VideoPage> listVideos() {
        return listVideos(VideoListParams.defaults());
    }

    /**
     * Lists jobs across pages, following {@code after} while the gateway reports more.
     * @param params filters; the page size is the limit of each request
     * @return every job of the gateway's list window, in order
     */
    Flux<VideoJob> listAllVideos(VideoListParams params);

    /**
     * Lists jobs across pages with the default parameters.
     * @return every job of the gateway's list window, in order
     * @see VideoListParams#defaults()
     */
    default Flux<VideoJob> listAllVideos() {
        return listAllVideos(VideoListParams.defaults());
    }

    /**
     * Reads a job ({@code GET /videos/{id}}).
     * @param videoId the gateway's video id ({@code G-...})
     * @return the job
     */
    Mono<VideoJob> getVideo(String videoId);

    /**
     * Streams a completed job's video ({@code GET /videos/{id}/content}). The body must be consumed or cancelled.
     * @param videoId the gateway's video id
     * @return the response headers with the body as a stream of buffers
     */
    Mono<ReactiveVideoContent> getVideoContent(String videoId);

    /**
     * Downloads a completed job's video to a file with bounded memory. The file appears atomically: on any failure no
     * partial file is left at {@code target}. A video larger than {@link VideoClientSettings#maxDownloadSize()}
     * fails with {@link io.aistats.video.error.VideoContentTooLargeException}.
     * @param videoId the gateway's video id
     * @param target the file to write (replaced if it exists)
     * @return the target once complete
     */
    Mono<Path> downloadVideoContent(String videoId, Path target);

    /**
     * Like {@link #downloadVideoContent(String, Path)} with another bound on the video's size for this call.
     * @param videoId the gateway's video id
     * @param target the file to write (replaced if it exists)
     * @param maxSize the largest video written; a larger one fails with
     * {@link io.aistats.video.error.VideoContentTooLargeException} and leaves no file
     * @return the target once complete
     */
    default Mono<Path> downloadVideoContent(String videoId, Path target, DataSize maxSize) {
        return withSettings((settings) -> settings.maxDownloadSize(maxSize)).downloadVideoContent(videoId, target);
    }

    /**
     * Issues a signed link to a completed job's video ({@code POST /videos/{id}/download_url}).
     * @param videoId the gateway's video id
     * @param options time to live, disposition and output index
     * @return the link and its expiry
     */
    Mono<SignedDownloadUrl> getVideoDownloadUrl(String videoId, DownloadUrlOptions options);

    /**
     * Issues a signed link with the gateway's defaults (15 minutes, attachment, first output): no option is sent.
     * @param videoId the gateway's video id
     * @return the link and its expiry
     */
    default Mono<SignedDownloadUrl> getVideoDownloadUrl(String videoId) {
        return getVideoDownloadUrl(videoId, DownloadUrlOptions.defaults());
    }

    /**
     * Asks the gateway to cancel a job ({@code POST /videos/{id}/cancel}); never retried. The live gateway has
     * cancellation disabled and answers with a {@code VideoCancellationUnsupportedException} (reason
     * {@code video_cancellation_disabled}). Should it switch cancellation on: the cancelled job is returned; a job
     * already completed, failed, cancelled or expired gives a {@code GatewayValidationException} (reason
     * {@code video_cancel_requires_non_terminal_status}, the job's status in {@code jobStatus()}); a provider that
     * cannot cancel gives a {@code VideoCancellationUnsupportedException} (reason
     * {@code video_cancel_provider_not_supported}); a provider failure an {@code UpstreamException} (502).
     * @param videoId the gateway's video id
     * @return the job, with status {@code cancelled}
     */
    Mono<VideoJob> cancelVideo(String videoId);

    /**
     * Deletes a completed or failed job ({@code DELETE /videos/{id}}).
     * @param videoId the gateway's video id
     * @return the gateway's confirmation
     */
    Mono<VideoDeleted> deleteVideo(String videoId);

    /**
     * Lists the video models the workspace can use ({@code GET /videos/models}).
     * @return the catalogue
     */
    Mono<VideoModelList> listVideoModels();

    /**
     * Builds the lifecycle stream URL of an asynchronous job ({@code /async/{kind}/{id}/ws}, scheme {@code ws} or
     * {@code wss}).
     * @param kind the job kind, {@code video}
     * @param id the job id
     * @param options {@code interval_ms} and {@code close_on_terminal}
     * @return the URL
     */
    URI getAsyncJobWebSocketUrl(String kind, String id, WebSocketUrlOptions options);

    /**
     * Builds the lifecycle stream URL of an asynchronous job without query options: the gateway's defaults apply.
     * @param kind the job kind, {@code video}
     * @param id the job id
     * @return the URL
     */
    default URI getAsyncJobWebSocketUrl(String kind, String id) {
        return getAsyncJobWebSocketUrl(kind, id, WebSocketUrlOptions.defaults());
    }

    /**
     * Follows a job over the gateway's lifecycle stream ({@code /async/video/{id}/ws}) until it ends, polling
     * {@code GET /videos/{id}} while the stream cannot be opened or after it dropped, and reconnecting with back-off.
     * Only updates that tell something new pass, so no phase is reported twice. See {@link JobStreamClient#stream}.
     * @param videoId the gateway's video id ({@code G-...})
     * @param options {@code interval_ms} and {@code close_on_terminal}
     * @return the updates, completing after the terminal status; subscribing opens the stream, cancelling closes it
     */
    Flux<VideoJobUpdate> streamVideo(String videoId, WebSocketUrlOptions options);

    /**
     * Follows a job over the lifecycle stream with the gateway's defaults; see
     * {@link #streamVideo(String, WebSocketUrlOptions)}.
     * @param videoId the gateway's video id ({@code G-...})
     * @return the updates, completing after the terminal status
     */
    default Flux<VideoJobUpdate> streamVideo(String videoId) {
        return streamVideo(videoId, WebSocketUrlOptions.defaults());
    }

    /**
     * Waits for a job to reach a terminal status (completed, failed, cancelled or expired) over the lifecycle stream,
     * polling while it is unavailable. On timeout the job is left alone.
     * @param videoId the gateway's video id ({@code G-...})
     * @param timeout how long to wait at most; positive
     * @return the job in its terminal status; fails with a {@link JobTimeoutException} naming the job and the timeout
     */
    Mono<VideoJob> awaitCompletion(String videoId, Duration timeout);

    /**
     * The same operations under the short names of the gateway's TypeScript SDK ({@code videos.create}, ...).
     * @return the resource view
     */
    default ReactiveVideos videos() {
        return new ReactiveVideos(this);
    }

    /**
     * Derives a client with changed settings (another key or base URL, say) that shares this client's transport
     * configuration. This client is unchanged.
     * @param change edits a builder initialised with this client's settings
     * @return the derived client
     */
    ReactiveVideoClient withSettings(Consumer<VideoClientSettings.Builder> change);

    /**
     * @return the settings of this client
     */
    VideoClientSettings settings();

    /**
     * What a client needs beyond its settings, each with a default. Derived clients ({@link #withSettings}) keep
     * it.
     *
     * @param streamSettings keep-alive, reconnection and polling of the lifecycle stream
     * @param creationListeners told about every job the client (or one derived from it) creates, in order, before the
     * caller receives it; a failing listener is logged and does not fail the create call
     * @param observationRegistry records an {@code aistats.video.operation} observation per operation (see
     * {@link io.aistats.video.observation.VideoObservationDocumentation}); {@link ObservationRegistry#NOOP} for none
     * @param observationConvention names and tags those observations, or {@code null} for
     * {@link io.aistats.video.observation.DefaultVideoOperationObservationConvention}
     */
    record Options(JobStreamSettings streamSettings, List<VideoJobCreationListener> creationListeners,
            ObservationRegistry observationRegistry,
            @Nullable VideoOperationObservationConvention observationConvention) {

        private static final Options DEFAULTS = new Options(JobStreamSettings.defaults(), List.of(),
                ObservationRegistry.NOOP, null);

        public Options {
            Objects.requireNonNull(streamSettings, "streamSettings must not be null");
            creationListeners = List.copyOf(creationListeners);
            Objects.requireNonNull(observationRegistry, "observationRegistry must not be null");
        }

        /**
         * @return the default stream settings, no listener, no observation
         */
        public static Options defaults() {
            return DEFAULTS;
        }

        /** @return a copy with these stream settings */
        public Options withStreamSettings(JobStreamSettings streamSettings) {
            return new Options(streamSettings, this.creationListeners, this.observationRegistry,
                    this.observationConvention);
        }

        /** @return a copy with these creation listeners */
        public Options withCreationListeners(List<VideoJobCreationListener> creationListeners) {
            return new Options(this.streamSettings, creationListeners, this.observationRegistry,
                    this.observationConvention);
        }

        /** @return a copy with this observation registry and convention ({@code null} for the default one) */
        public Options withObservations(ObservationRegistry observationRegistry,
                @Nullable VideoOperationObservationConvention observationConvention) {
            return new Options(this.streamSettings, this.creationListeners, observationRegistry,
                    observationConvention);
        }
    }
}
