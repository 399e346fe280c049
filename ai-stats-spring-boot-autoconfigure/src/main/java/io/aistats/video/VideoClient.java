package io.aistats.video;

import io.aistats.video.error.JobTimeoutException;
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
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Blocking client of the gateway's video API. Each call delegates to {@link ReactiveVideoClient} and waits at most
 * the configured call timeout. Failures are thrown as the unchecked exceptions of {@code io.aistats.video.error}.
 */
public interface VideoClient {

    /**
     * Creates a blocking client that delegates to a reactive one.
     * @param reactive the client to delegate to; its settings' call timeout bounds each blocking call
     * @return the client
     */
    static VideoClient create(ReactiveVideoClient reactive) {
        return new DefaultVideoClient(reactive);
    }

    /**
     * Starts a video generation job. Never retried once the request may have reached the gateway.
     * @param request what to generate; validated before anything is sent
     * @return the new job; store its id
     */
    VideoJob generateVideo(VideoGenerationRequest request);

    /**
     * Lists one page of jobs.
     * @param params filters and paging
     * @return the page
     */
    VideoPage listVideos(VideoListParams params);

    /**
     * Lists the first page of jobs with the default parameters, as the TypeScript SDK's {@code listVideos()}.
     * @return the page
     * @see VideoListParams#defaults()
     */
    default VideoPage listVideos() {
        return listVideos(VideoListParams.defaults());
    }

    /**
     * Lists jobs across pages, lazily following {@code after}.
     * @param params filters; the page size is the limit of each request
     * @return the jobs of the gateway's list window; close it to stop early
     */
    Stream<VideoJob> listAllVideos(VideoListParams params);

    /**
     * Lists jobs across pages with the default parameters.
     * @return the jobs of the gateway's list window; close it to stop early
     * @see VideoListParams#defaults()
     */
    default Stream<VideoJob> listAllVideos() {
        return listAllVideos(VideoListParams.defaults());
    }

    /**
     * Reads a job.
     * @param videoId the gateway's video id ({@code G-...})
     * @return the job
     */
    VideoJob getVideo(String videoId);

    /**
     * Opens a completed job's video as a stream. The caller must close it.
     * @param videoId the gateway's video id
     * @return the open content
     */
    VideoContent getVideoContent(String videoId);

    /**
     * Downloads a completed job's video to a file with bounded memory, atomically. A video larger than
     * {@link VideoClientSettings#maxDownloadSize()} fails with
     * {@link io.aistats.video.error.VideoContentTooLargeException} and leaves no file.
     * @param videoId the gateway's video id
     * @param target the file to write (replaced if it exists)
     * @return {@code target}
     */
    Path downloadVideoContent(String videoId, Path target);

    /**
     * Like {@link #downloadVideoContent(String, Path)} with another bound on the video's size for this call.
     * @param videoId the gateway's video id
     * @param target the file to write (replaced if it exists)
     * @param maxSize the largest video written; a larger one fails with
     * {@link io.aistats.video.error.VideoContentTooLargeException} and leaves no file
     * @return {@code target}
     */
    default Path downloadVideoContent(String videoId, Path target, DataSize maxSize) {
        return withSettings((settings) -> settings.maxDownloadSize(maxSize)).downloadVideoContent(videoId, target);
    }

    /**
     * Issues a signed link to a completed job's video.
     * @param videoId the gateway's video id
     * @param options time to live, disposition and output index
     * @return the link and its expiry
     */
    SignedDownloadUrl getVideoDownloadUrl(String videoId, DownloadUrlOptions options);

    /**
     * Issues a signed link with the gateway's defaults (15 minutes, attachment, first output): no option is sent.
     * @param videoId the gateway's video id
     * @return the link and its expiry
     */
    default SignedDownloadUrl getVideoDownloadUrl(String videoId) {
        return getVideoDownloadUrl(videoId, DownloadUrlOptions.defaults());
    }

    /**
     * Asks the gateway to cancel a job; the live gateway answers with a
     * {@code VideoCancellationUnsupportedException}. The answers it may give once cancellation is switched on are
     * listed at {@link ReactiveVideoClient#cancelVideo(String)}.
     * @param videoId the gateway's video id
     * @return the job, with status {@code cancelled}
     */
    VideoJob cancelVideo(String videoId);

    /**
     * Deletes a completed or failed job.
     * @param videoId the gateway's video id
     * @return the gateway's confirmation
     */
    VideoDeleted deleteVideo(String videoId);

    /**
     * Lists the video models the workspace can use.
     * @return the catalogue
     */
    VideoModelList listVideoModels();

    /**
     * Builds the lifecycle stream URL of an asynchronous job.
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
     * Follows a job over the gateway's lifecycle stream until it ends, polling while the stream is unavailable; see
     * {@link ReactiveVideoClient#streamVideo}. Close the returned stream to stop early.
     * @param videoId the gateway's video id ({@code G-...})
     * @param options {@code interval_ms} and {@code close_on_terminal}
     * @return the updates as a blocking iterator, open until closed or the job ended
     */
    VideoJobStream streamVideo(String videoId, WebSocketUrlOptions options);

    /**
     * Follows a job over the lifecycle stream with the gateway's defaults; see
     * {@link #streamVideo(String, WebSocketUrlOptions)}.
     * @param videoId the gateway's video id ({@code G-...})
     * @return the updates as a blocking iterator, open until closed or the job ended
     */
    default VideoJobStream streamVideo(String videoId) {
        return streamVideo(videoId, WebSocketUrlOptions.defaults());
    }

    /**
     * Waits for a job to reach a terminal status (completed, failed, cancelled or expired); the call timeout does not
     * apply, {@code timeout} does. On timeout the job is left alone.
     * @param videoId the gateway's video id ({@code G-...})
     * @param timeout how long to wait at most; positive
     * @return the job in its terminal status
     * @throws JobTimeoutException when the job is still running after {@code timeout}
     */
    VideoJob awaitCompletion(String videoId, Duration timeout);

    /**
     * The same operations under the short names of the gateway's TypeScript SDK.
     * @return the resource view
     */
    default Videos videos() {
        return new Videos(this);
    }

    /**
     * Derives a client with changed settings that shares this client's transport configuration.
     * @param change edits a builder initialised with this client's settings
     * @return the derived client
     */
    VideoClient withSettings(Consumer<VideoClientSettings.Builder> change);

    /**
     * @return the reactive client this one delegates to
     */
    ReactiveVideoClient reactive();
}
