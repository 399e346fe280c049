/**
 * Internal, not API: the Jackson mapper the transport and the webhook parser share, and the gateway's timestamp
 * formats. May change in any release.
 */
@NullMarked
package io.aistats.video.internal.json;

import org.jspecify.annotations.NullMarked;
