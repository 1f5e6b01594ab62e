/**
 * A ChatWire transport on OkHttp, for Android and the JVM.
 */
@NullMarked
package dev.chatwire.transport.okhttp;

import org.jspecify.annotations.NullMarked;
