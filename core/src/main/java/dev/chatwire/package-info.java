/**
 * The ChatWire client: {@code ChatWire} and its chat completions entry points.
 */
@NullMarked
package dev.chatwire;

import org.jspecify.annotations.NullMarked;
