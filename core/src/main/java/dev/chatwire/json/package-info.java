/**
 * Reading and writing the Chat Completions models as JSON, with Jackson's streaming API.
 */
@NullMarked
package dev.chatwire.json;

import org.jspecify.annotations.NullMarked;
