/**
 * ChatWire's implementation; not a public API, it may change in any release.
 */
@NullMarked
package dev.chatwire.internal;

import org.jspecify.annotations.NullMarked;
