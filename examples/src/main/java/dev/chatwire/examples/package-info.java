/**
 * Java and Kotlin programs that use ChatWire.
 */
@NullMarked
package dev.chatwire.examples;

import org.jspecify.annotations.NullMarked;
