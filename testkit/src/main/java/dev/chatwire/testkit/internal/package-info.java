/**
 * The testkit's implementation: the Netty server, the response writer and the contract helpers.
 */
@NullMarked
package dev.chatwire.testkit.internal;

import org.jspecify.annotations.NullMarked;
