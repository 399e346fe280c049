/**
 * Internal, not API: small checks and helpers shared by several packages (JavaScript string trimming, path ids, SQL
 * table names, lazy values, positive durations, buffer bytes). May change in any release.
 */
@NullMarked
package io.aistats.video.internal.util;

import org.jspecify.annotations.NullMarked;
