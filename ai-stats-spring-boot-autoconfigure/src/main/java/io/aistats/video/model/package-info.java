/**
 * Request and response types of the video API. Decoding is forward compatible: unknown members are ignored or
 * kept, and open vocabularies (statuses, providers) carry values they do not know instead of rejecting them.
 */
@NullMarked
package io.aistats.video.model;

import org.jspecify.annotations.NullMarked;
