package io.aistats.video.webhook;

import io.aistats.video.error.MalformedWebhookHeadersException;
import io.aistats.video.error.MalformedWebhookPayloadException;
import io.aistats.video.error.StaleWebhookTimestampException;
import io.aistats.video.error.WebhookVerificationException;
import io.aistats.video.event.DispatchTransaction;
import io.aistats.video.event.VideoJobEvent;
import io.aistats.video.event.VideoJobEventDispatcher;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Handles one webhook delivery, independent of the web stack: verify the signature over the raw bytes, parse the
 * event, skip it when its id was handled before, publish it to the application's listeners, and tell the web
 * adapter what to answer.
 * <p>
 * Synchronous mode (the default) answers 2xx only after every listener returned normally, and a listener failure
 * answers 500 so that the gateway redelivers (after 1, 5 and 15 minutes). Asynchronous mode hands the event to an
 * executor and answers 202 at once, which keeps the gateway's 30-second timeout out of reach of slow listeners; the
 * price is that a listener failure can no longer ask for a redelivery (it is logged, and the event id's claim is
 * released so that another path, such as the lifecycle stream, may still publish it). The claim is taken before the
 * 202, so redeliveries to any instance sharing the store are refused while the listeners run.
 * <p>
 * With a {@link DispatchTransaction} (the JDBC store with a transaction manager), a synchronous delivery's claim,
 * listeners and completion are one transaction, and the 2xx is answered only after it committed.
 * <p>
 * Rejections are logged at WARN with their reason only, never with a secret or a signature.
 * <p>
 * Given an {@link ObservationRegistry}, each delivery is observed as {@code aistats.webhook.deliveries} (see
 * {@link WebhookObservationDocumentation#WEBHOOK_DELIVERY}). Configure the registry before use; otherwise
 * thread-safe.
 */
public class WebhookProcessor {

    /**
     * The default maximum body size: 64 KB. The gateway sends one job object (contract §6.6) whose largest part is
     * the webhook state with at most ten attempts, each with a response preview of at most 500 characters. Measured
     * on the simulator ({@code WebhookDeliveryTests} of the test module): about 12 KB when the failing receiver
     * answered with an HTML error page, about 37 KB in the worst case of previews made of control characters (six
     * bytes each once JSON-escaped). 64 KB holds both while bounding what a sender without the secret can make the
     * receiver read.
     */
    public static final DataSize DEFAULT_MAX_PAYLOAD_SIZE = DataSize.ofKilobytes(64);

    private static final Log logger = LogFactory.getLog(WebhookProcessor.class);

    private final WebhookVerifier verifier;

    private final WebhookDeliveryParser parser;

    private final VideoJobEventDispatcher dispatcher;

    private final DataSize maxPayloadSize;

    private final @Nullable Executor asyncExecutor;

    private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

    private @Nullable WebhookDeliveryObservationConvention observationConvention;

    /**
     * @param verifier checks signatures and timestamps
     * @param parser reads verified bodies
     * @param dispatcher de-duplicates and publishes events
     * @param maxPayloadSize the largest body accepted ({@link #DEFAULT_MAX_PAYLOAD_SIZE} by default); positive
     * @param asyncExecutor runs the listeners in asynchronous mode; {@code null} for synchronous mode
     */
    public WebhookProcessor(WebhookVerifier verifier, WebhookDeliveryParser parser, VideoJobEventDispatcher dispatcher,
            DataSize maxPayloadSize, @Nullable Executor asyncExecutor) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        Objects.requireNonNull(maxPayloadSize, "maxPayloadSize");
        if (maxPayloadSize.toBytes() <= 0) {
            throw new IllegalArgumentException("Maximum webhook payload size must be positive, was " + maxPayloadSize);
        }
        this.maxPayloadSize = maxPayloadSize;
        this.asyncExecutor = asyncExecutor;
    }

    /**
     * Handles a delivery.
     * @param headers the request headers (names are case-insensitive)
     * @param body the raw body bytes exactly as received
     * @return what to answer
     */
    public WebhookOutcome process(HttpHeaders headers, byte[] body) {
        return process(headers.getFirst(WebhookHeaders.TIMESTAMP), headers.getFirst(WebhookHeaders.SIGNATURE), body);
    }

    /**
     * Handles a delivery.
     * @param timestamp the {@code x-phaseo-timestamp} header value
     * @param signature the {@code x-phaseo-signature} header value
     * @param body the raw body bytes exactly as received
     * @return what to answer
     */
    public WebhookOutcome process(@Nullable String timestamp, @Nullable String signature, byte[] body) {
        return observed((context) -> handle(timestamp, signature, body, context));
    }

    private WebhookOutcome handle(@Nullable String timestamp, @Nullable String signature, byte[] body,
            WebhookDeliveryObservationContext context) {
        if (body.length > this.maxPayloadSize.toBytes()) {
            return rejectTooLarge(body.length + " bytes");
        }
        VideoJobEvent event;
        try {
            this.verifier.verify(timestamp, signature, body);
            event = this.parser.parse(body);
        }
        catch (WebhookVerificationException ex) {
            return reject(ex);
        }
        catch (MalformedWebhookPayloadException ex) {
            return reject(WebhookOutcome.MALFORMED, ex.getMessage());
        }
        context.setEvent(event);
        VideoJobEventDispatcher.Result result = (this.asyncExecutor != null)
                ? this.dispatcher.dispatch(event, this.asyncExecutor) : this.dispatcher.dispatch(event);
        WebhookOutcome outcome = switch (result) {
            case PUBLISHED -> WebhookOutcome.ACCEPTED;
            case QUEUED -> WebhookOutcome.QUEUED;
            case DUPLICATE -> WebhookOutcome.DUPLICATE;
            case IN_FLIGHT -> WebhookOutcome.IN_FLIGHT;
            case LISTENER_FAILED -> WebhookOutcome.LISTENER_FAILED;
            case REJECTED -> WebhookOutcome.UNAVAILABLE;
        };
        if (logger.isDebugEnabled()) {
            logger.debug("Webhook delivery " + event + " answered " + outcome.httpStatus() + " " + outcome);
        }
        return outcome;
    }

    /**
     * Checks a delivery's headers before its body is read: both signature headers present, the timestamp within the
     * tolerance, the signature shaped like one. Web adapters call it first, so that a delivery that cannot pass
     * costs no body reading.
     * @param headers the request headers (names are case-insensitive)
     * @return the rejection to answer, or {@code null} when the body should be read and {@link #process} called
     */
    @Nullable WebhookOutcome precheck(HttpHeaders headers) {
        try {
            this.verifier.checkHeaders(headers.getFirst(WebhookHeaders.TIMESTAMP),
                    headers.getFirst(WebhookHeaders.SIGNATURE));
            return null;
        }
        catch (WebhookVerificationException ex) {
            return observed((context) -> reject(ex));
        }
    }

    /**
     * Answers a delivery that a web adapter did not read because the in-flight byte budget was exhausted.
     * @param detail what was asked of the budget, for the log
     * @return {@link WebhookOutcome#OVERLOADED}
     */
    WebhookOutcome overloaded(String detail) {
        return observed((context) -> reject(WebhookOutcome.OVERLOADED,
                "Webhook deliveries being read hold the in-flight byte budget (" + detail + ")"));
    }

    /**
     * Answers a delivery whose body a web adapter dropped because it did not arrive in time or its connection broke.
     * @param detail what happened, for the log
     * @return {@link WebhookOutcome#INCOMPLETE_BODY}
     */
    WebhookOutcome incompleteBody(String detail) {
        return observed((context) -> reject(WebhookOutcome.INCOMPLETE_BODY, "Webhook body incomplete: " + detail));
    }

    /**
     * @return the largest body accepted; web adapters stop reading beyond it
     */
    public DataSize maxPayloadSize() {
        return this.maxPayloadSize;
    }

    /**
     * @return whether listeners run on an executor after the answer
     */
    public boolean isAsync() {
        return this.asyncExecutor != null;
    }

    /**
     * Answers a delivery whose body a web adapter stopped reading because it exceeds {@link #maxPayloadSize()}.
     * @param size what is known of the size, for the log, for example {@code "Content-Length 2000000"}
     * @return {@link WebhookOutcome#TOO_LARGE}
     */
    WebhookOutcome tooLarge(String size) {
        return observed((context) -> rejectTooLarge(size));
    }

    /**
     * Records an {@code aistats.webhook.deliveries} observation per delivery; {@link ObservationRegistry#NOOP} (the
     * default) records nothing.
     * @param observationRegistry the registry
     */
    public void setObservationRegistry(ObservationRegistry observationRegistry) {
        this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry");
    }

    /**
     * Sets the convention that names and tags the delivery observations.
     * @param observationConvention the convention, or {@code null} for
     * {@link DefaultWebhookDeliveryObservationConvention}
     */
    public void setObservationConvention(@Nullable WebhookDeliveryObservationConvention observationConvention) {
        this.observationConvention = observationConvention;
    }

    private WebhookOutcome observed(Function<WebhookDeliveryObservationContext, WebhookOutcome> handling) {
        WebhookDeliveryObservationContext context = new WebhookDeliveryObservationContext();
        return WebhookObservationDocumentation.WEBHOOK_DELIVERY
            .observation(this.observationConvention, DefaultConvention.INSTANCE, () -> context,
                    this.observationRegistry)
            .observe(() -> {
                WebhookOutcome outcome = handling.apply(context);
                context.setOutcome(outcome);
                return outcome;
            });
    }

    private WebhookOutcome rejectTooLarge(String size) {
        return reject(WebhookOutcome.TOO_LARGE, "Webhook delivery (" + size + ") exceeds the maximum of "
                + this.maxPayloadSize.toBytes() + " bytes");
    }

    private static WebhookOutcome reject(WebhookVerificationException ex) {
        WebhookOutcome outcome;
        if (ex instanceof MalformedWebhookHeadersException) {
            outcome = WebhookOutcome.INVALID_HEADERS;
        }
        else if (ex instanceof StaleWebhookTimestampException) {
            outcome = WebhookOutcome.REJECTED_STALE;
        }
        else {
            outcome = WebhookOutcome.REJECTED_SIGNATURE;
        }
        return reject(outcome, ex.getMessage());
    }

    private static WebhookOutcome reject(WebhookOutcome outcome, @Nullable String reason) {
        logger.warn("Rejected webhook delivery with HTTP " + outcome.httpStatus() + ": " + reason);
        return outcome;
    }

    /** Holds the default convention, so that it and its key names load with the first observation. */
    private static final class DefaultConvention {

        static final WebhookDeliveryObservationConvention INSTANCE = new DefaultWebhookDeliveryObservationConvention();

        private DefaultConvention() {
        }
    }
}
