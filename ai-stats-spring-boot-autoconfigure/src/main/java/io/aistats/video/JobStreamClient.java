package io.aistats.video;

import io.aistats.video.error.AiStatsConfigurationException;
import io.aistats.video.error.AiStatsException;
import io.aistats.video.error.JobTimeoutException;
import io.aistats.video.error.VideoRequestValidationException;
import io.aistats.video.internal.http.ClientIdentity;
import io.aistats.video.internal.http.GatewayTransport;
import io.aistats.video.internal.stream.JobStreamSession;
import io.aistats.video.internal.stream.ResilientJobStream;
import io.aistats.video.internal.util.PathIds;
import io.aistats.video.model.JobStreamSettings;
import io.aistats.video.model.VideoJob;
import io.aistats.video.model.VideoJobUpdate;
import io.aistats.video.model.WebSocketUrlOptions;
import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.HttpHeaders;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Client of the gateway's WebSocket lifecycle stream ({@code /async/video/{id}/ws}), built on Spring's
 * {@code ReactorNettyWebSocketClient}. The {@link ReactiveVideoClient} exposes it as
 * {@link ReactiveVideoClient#streamVideo} and {@link ReactiveVideoClient#awaitCompletion}; use this class directly
 * for a single connection without fallback ({@link #connect}).
 * <p>
 * Each connection authenticates with {@code Authorization: Bearer} on the upgrade request, sends the raw text
 * {@code ping} every {@link JobStreamSettings#keepAliveInterval()}, and treats a silence longer than
 * {@link JobStreamSettings#idleTimeout()} as a dead connection. A refused upgrade fails with the gateway's error
 * decoded like any other answer: {@code AuthenticationException} (401), {@code NotFoundException} (404, unknown job or
 * another workspace's), {@code UpgradeRequiredException} (426), {@code GatewayValidationException} (400).
 */
public final class JobStreamClient {

    private final ReactiveVideoClient client;

    private final JobStreamSettings settings;

    private final HttpClient httpClient;

    /**
     * @param client the video client whose settings (base URL, key, timeouts) the stream uses and which polls while
     * the stream is unavailable
     * @param settings keep-alive, reconnection and polling settings
     */
    public JobStreamClient(ReactiveVideoClient client, JobStreamSettings settings) {
        this.client = Objects.requireNonNull(client, "client must not be null");
        this.settings = Objects.requireNonNull(settings, "settings must not be null");
        VideoClientSettings clientSettings = client.settings();
        // a fresh connection per stream: an upgraded connection is never shared or returned to a pool
        this.httpClient = HttpClient.newConnection()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                    clientSettings.connectTimeout().toMillis()));
    }

    /**
     * @return the stream settings
     */
    public JobStreamSettings settings() {
        return this.settings;
    }

    /**
     * Opens one connection to a job's lifecycle stream, without reconnection or polling. The updates are the
     * {@code job.snapshot} sent on connection and each {@code job.updated} after it, as the gateway sends them;
     * they complete after the first terminal status (the connection is closed here when the gateway keeps it open, as
     * it does for {@code expired}) or a {@code job.deleted}. The connection opens on subscription and closes on
     * cancellation.
     * @param videoId the gateway's video id ({@code G-...})
     * @param options {@code interval_ms} and {@code close_on_terminal}
     * @return the updates; fails with the gateway's error when the upgrade is refused, with an
     * {@code AiStatsConnectionException} when the connection fails, drops or falls silent before the job ends
     */
    public Flux<VideoJobUpdate> connect(String videoId, WebSocketUrlOptions options) {
        return Flux.defer(() -> {
            String id = requireVideoId(videoId);
            VideoClientSettings clientSettings = this.client.settings();
            String apiKey = clientSettings.apiKey();
            if (apiKey == null) {
                return Flux.error(new AiStatsConfigurationException(GatewayTransport.MISSING_API_KEY_MESSAGE));
            }
            URI uri = this.client.getAsyncJobWebSocketUrl(ReactiveVideos.KIND, id,
                    (options != null) ? options : WebSocketUrlOptions.defaults());
            HttpHeaders headers = new HttpHeaders();
            headers.setBearerAuth(apiKey);
            headers.set(ClientIdentity.CLIENT_HEADER, ClientIdentity.NAME);
            headers.set(ClientIdentity.VERSION_HEADER, ClientIdentity.VERSION);
            Duration handshakeTimeout = clientSettings.connectTimeout().plus(clientSettings.responseTimeout());
            return new JobStreamSession(this.httpClient, uri, headers, apiKey, id, handshakeTimeout, this.settings)
                .open();
        });
    }

    /**
     * Follows a job until it ends, over the lifecycle stream with polling as a fallback: when the socket cannot be
     * opened (a connection failure, 5xx, 429) or drops before the job ends, {@code GET /videos/{id}} is polled
     * (every {@code poll_after_seconds}, or {@link JobStreamSettings#pollInterval()}) while reconnection is retried
     * with growing back-off; when the upgrade is refused with 426 the job is followed by polling only. Only updates
     * that tell something new pass (the first, a changed normalised status, a higher progress), so a phase is never
     * reported twice across reconnections and polls.
     * @param videoId the gateway's video id ({@code G-...})
     * @param options {@code interval_ms} and {@code close_on_terminal} of each connection
     * @return the updates, {@link VideoJobUpdate#isFromStream() from the stream} or {@link VideoJobUpdate.Type#POLLED
     * polled}, completing after the first terminal status or {@code job.deleted}; fails on what another attempt cannot
     * fix ({@code AuthenticationException}, {@code NotFoundException}, a missing API key)
     */
    public Flux<VideoJobUpdate> stream(String videoId, WebSocketUrlOptions options) {
        return Flux.defer(() -> {
            String id = requireVideoId(videoId);
            return new ResilientJobStream(id, () -> connect(id, options), this.client::getVideo, this.settings)
                .updates();
        });
    }

    /**
     * Waits for a job to reach a terminal status (completed, failed, cancelled or expired), following it with
     * {@link #stream}. On timeout the job is left alone: nothing is cancelled or deleted.
     * @param videoId the gateway's video id ({@code G-...})
     * @param timeout how long to wait at most; positive
     * @return the job object ({@code GET /videos/{id}}) in its terminal status (check {@link VideoJob#status()}: a
     * failed job is a result, not an error); fails with a {@link JobTimeoutException} naming the job and the
     * timeout, with an {@code AiStatsException} when the job record disappears, or with the stream's unrecoverable
     * failures
     */
    public Mono<VideoJob> awaitCompletion(String videoId, Duration timeout) {
        return Mono.defer(() -> {
            String id = requireVideoId(videoId);
            Duration limit = requirePositive(timeout);
            AtomicReference<@Nullable String> lastStatus = new AtomicReference<>();
            return stream(id, WebSocketUrlOptions.defaults())
                .doOnNext((update) -> {
                    if (update.status() != null) {
                        lastStatus.set(update.status().value());
                    }
                })
                .filter(VideoJobUpdate::isFinal)
                .next()
                .flatMap((update) -> terminalJob(id, update))
                .switchIfEmpty(Mono.error(() -> new AiStatsException("The updates of video job " + id
                        + " ended without a terminal status")))
                .timeout(limit, Mono.error(() -> new JobTimeoutException(id, limit, lastStatus.get())));
        });
    }

    /**
     * The stream carries the job data of webhook deliveries, without {@code error}, {@code outputs} or
     * {@code usage}: read the job object once it ended, keeping the stream's data should that read fail.
     */
    private Mono<VideoJob> terminalJob(String id, VideoJobUpdate update) {
        if (update.type() == VideoJobUpdate.Type.DELETED) {
            return Mono.error(new AiStatsException("Video job " + id + " no longer exists: the lifecycle stream "
                    + "reported job.deleted before a terminal status"));
        }
        if (!update.isFromStream()) {
            return Mono.just(update.job());
        }
        return this.client.getVideo(id)
            .filter(VideoJob::isTerminal)
            .onErrorResume(AiStatsException.class, (ex) -> Mono.empty())
            .defaultIfEmpty(update.job());
    }

    @Override
    public String toString() {
        return "JobStreamClient[" + this.settings + "]";
    }

    private static String requireVideoId(@Nullable String videoId) {
        return PathIds.require(videoId, "video_id");
    }

    private static Duration requirePositive(@Nullable Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new VideoRequestValidationException("timeout", "must be positive but was " + timeout);
        }
        return timeout;
    }
}
