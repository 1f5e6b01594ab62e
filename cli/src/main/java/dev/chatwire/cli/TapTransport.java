package dev.chatwire.cli;

import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import dev.chatwire.transport.Transport;
import dev.chatwire.transport.Wire;
import dev.chatwire.transport.WireEvents;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * A transport that reports what its delegate's wire does to a {@link Trace} (connect and head
 * times, status, headers, the raw body) and passes every event on unchanged.
 */
final class TapTransport implements Transport {
  private final Transport delegate;
  private final Trace trace;

  TapTransport(Transport delegate, Trace trace) {
    this.delegate = delegate;
    this.trace = trace;
  }

  @Override
  public Wire open(HttpRequest request, WireEvents events) {
    trace.attempt(request);
    return delegate.open(request, new WireEvents() {
      @Override
      public void connected() {
        trace.connected();
        events.connected();
      }

      @Override
      public void head(int status, Headers headers) {
        trace.head(status, headers);
        events.head(status, headers);
      }

      @Override
      public void body(ByteBuffer bytes, @Nullable Object token) {
        trace.body(bytes.duplicate());
        events.body(bytes, token);
      }

      @Override
      public void readComplete() {
        events.readComplete();
      }

      @Override
      public void end() {
        events.end();
      }

      @Override
      public void error(IOException error) {
        events.error(error);
      }
    });
  }

  @Override
  public void close() {
    delegate.close();
  }

  /** The transport called {@code name}; only its classes are loaded. */
  static Transport create(String name) {
    switch (name) {
      case "okhttp": return dev.chatwire.transport.okhttp.OkHttpTransport.create();
      case "jdk": return dev.chatwire.transport.jdk.JdkTransport.create();
      default: return dev.chatwire.transport.netty.NettyTransport.create();
    }
  }
}
