package io.aistats.sample;

import io.aistats.video.error.AiStatsApiException;
import io.aistats.video.error.AiStatsException;
import io.aistats.video.error.GatewayValidationException;
import io.aistats.video.error.ValidationDetail;
import io.aistats.video.error.VideoCancellationUnsupportedException;
import io.aistats.video.error.VideoRequestValidationException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;
import java.util.Map;

/**
 * Turns the client's and the gateway's refusals into RFC 9457 problem details the page shows as they are. The
 * {@code kind} property tells the page what happened: {@code client_validation} (refused before sending, with the
 * {@code field}), {@code gateway_validation} (with the gateway's {@code details}), {@code cancel_unsupported} (the
 * gateway's 501), {@code gateway_error} or {@code gateway_unreachable}.
 */
@RestControllerAdvice(assignableTypes = JobController.class)
class GatewayRefusalHandler {

    private static final Log logger = LogFactory.getLog(GatewayRefusalHandler.class);

    @ExceptionHandler
    ProblemDetail clientValidation(VideoRequestValidationException ex) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage(),
                "client_validation");
        problem.setProperty("field", ex.field());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail gatewayValidation(GatewayValidationException ex) {
        ProblemDetail problem = gatewayProblem(ex, "The gateway refused the request", "gateway_validation");
        List<Map<String, String>> details = ex.details().stream().map(GatewayRefusalHandler::detail).toList();
        problem.setProperty("details", details);
        return problem;
    }

    @ExceptionHandler
    ProblemDetail cancelUnsupported(VideoCancellationUnsupportedException ex) {
        return gatewayProblem(ex, "The gateway does not cancel video jobs", "cancel_unsupported");
    }

    @ExceptionHandler
    ProblemDetail gatewayError(AiStatsApiException ex) {
        return gatewayProblem(ex, "The gateway answered with an error", "gateway_error");
    }

    @ExceptionHandler
    ProblemDetail unreachable(AiStatsException ex) {
        logger.warn("Gateway call failed: " + ex.getMessage());
        return problem(HttpStatus.BAD_GATEWAY, "The gateway could not be reached", ex.getMessage(),
                "gateway_unreachable");
    }

    /** Client errors keep the gateway's status; the gateway's own failures are a bad gateway from here. */
    private static ProblemDetail gatewayProblem(AiStatsApiException ex, String title, String kind) {
        int status = ex.statusCode();
        HttpStatusCode answer = ((status >= 400 && status < 500) || status == 501) ? HttpStatusCode.valueOf(status)
                : HttpStatus.BAD_GATEWAY;
        String detail = (ex.gatewayMessage() != null) ? ex.gatewayMessage() : ex.getMessage();
        ProblemDetail problem = problem(answer, title, detail, kind);
        problem.setProperty("gatewayStatus", status);
        problem.setProperty("code", ex.code());
        problem.setProperty("reason", ex.reason());
        problem.setProperty("requestId", ex.requestId());
        return problem;
    }

    private static ProblemDetail problem(HttpStatusCode status, String title, @Nullable String detail, String kind) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("kind", kind);
        return problem;
    }

    private static Map<String, String> detail(ValidationDetail detail) {
        return Map.of("path", detail.dottedPath(), "message", String.valueOf(detail.message()));
    }
}
