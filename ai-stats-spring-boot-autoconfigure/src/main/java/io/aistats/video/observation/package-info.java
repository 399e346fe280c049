/**
 * Micrometer observations of the video client's operations: {@link
 * io.aistats.video.observation.VideoObservationDocumentation#VIDEO_OPERATION aistats.video.operation}, one per call
 * of a {@link io.aistats.video.ReactiveVideoClient} or {@link io.aistats.video.VideoClient} operation, tagged with
 * low-cardinality values only (the operation, its outcome and the error type).
 * <p>
 * Observations are recorded only when the client is given an {@link io.micrometer.observation.ObservationRegistry};
 * the default {@link io.micrometer.observation.ObservationRegistry#NOOP} records nothing. The HTTP exchanges below an
 * operation are observed by the {@code WebClient} itself ({@code http.client.requests}) when its builder carries a
 * registry, as Spring Boot's does, and become child observations of the operation.
 */
@NullMarked
package io.aistats.video.observation;

import org.jspecify.annotations.NullMarked;
