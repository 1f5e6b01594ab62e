/**
 * The java.net.http transport's machinery: the wire that feeds core's exchange driver, request
 * conversion, typed errors and the worker pool. Not a public API.
 */
@NullMarked
package dev.chatwire.transport.jdk.internal;

import org.jspecify.annotations.NullMarked;
