package io.aistats.video.internal.http;

import io.aistats.video.error.AiStatsConnectionException;
import io.aistats.video.error.AiStatsException;
import io.aistats.video.error.AiStatsTimeoutException;
import org.springframework.web.reactive.function.client.WebClientException;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;

/**
 * Maps what the HTTP stack throws (Netty, Reactor, WebClient) to the client's exceptions.
 */
public final class FailureTranslator {

    private FailureTranslator() {
    }

    /**
     * Translates a failure of one call.
     * @param failure what the stack signalled
     * @param operation the call, for the message, for example {@code GET /videos/{id}}
     * @return the client's exception; the failure itself when it already is one or is a programming error
     */
    public static Throwable translate(Throwable failure, String operation) {
        if (failure instanceof AiStatsException) {
            return failure;
        }
        if (hasCause(failure, TimeoutException.class) || hasCause(failure, SocketTimeoutException.class)
            || hasCause(failure, io.netty.handler.timeout.TimeoutException.class)
            || hasCause(failure, io.netty.channel.ConnectTimeoutException.class)) {
            return new AiStatsTimeoutException("Timed out calling the gateway: " + operation, failure);
        }
        if (hasCause(failure, IOException.class) || hasCause(failure, io.netty.channel.ChannelException.class)
            || failure instanceof WebClientException) {
            return new AiStatsConnectionException("Connection to the gateway failed during " + operation + ": "
                + rootMessage(failure), failure);
        }
        return failure;
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return true;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + ((message != null) ? " (" + message + ")" : "");
    }
}
