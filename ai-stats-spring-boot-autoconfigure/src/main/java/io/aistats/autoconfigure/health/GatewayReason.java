package io.aistats.autoconfigure.health;

import io.aistats.video.error.AiStatsApiException;
import io.aistats.video.internal.http.ErrorDecoder;

/**
 * The {@code reason} detail of a DOWN health: the gateway's most specific word for the failure ({@code reason}, else
 * its error code), or {@code http_<status>} when the answer named none (a plain-text 404 or 503, say).
 */
final class GatewayReason {

    private GatewayReason() {
    }

    static String of(AiStatsApiException failure) {
        String reason = failure.reason();
        if (reason != null && !reason.isBlank()) {
            return reason;
        }
        String code = failure.code();
        return (code != null && !code.isBlank()) ? code : "http_" + failure.statusCode();
    }

    static String of(int status, byte[] body) {
        // the health route needs no key, so there is no secret the body could echo
        return of(ErrorDecoder.decode(status, body, null));
    }
}
