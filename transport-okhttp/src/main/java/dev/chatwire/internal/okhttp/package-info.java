/**
 * The OkHttp transport's machinery: the exchange that pairs OkHttp's callbacks with demand, and the clients derived per connect timeout.
 */
@NullMarked
package dev.chatwire.internal.okhttp;

import org.jspecify.annotations.NullMarked;
