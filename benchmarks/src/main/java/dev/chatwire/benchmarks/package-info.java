/**
 * JMH micro benchmarks of ChatWire's hot paths and the loopback benchmark.
 */
@NullMarked
package dev.chatwire.benchmarks;

import org.jspecify.annotations.NullMarked;
