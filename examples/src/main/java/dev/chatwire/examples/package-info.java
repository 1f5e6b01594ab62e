/**
 * Java and Kotlin programs that use ChatWire, and the chatwire command line tool.
 */
@NullMarked
package dev.chatwire.examples;

import org.jspecify.annotations.NullMarked;
