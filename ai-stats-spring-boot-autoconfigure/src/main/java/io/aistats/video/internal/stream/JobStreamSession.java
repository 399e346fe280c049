package io.aistats.video.internal.stream;

import io.aistats.video.error.AiStatsConnectionException;
import io.aistats.video.error.AiStatsTimeoutException;
import io.aistats.video.model.JobStreamSettings;
import io.aistats.video.model.VideoJobUpdate;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One connection to a job's lifecycle stream: opens the socket with the bearer key on the upgrade, sends a raw
 * {@code ping} as keep-alive, turns frames into updates and ends after the first final update (terminal status or
 * {@code job.deleted}), closing the socket itself when the gateway does not (an expired job, or
 * {@code close_on_terminal=false}). A socket that closes, falls silent or fails before that ends the updates with an
 * error.
 */
public final class JobStreamSession {

    /** Largest frame accepted; job data with diagnostics stays far below. */
    static final int MAX_FRAME_BYTES = 1024 * 1024;

    /** Largest part of a refused upgrade's body kept for the error. */
    static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

    private static final Log logger = LogFactory.getLog(JobStreamSession.class);

    private final HttpClient httpClient;

    private final URI uri;

    private final HttpHeaders headers;

    private final String apiKey;

    private final String videoId;

    private final Duration handshakeTimeout;

    private final JobStreamSettings settings;

    /**
     * @param httpClient the connection settings (connect timeout, resources); one fresh connection per session
     * @param uri the stream URL with its query
     * @param headers the upgrade request headers, {@code Authorization} included
     * @param apiKey the key, never to be echoed in an error
     * @param videoId the job, for messages
     * @param handshakeTimeout how long the upgrade may take
     * @param settings keep-alive and silence limits
     */
    public JobStreamSession(HttpClient httpClient, URI uri, HttpHeaders headers, String apiKey, String videoId,
            Duration handshakeTimeout, JobStreamSettings settings) {
        this.httpClient = httpClient;
        this.uri = uri;
        this.headers = headers;
        this.apiKey = apiKey;
        this.videoId = videoId;
        this.handshakeTimeout = handshakeTimeout;
        this.settings = settings;
    }

    /**
     * @return the updates of one connection, completing after the first final update; fails with the client's
     * exceptions (the gateway's error for a refused upgrade, a connection exception otherwise)
     */
    public Flux<VideoJobUpdate> open() {
        return Flux.create(this::run, FluxSink.OverflowStrategy.BUFFER);
    }

    private void run(FluxSink<VideoJobUpdate> sink) {
        HandshakeResponseCapture capture = new HandshakeResponseCapture(MAX_ERROR_BODY_BYTES);
        ReactorNettyWebSocketClient client = new ReactorNettyWebSocketClient(
                this.httpClient.doOnConnected((connection) -> connection.addHandlerLast(HandshakeResponseCapture.NAME,
                        capture)),
                () -> WebsocketClientSpec.builder().maxFramePayloadLength(MAX_FRAME_BYTES));
        AtomicBoolean opened = new AtomicBoolean();
        String operation = "lifecycle stream of video job " + this.videoId;
        Disposable handshakeTimer = Mono.delay(this.handshakeTimeout).subscribe((tick) -> {
            if (!opened.get()) {
                sink.error(new AiStatsTimeoutException("The " + operation + " did not open within the connect and "
                        + "response timeouts (" + this.handshakeTimeout + ")", null));
            }
        });
        Disposable connection = client.execute(this.uri, this.headers, (session) -> {
            opened.set(true);
            handshakeTimer.dispose();
            return handle(session, sink, operation);
        }).subscribe(null, (failure) -> sink.error(StreamFailures.translate(failure, capture, this.apiKey, operation)),
                sink::complete);
        sink.onDispose(() -> {
            handshakeTimer.dispose();
            connection.dispose();
        });
    }

    private Mono<Void> handle(WebSocketSession session, FluxSink<VideoJobUpdate> sink, String operation) {
        if (logger.isDebugEnabled()) {
            logger.debug("Opened the " + operation);
        }
        AtomicBoolean finished = new AtomicBoolean();
        Duration idleTimeout = this.settings.idleTimeout();
        Mono<Void> receiving = session.receive()
            // every frame, a pong included, proves the connection alive
            .timeout(idleTimeout)
            .onErrorMap(TimeoutException.class, (ex) -> new AiStatsTimeoutException("The " + operation
                    + " sent nothing, not even a pong, for " + idleTimeout, ex))
            .filter((message) -> message.getType() == WebSocketMessage.Type.TEXT)
            .doOnNext((message) -> {
                if (finished.get()) {
                    // after a final update only the close is of interest (a completed job with
                    // close_on_terminal=false sends an update on every tick)
                    return;
                }
                VideoJobUpdate update = StreamFrames.parse(message.getPayloadAsText(), Instant.now());
                if (update == null) {
                    return;
                }
                sink.next(update);
                if (update.isFinal() && finished.compareAndSet(false, true)) {
                    // the gateway does not close on an expired job: close here, normally, which also ends receive()
                    session.close(CloseStatus.NORMAL).subscribe(null, (ex) -> {
                    });
                }
            })
            .then(Mono.defer(() -> finished.get() ? Mono.<Void>empty()
                    : Mono.error(new AiStatsConnectionException("The " + operation
                            + " closed before the job reached a terminal status", null))));
        Duration keepAlive = this.settings.keepAliveInterval();
        Mono<Void> pinging = session.send(Flux.interval(keepAlive, keepAlive)
                .map((tick) -> session.textMessage(StreamFrames.PING)))
            // a failed ping means a closed connection, which receiving reports better
            .onErrorResume((ex) -> Mono.empty())
            .then(Mono.never());
        return Mono.firstWithSignal(receiving, pinging);
    }
}
