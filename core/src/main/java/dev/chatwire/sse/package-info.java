/**
 * The incremental Server-Sent Events decoder: bytes in, events out, with the event data handed over as bytes.
 */
@NullMarked
package dev.chatwire.sse;

import org.jspecify.annotations.NullMarked;
