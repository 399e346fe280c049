/**
 * Client for the AI Stats (Phaseo) gateway's asynchronous video generation API.
 * <p>
 * {@link io.aistats.video.ReactiveVideoClient} implements every operation once, reactively;
 * {@link io.aistats.video.VideoClient} is its blocking twin. Nothing in this package or below imports Spring Boot:
 * the client works in any Spring application, and the auto-configuration only wires it.
 */
@NullMarked
package io.aistats.video;

import org.jspecify.annotations.NullMarked;
