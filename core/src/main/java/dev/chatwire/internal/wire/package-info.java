/**
 * The exchange driver: the one place that turns a transport's raw wire events into serialized,
 * demand-driven {@link dev.chatwire.transport.ResponseHandler} calls.
 */
@NullMarked
package dev.chatwire.internal.wire;

import org.jspecify.annotations.NullMarked;
