package io.aistats.video.webhook;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Publishes each {@link VideoJobEvent} to the application's listeners once per event id, whatever path observed it
 * (webhook, lifecycle stream, polling). Status changes are told apart by their transition in the statuses the stream
 * can observe ({@link VideoJobEvents#deduplicationId}), so a stored {@code pending} the stream shows as
 * {@code queued} does not make one transition reach the listeners twice.
 * <p>
 * An id is recorded in the {@link ProcessedEventStore} only after every listener returned normally; when a listener
 * throws, the id stays unrecorded so that a redelivery is published again. While an event is being published, the
 * same id is refused as {@link Result#IN_FLIGHT}, so concurrent deliveries never publish twice.
 * <p>
 * Listeners run synchronously with {@link #dispatch(VideoJobEvent)} unless the application configured its event
 * multicaster with an executor; a listener failure is only seen here when they run synchronously.
 * <p>
 * Given an {@link ObservationRegistry}, each event handed over is observed as {@code aistats.video.events} (see
 * {@link WebhookObservationDocumentation#VIDEO_JOB_EVENT}), with the listeners running in its scope. Configure the
 * registry before use; otherwise thread-safe.
 */
public class VideoJobEventDispatcher {

    private static final Log logger = LogFactory.getLog(VideoJobEventDispatcher.class);

    private final ApplicationEventPublisher publisher;

    private final ProcessedEventStore store;

    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

    private @Nullable VideoJobEventObservationConvention observationConvention;

    /**
     * @param publisher publishes to the application's listeners
     * @param store remembers the handled event ids
     */
    public VideoJobEventDispatcher(ApplicationEventPublisher publisher, ProcessedEventStore store) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Publishes an event on the calling thread unless its id was handled or is being handled.
     * @param event the event
     * @return {@link Result#PUBLISHED}, {@link Result#DUPLICATE}, {@link Result#IN_FLIGHT} or
     * {@link Result#LISTENER_FAILED}
     */
    public Result dispatch(VideoJobEvent event) {
        VideoJobEventObservationContext context = new VideoJobEventObservationContext(event);
        return observation(context).observe(() -> {
            Result result = dispatchNow(event);
            context.setResult(result);
            return result;
        });
    }

    private Result dispatchNow(VideoJobEvent event) {
        String id = VideoJobEvents.deduplicationId(event);
        Result claim = claim(id);
        if (claim != null) {
            return claim;
        }
        try {
            return publish(event, id);
        }
        finally {
            this.inFlight.remove(id);
        }
    }

    /**
     * Publishes an event on an executor unless its id was handled or is being handled, and returns at once. A
     * listener failure is logged and leaves the id unrecorded, but nobody can be told any more.
     * @param event the event
     * @param executor runs the listeners
     * @return {@link Result#QUEUED}, {@link Result#DUPLICATE}, {@link Result#IN_FLIGHT} or {@link Result#REJECTED}
     * when the executor refused the task
     */
    public Result dispatch(VideoJobEvent event, Executor executor) {
        Objects.requireNonNull(executor, "executor");
        VideoJobEventObservationContext context = new VideoJobEventObservationContext(event);
        // started here and stopped once the listeners ran, so that it times the wait for the executor too
        Observation observation = observation(context).start();
        String id = VideoJobEvents.deduplicationId(event);
        Result claim = claim(id);
        if (claim != null) {
            context.setResult(claim);
            observation.stop();
            return claim;
        }
        try {
            executor.execute(() -> {
                try (Observation.Scope scope = observation.openScope()) {
                    context.setResult(publish(event, id));
                }
                finally {
                    this.inFlight.remove(id);
                    observation.stop();
                }
            });
            return Result.QUEUED;
        }
        catch (RejectedExecutionException ex) {
            this.inFlight.remove(id);
            logger.warn("Executor refused to publish " + event + ": " + ex.getMessage());
            context.setResult(Result.REJECTED);
            observation.stop();
            return Result.REJECTED;
        }
    }

    /**
     * Records an {@code aistats.video.events} observation per event; {@link ObservationRegistry#NOOP} (the default)
     * records nothing.
     * @param observationRegistry the registry
     */
    public void setObservationRegistry(ObservationRegistry observationRegistry) {
        this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry");
    }

    /**
     * Sets the convention that names and tags the event observations.
     * @param observationConvention the convention, or {@code null} for
     * {@link DefaultVideoJobEventObservationConvention}
     */
    public void setObservationConvention(@Nullable VideoJobEventObservationConvention observationConvention) {
        this.observationConvention = observationConvention;
    }

    private Observation observation(VideoJobEventObservationContext context) {
        return WebhookObservationDocumentation.VIDEO_JOB_EVENT.observation(this.observationConvention,
                DefaultConvention.INSTANCE, () -> context, this.observationRegistry);
    }

    /** Claims the de-duplication id; returns why not when it cannot be claimed, {@code null} once claimed. */
    private @Nullable Result claim(String eventId) {
        if (this.store.isProcessed(eventId)) {
            return Result.DUPLICATE;
        }
        if (!this.inFlight.add(eventId)) {
            return Result.IN_FLIGHT;
        }
        // another thread may have finished this id between the check and the claim
        if (this.store.isProcessed(eventId)) {
            this.inFlight.remove(eventId);
            return Result.DUPLICATE;
        }
        return null;
    }

    private Result publish(VideoJobEvent event, String id) {
        try {
            this.publisher.publishEvent(event);
        }
        catch (RuntimeException ex) {
            logger.warn("A listener failed on " + event + "; the event id is not recorded, so a redelivery is "
                    + "published again", ex);
            return Result.LISTENER_FAILED;
        }
        this.store.markProcessed(id);
        if (logger.isDebugEnabled()) {
            logger.debug("Published " + event);
        }
        return Result.PUBLISHED;
    }

    /**
     * What became of an event handed to the dispatcher.
     */
    public enum Result {

        /** Every listener ran and returned normally; the id is recorded. */
        PUBLISHED,

        /** Handed to the executor; listeners run later. */
        QUEUED,

        /** The id was handled before; nothing was published. */
        DUPLICATE,

        /** The same id is being published right now; nothing was published. */
        IN_FLIGHT,

        /** A listener threw; the id is not recorded. */
        LISTENER_FAILED,

        /** The executor refused the task; nothing was published and the id is not recorded. */
        REJECTED
    }

    /** Holds the default convention, so that it and its key names load with the first observation. */
    private static final class DefaultConvention {

        static final VideoJobEventObservationConvention INSTANCE = new DefaultVideoJobEventObservationConvention();

        private DefaultConvention() {
        }
    }
}
