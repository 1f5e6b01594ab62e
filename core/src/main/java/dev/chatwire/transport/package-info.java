/**
 * The byte-moving Transport interface that every transport module implements, and its request and response types.
 */
@NullMarked
package dev.chatwire.transport;

import org.jspecify.annotations.NullMarked;
