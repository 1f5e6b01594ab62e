/**
 * The {@code chatwire} command line tool: {@link dev.chatwire.cli.ChatWireCli} sends one prompt to
 * an OpenAI-compatible server and prints the answer as it streams.
 */
@NullMarked
package dev.chatwire.cli;

import org.jspecify.annotations.NullMarked;
