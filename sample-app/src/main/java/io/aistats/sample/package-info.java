/**
 * A runnable application that uses the AI Stats starter the way a user would: a web page to generate, watch, play
 * and delete videos, and a one-shot command-line demo. Runs offline on the bundled gateway simulator when no API key
 * is configured.
 */
@NullMarked
package io.aistats.sample;

import org.jspecify.annotations.NullMarked;
