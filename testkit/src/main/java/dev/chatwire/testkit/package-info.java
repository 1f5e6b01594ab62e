/**
 * A scripted OpenAI-compatible server on loopback, with faults, and the transport contract suite that every transport runs.
 */
@NullMarked
package dev.chatwire.testkit;

import org.jspecify.annotations.NullMarked;
