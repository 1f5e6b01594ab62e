/**
 * Traces and metrics of ChatWire calls after the OpenTelemetry semantic conventions for
 * generative AI: {@link dev.chatwire.opentelemetry.ChatWireTelemetry} is an {@link
 * dev.chatwire.EventListener.Factory} built on {@code opentelemetry-api}; {@code chatwire-core}
 * knows nothing of OpenTelemetry.
 */
@NullMarked
package dev.chatwire.opentelemetry;

import org.jspecify.annotations.NullMarked;
