/**
 * The unchecked exception hierarchy rooted at {@link dev.chatwire.error.ChatWireException}.
 */
@NullMarked
package dev.chatwire.error;

import org.jspecify.annotations.NullMarked;
