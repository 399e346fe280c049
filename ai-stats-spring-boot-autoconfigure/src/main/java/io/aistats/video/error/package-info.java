/**
 * Unchecked exceptions of the client, one type per failure a caller can act on. Every API failure carries the HTTP
 * status, the gateway's error code and reason, and the request/generation id when the gateway sent one.
 */
@NullMarked
package io.aistats.video.error;

import org.jspecify.annotations.NullMarked;
