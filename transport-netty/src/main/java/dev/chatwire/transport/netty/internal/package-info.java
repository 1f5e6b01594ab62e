/**
 * The Netty transport's internals: connection pool, pipeline and the demand-driven exchange.
 */
@NullMarked
package dev.chatwire.transport.netty.internal;

import org.jspecify.annotations.NullMarked;
