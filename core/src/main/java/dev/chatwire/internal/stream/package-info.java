/** The parts the stream accumulator assembles a completion from: choices, messages, tool calls, unknown members. */
@NullMarked
package dev.chatwire.internal.stream;

import org.jspecify.annotations.NullMarked;
