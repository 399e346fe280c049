package io.aistats.video.internal.stream;

import io.aistats.video.error.AiStatsApiException;
import io.aistats.video.error.AiStatsConnectionException;
import io.aistats.video.error.AiStatsDecodingException;
import io.aistats.video.error.AiStatsException;
import io.aistats.video.error.UpgradeRequiredException;
import io.aistats.video.internal.http.ErrorDecoder;
import io.aistats.video.internal.http.FailureTranslator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import org.jspecify.annotations.Nullable;
import reactor.netty.channel.AbortedException;

/**
 * Maps what the WebSocket stack signals to the client's exceptions, and tells which failures are worth another
 * attempt.
 */
final class StreamFailures {

    private StreamFailures() {
    }

    /**
     * @param failure what the stack signalled
     * @param capture the body of a refused upgrade, if one was refused
     * @param apiKey the key, never to be echoed in a message
     * @param operation the stream, for messages
     * @return the client's exception: the decoded gateway error of a refused upgrade (401, 404, 426, ...), a
     * connection or timeout exception, or the failure itself when it is a programming error
     */
    static Throwable translate(Throwable failure, HandshakeResponseCapture capture, @Nullable String apiKey,
            String operation) {
        if (failure instanceof AiStatsException) {
            return failure;
        }
        WebSocketClientHandshakeException handshake = find(failure, WebSocketClientHandshakeException.class);
        HttpResponse response = (handshake != null) ? handshake.response() : null;
        if (response != null && response.status().code() != 101) {
            return ErrorDecoder.decode(response.status().code(), capture.body(), apiKey);
        }
        if (find(failure, WebSocketHandshakeException.class) != null || find(failure, AbortedException.class) != null) {
            return new AiStatsConnectionException(operation + " broke off: " + failure.getMessage(), failure);
        }
        return FailureTranslator.translate(failure, operation);
    }

    /**
     * @param failure a translated failure
     * @return whether another attempt (reconnecting, or polling meanwhile) may succeed: connection failures,
     * timeouts, unreadable answers, 429 and 5xx; not a missing key, bad credentials, an unknown job or a bad request
     */
    static boolean isTransient(Throwable failure) {
        if (failure instanceof AiStatsApiException api) {
            int status = api.statusCode();
            return status == 408 || status == 429 || status >= 500;
        }
        return failure instanceof AiStatsConnectionException || failure instanceof AiStatsDecodingException;
    }

    /**
     * @param failure a translated failure
     * @return whether the WebSocket route cannot be reached at all (an intermediary strips the upgrade), which
     * leaves polling as the only way to follow a job
     */
    static boolean isUpgradeRefused(Throwable failure) {
        return failure instanceof UpgradeRequiredException;
    }

    private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return null;
    }
}
