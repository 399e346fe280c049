/**
 * Internal, not API: the WebClient transport of every client (authentication, retry policy, error decoding,
 * blocking calls with a deadline). May change in any release.
 */
@NullMarked
package io.aistats.video.internal.http;

import org.jspecify.annotations.NullMarked;
