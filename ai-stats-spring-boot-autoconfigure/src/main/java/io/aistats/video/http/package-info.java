/**
 * Internal: the WebClient transport (authentication, retry policy, error decoding). Not API; may change in any
 * release.
 */
@NullMarked
package io.aistats.video.http;

import org.jspecify.annotations.NullMarked;
