/** Streaming: assembling the chunks of a stream into the completion a non-streamed call returns. */
@NullMarked
package dev.chatwire.stream;

import org.jspecify.annotations.NullMarked;
