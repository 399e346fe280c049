/**
 * Ahead-of-time processing support: the runtime hints that let the client's JSON types be bound in a native image.
 */
@NullMarked
package io.aistats.autoconfigure.aot;

import org.jspecify.annotations.NullMarked;
