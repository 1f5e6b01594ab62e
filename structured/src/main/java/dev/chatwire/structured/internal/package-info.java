/** The implementation of {@code dev.chatwire.structured}: schema generation and binding. */
@NullMarked
package dev.chatwire.structured.internal;

import org.jspecify.annotations.NullMarked;
