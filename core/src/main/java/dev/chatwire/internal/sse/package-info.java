/**
 * The event-stream state machine and the UTF-8 repair behind {@link dev.chatwire.sse.SseDecoder}.
 */
@NullMarked
package dev.chatwire.internal.sse;

import org.jspecify.annotations.NullMarked;
