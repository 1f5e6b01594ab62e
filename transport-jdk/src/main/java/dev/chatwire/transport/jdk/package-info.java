/**
 * A ChatWire transport on java.net.http: no dependency beyond the JDK.
 */
@NullMarked
package dev.chatwire.transport.jdk;

import org.jspecify.annotations.NullMarked;
