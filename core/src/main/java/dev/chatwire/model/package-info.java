/**
 * Immutable request, response and chunk models of the Chat Completions API, with open values for forward compatibility.
 */
@NullMarked
package dev.chatwire.model;

import org.jspecify.annotations.NullMarked;
