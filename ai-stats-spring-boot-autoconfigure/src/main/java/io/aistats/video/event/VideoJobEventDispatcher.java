package io.aistats.video.event;

import io.aistats.video.internal.util.Durations;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Publishes each {@link VideoJobEvent} to the application's listeners once per event id, whatever path observed it
 * (webhook, lifecycle stream, polling) and whichever application instance received it. Status changes are told apart
 * by their transition in the statuses the stream can observe ({@link VideoJobEvents#deduplicationId}), so a stored
 * {@code pending} the stream shows as {@code queued} does not make one transition reach the listeners twice.
 * <p>
 * Before publishing, the dispatcher {@linkplain ProcessedEventStore#claim claims} the id in the
 * {@link ProcessedEventStore}: a handled id is refused as {@link Result#DUPLICATE}, one being published (here or by
 * another instance sharing the store) as {@link Result#IN_FLIGHT}. The claim is completed only after every listener
 * returned normally; when a listener throws it is released, so that a redelivery is published again. A claim whose
 * holder died expires after the lease and can then be taken over.
 * <p>
 * Given a {@link DispatchTransaction}, a synchronous dispatch (claim, listeners, completion) runs in one transaction:
 * a failing listener rolls back its own work on the same database and the claim with it, and the caller learns of
 * success only after the commit.
 * <p>
 * Listeners run synchronously with {@link #dispatch(VideoJobEvent)} unless the application configured its event
 * multicaster with an executor; a listener failure is only seen here when they run synchronously.
 * <p>
 * Given an {@link ObservationRegistry}, each event handed over is observed as {@code aistats.video.events} (see
 * {@link VideoJobEventObservationDocumentation#VIDEO_JOB_EVENT}), with the listeners running in its scope. Configure
 * the registry before use; otherwise thread-safe.
 */
public class VideoJobEventDispatcher {

    /** The default lease of a claim: 2 minutes, well above the gateway's 30 s wait for an answer. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);

    private static final Log logger = LogFactory.getLog(VideoJobEventDispatcher.class);

    private final ApplicationEventPublisher publisher;

    private final ProcessedEventStore store;

    private final Duration lease;

    private final @Nullable DispatchTransaction transaction;

    private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

    private @Nullable VideoJobEventObservationConvention observationConvention;

    /**
     * @param publisher publishes to the application's listeners
     * @param store claims the event ids
     * @param lease how long a claim holds before another holder may take it over ({@link #DEFAULT_LEASE} by
     * default); should exceed the longest time the listeners take; positive
     * @param transaction runs each synchronous dispatch in a transaction, or {@code null} for none
     */
    public VideoJobEventDispatcher(ApplicationEventPublisher publisher, ProcessedEventStore store, Duration lease,
            @Nullable DispatchTransaction transaction) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.store = Objects.requireNonNull(store, "store");
        this.lease = Durations.requirePositive(lease, "Claim lease");
        this.transaction = transaction;
    }

    /**
     * Publishes an event on the calling thread unless its id was handled or is being handled.
     * @param event the event
     * @return {@link Result#PUBLISHED}, {@link Result#DUPLICATE}, {@link Result#IN_FLIGHT},
     * {@link Result#LISTENER_FAILED}, or {@link Result#REJECTED} when the store or the transaction failed
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
        try {
            if (this.transaction == null) {
                return claimAndPublish(event, id);
            }
            return this.transaction.execute(() -> claimAndPublish(event, id));
        }
        catch (RuntimeException ex) {
            logger.warn("Could not claim or record " + event + "; nothing is recorded, so a redelivery is "
                    + "published again", ex);
            return Result.REJECTED;
        }
    }

    private Result claimAndPublish(VideoJobEvent event, String id) {
        Result refused = claim(id);
        return (refused != null) ? refused : publish(event, id);
    }

    /**
     * Publishes an event on an executor unless its id was handled or is being handled, and returns at once. The
     * claim is taken (and, with a shared store, visible to every instance) before this method returns; the listeners
     * complete it, or release it when one fails. A listener failure is logged, but nobody can be told any more.
     * @param event the event
     * @param executor runs the listeners
     * @return {@link Result#QUEUED}, {@link Result#DUPLICATE}, {@link Result#IN_FLIGHT} or {@link Result#REJECTED}
     * when the executor refused the task or the store failed
     */
    public Result dispatch(VideoJobEvent event, Executor executor) {
        Objects.requireNonNull(executor, "executor");
        VideoJobEventObservationContext context = new VideoJobEventObservationContext(event);
        // started here and stopped once the listeners ran, so that it times the wait for the executor too
        Observation observation = observation(context).start();
        String id = VideoJobEvents.deduplicationId(event);
        Result refused;
        try {
            refused = claim(id);
        }
        catch (RuntimeException ex) {
            logger.warn("Could not claim " + event + "; a redelivery is published again", ex);
            refused = Result.REJECTED;
        }
        if (refused != null) {
            context.setResult(refused);
            observation.stop();
            return refused;
        }
        try {
            executor.execute(() -> {
                try (Observation.Scope scope = observation.openScope()) {
                    context.setResult(publishLater(event, id));
                }
                finally {
                    observation.stop();
                }
            });
            return Result.QUEUED;
        }
        catch (RejectedExecutionException ex) {
            this.store.release(id);
            logger.warn("Executor refused to publish " + event + ": " + ex.getMessage());
            context.setResult(Result.REJECTED);
            observation.stop();
            return Result.REJECTED;
        }
    }

    /** Publishes a claimed event on the executor: in the transaction when there is one, releasing it on failure. */
    private Result publishLater(VideoJobEvent event, String id) {
        if (this.transaction == null) {
            return publish(event, id);
        }
        Result result;
        try {
            result = this.transaction.execute(() -> publish(event, id));
        }
        catch (RuntimeException ex) {
            logger.warn("Could not record " + event + "; its claim is released", ex);
            result = Result.REJECTED;
        }
        if (result != Result.PUBLISHED) {
            // the claim was committed before the answer, so the rollback kept it: give it up explicitly
            this.store.release(id);
        }
        return result;
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
        return VideoJobEventObservationDocumentation.VIDEO_JOB_EVENT.observation(this.observationConvention,
                DefaultConvention.INSTANCE, () -> context, this.observationRegistry);
    }

    /** Claims the de-duplication id; returns why not when it cannot be claimed, {@code null} once claimed. */
    private @Nullable Result claim(String eventId) {
        return switch (this.store.claim(eventId, this.lease)) {
            case CLAIMED -> null;
            case DUPLICATE -> Result.DUPLICATE;
            case IN_FLIGHT -> Result.IN_FLIGHT;
        };
    }

    private Result publish(VideoJobEvent event, String id) {
        try {
            this.publisher.publishEvent(event);
        }
        catch (RuntimeException ex) {
            logger.warn("A listener failed on " + event + "; the event id is not recorded, so a redelivery is "
                    + "published again", ex);
            if (this.transaction == null) {
                this.store.release(id);
            }
            return Result.LISTENER_FAILED;
        }
        this.store.complete(id);
        if (logger.isDebugEnabled()) {
            logger.debug("Published " + event);
        }
        return Result.PUBLISHED;
    }

    /**
     * What became of an event handed to the dispatcher.
     */
    public enum Result {

        /** Every listener ran and returned normally; the id is recorded (and committed, with a transaction). */
        PUBLISHED,

        /** Handed to the executor; listeners run later. */
        QUEUED,

        /** The id was handled before; nothing was published. */
        DUPLICATE,

        /** The same id is being published right now; nothing was published. */
        IN_FLIGHT,

        /** A listener threw; the id is not recorded (its claim is released or rolled back). */
        LISTENER_FAILED,

        /**
         * The executor refused the task, or the store or the transaction failed; the id is not recorded, so a
         * redelivery is published again.
         */
        REJECTED
    }

    /** Holds the default convention, so that it and its key names load with the first observation. */
    private static final class DefaultConvention {

        static final VideoJobEventObservationConvention INSTANCE = new DefaultVideoJobEventObservationConvention();

        private DefaultConvention() {
        }
    }
}
