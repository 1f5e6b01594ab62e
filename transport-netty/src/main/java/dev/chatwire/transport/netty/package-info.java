/**
 * A ChatWire transport on Netty, for servers: many streams on few threads.
 */
@NullMarked
package dev.chatwire.transport.netty;

import org.jspecify.annotations.NullMarked;
