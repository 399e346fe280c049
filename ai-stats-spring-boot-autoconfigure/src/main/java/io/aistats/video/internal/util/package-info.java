/**
 * Internal, not API: small checks and helpers shared by several packages (JavaScript string trimming, path ids, SQL
 * table names, lazy values). May change in any release.
 */
@NullMarked
package io.aistats.video.internal.util;

import org.jspecify.annotations.NullMarked;
