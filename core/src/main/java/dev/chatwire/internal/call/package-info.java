/**
 * The call machinery: attempts, retries, timers, demand and the blocking and async drivers.
 */
@NullMarked
package dev.chatwire.internal.call;

import org.jspecify.annotations.NullMarked;
