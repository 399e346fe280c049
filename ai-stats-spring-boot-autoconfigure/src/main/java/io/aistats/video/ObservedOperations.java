package io.aistats.video;

import io.aistats.video.observation.DefaultVideoOperationObservationConvention;
import io.aistats.video.observation.VideoObservationDocumentation;
import io.aistats.video.observation.VideoOperation;
import io.aistats.video.observation.VideoOperationObservationContext;
import io.aistats.video.observation.VideoOperationObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wraps the client's operations in {@code aistats.video.operation} observations. An observation starts on
 * subscription, becomes the parent of what the operation does (the {@code WebClient} finds it in the Reactor
 * context), and stops once, on the first of completion, failure or cancellation. With a no-op registry the
 * publishers are returned unchanged.
 */
final class ObservedOperations {

    /**
     * The Reactor context key under which Micrometer and Spring's {@code WebClient} look for the current observation
     * ({@code ObservationThreadLocalAccessor.KEY}, named here so that context-propagation is not needed).
     */
    static final String OBSERVATION_CONTEXT_KEY = "micrometer.observation";

    private final ObservationRegistry registry;

    private final @Nullable VideoOperationObservationConvention convention;

    ObservedOperations(ObservationRegistry registry, @Nullable VideoOperationObservationConvention convention) {
        this.registry = Objects.requireNonNull(registry, "observationRegistry must not be null");
        this.convention = convention;
    }

    <T> Mono<T> observe(VideoOperation operation, @Nullable String videoId, Mono<T> source) {
        if (this.registry.isNoop()) {
            return source;
        }
        return Mono.deferContextual((reactorContext) -> {
            Ending ending = start(operation, videoId, reactorContext);
            return source.doOnSuccess((value) -> ending.completed())
                .doOnError(ending::failed)
                .doOnCancel(ending::cancelled)
                .contextWrite((context) -> context.put(OBSERVATION_CONTEXT_KEY, ending.observation));
        });
    }

    <T> Flux<T> observe(VideoOperation operation, @Nullable String videoId, Flux<T> source) {
        if (this.registry.isNoop()) {
            return source;
        }
        return Flux.deferContextual((reactorContext) -> {
            Ending ending = start(operation, videoId, reactorContext);
            return source.doOnComplete(ending::completed)
                .doOnError(ending::failed)
                .doOnCancel(ending::cancelled)
                .contextWrite((context) -> context.put(OBSERVATION_CONTEXT_KEY, ending.observation));
        });
    }

    private Ending start(VideoOperation operation, @Nullable String videoId, ContextView reactorContext) {
        VideoOperationObservationContext context = new VideoOperationObservationContext(operation, videoId);
        Observation observation = VideoObservationDocumentation.VIDEO_OPERATION.observation(this.convention,
                DefaultConvention.INSTANCE, () -> context, this.registry);
        Observation parent = reactorContext.getOrDefault(OBSERVATION_CONTEXT_KEY, null);
        if (parent != null) {
            observation.parentObservation(parent);
        }
        return new Ending(observation.start(), context);
    }

    /** Stops an observation once, whichever signal comes first. */
    private static final class Ending {

        private final Observation observation;

        private final VideoOperationObservationContext context;

        private final AtomicBoolean stopped = new AtomicBoolean();

        Ending(Observation observation, VideoOperationObservationContext context) {
            this.observation = observation;
            this.context = context;
        }

        void completed() {
            if (this.stopped.compareAndSet(false, true)) {
                this.observation.stop();
            }
        }

        void failed(Throwable failure) {
            if (this.stopped.compareAndSet(false, true)) {
                this.observation.error(failure);
                this.observation.stop();
            }
        }

        void cancelled() {
            if (this.stopped.compareAndSet(false, true)) {
                this.context.setCancelled(true);
                this.observation.stop();
            }
        }
    }

    /** Holds the default convention, so that it and its key names load with the first observation. */
    private static final class DefaultConvention {

        static final VideoOperationObservationConvention INSTANCE = new DefaultVideoOperationObservationConvention();

        private DefaultConvention() {
        }
    }
}
