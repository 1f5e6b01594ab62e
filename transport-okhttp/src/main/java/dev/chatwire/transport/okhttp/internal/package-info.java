/**
 * The OkHttp transport's machinery: the wire that feeds core's exchange driver, the client
 * derived from the caller's, and request conversion. Not a public API.
 */
@NullMarked
package dev.chatwire.transport.okhttp.internal;

import org.jspecify.annotations.NullMarked;
