/** Streaming: the chunk stream, its listener, and the accumulator that turns chunks into the completion a non-streamed call returns. */
@NullMarked
package dev.chatwire.stream;

import org.jspecify.annotations.NullMarked;
