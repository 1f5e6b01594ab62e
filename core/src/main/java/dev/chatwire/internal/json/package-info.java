/**
 * Reading and writing support on top of Jackson's streaming API; not a public API.
 */
@NullMarked
package dev.chatwire.internal.json;

import org.jspecify.annotations.NullMarked;
