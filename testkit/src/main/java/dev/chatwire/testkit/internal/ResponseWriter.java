package dev.chatwire.testkit.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Writes one scripted response on the channel's event loop, never blocking it: body bytes go out
 * only while the channel is writable (so a reader that stops reading stops the writes), and the
 * script's actions run when the writer reaches their offsets.
 */
final class ResponseWriter {
  private static final int CHUNK = 16 * 1024;

  private final ChannelHandlerContext ctx;
  private final ResponseScript script;
  private final ExchangeRecord record;
  private final boolean http2;
  private final boolean closeWhenDone;
  private final Runnable onDone;

  private long offset;
  private int nextAction;
  private boolean headersSent;
  private boolean paused;
  private boolean finished;
  private long throttleLeft;
  private @Nullable ChannelFuture lastWrite;

  ResponseWriter(
      ChannelHandlerContext ctx,
      ResponseScript script,
      ExchangeRecord record,
      boolean http2,
      boolean closeWhenDone,
      Runnable onDone) {
    this.ctx = ctx;
    this.script = script;
    this.record = record;
    this.http2 = http2;
    this.closeWhenDone = closeWhenDone;
    this.onDone = onDone;
    this.throttleLeft = script.throttleBytes;
  }

  /** Starts or continues writing; a no-op while paused or after the end. */
  void pump() {
    if (finished || paused) return;
    if (!headersSent) {
      if (!runActionsAt(Action.BEFORE_HEADERS)) return;
      if (!script.raw) ctx.write(head());
      headersSent = true;
    }
    long length = script.body.length();
    while (true) {
      if (!runActionsAt(offset)) return;
      if (offset == length) {
        finish();
        return;
      }
      if (!ctx.channel().isWritable()) {
        ctx.flush(); // channelWritabilityChanged calls pump() again
        return;
      }
      long limit = nextAction < script.actions.size()
          ? script.actions.get(nextAction).offset
          : length;
      int n = (int) Math.min(CHUNK, limit - offset);
      if (script.throttleBytes > 0) n = (int) Math.min(n, throttleLeft);
      writeChunk(n);
      if (script.throttleBytes > 0 && (throttleLeft -= n) == 0) {
        throttleLeft = script.throttleBytes;
        pauseFor(script.throttleNanos);
        return;
      }
    }
  }

  /** The channel closed: stop, whatever the script still holds. */
  void abort() {
    finished = true;
  }

  /** Writes the whole response past the HTTP encoder (from the first handler), then closes. */
  private void writeChunk(int n) {
    ByteBuf buf = ctx.alloc().buffer(n);
    try {
      script.body.copyTo(offset, n, buf);
    } catch (RuntimeException e) {
      buf.release();
      throw e;
    }
    offset += n;
    // A raw response skips the HTTP encoder: the first handler's context writes to the socket.
    ChannelFuture write = script.raw
        ? ctx.pipeline().firstContext().writeAndFlush(buf)
        : ctx.writeAndFlush(new DefaultHttpContent(buf));
    write.addListener(f -> {
      if (f.isSuccess()) record.addBytesWritten(n);
    });
    lastWrite = write;
  }

  /** Runs the actions at {@code at}; false when writing must stop for now (or for good). */
  private boolean runActionsAt(long at) {
    while (nextAction < script.actions.size() && script.actions.get(nextAction).offset == at) {
      Action action = script.actions.get(nextAction++);
      switch (action.kind) {
        case CLOSE:
          disconnect(false);
          return false;
        case RESET:
          disconnect(true);
          return false;
        case STALL:
          pauseFor(action.nanos);
          return false;
        case AWAIT:
          ctx.flush();
          paused = true;
          action.gate.accept(this::resumeFromAnyThread);
          return false;
      }
    }
    return true;
  }

  private void pauseFor(long nanos) {
    ctx.flush();
    paused = true;
    if (nanos == 0) {
      ctx.executor().execute(this::resume);
    } else {
      ctx.executor().schedule(this::resume, nanos, TimeUnit.NANOSECONDS);
    }
  }

  private void resumeFromAnyThread() {
    try {
      ctx.executor().execute(this::resume);
    } catch (RejectedExecutionException e) {
      // The server is shutting down; nothing is left to write to.
    }
  }

  private void resume() {
    paused = false;
    pump();
  }

  private void disconnect(boolean reset) {
    finished = true;
    Channel connection = http2 ? ctx.channel().parent() : ctx.channel();
    if (reset) {
      connection.config().setOption(ChannelOption.SO_LINGER, 0);
      connection.close();
      return;
    }
    ctx.flush();
    ChannelFuture last = lastWrite;
    if (last == null) {
      connection.close();
    } else {
      last.addListener(f -> connection.close());
    }
  }

  private void finish() {
    finished = true;
    if (script.raw) {
      disconnect(false); // nothing frames a raw response but the end of the connection
      return;
    }
    ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(f -> {
      if (!f.isSuccess()) return;
      record.markWritten();
      if (closeWhenDone || script.closeDelimited && !http2) ctx.channel().close();
      onDone.run();
    });
  }

  private HttpResponse head() {
    HttpResponse head =
        new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(script.status));
    for (int i = 0; i < script.namesAndValues.size(); i += 2) {
      head.headers().add(script.namesAndValues.get(i), script.namesAndValues.get(i + 1));
    }
    boolean framed = head.headers().contains(HttpHeaderNames.CONTENT_LENGTH)
        || head.headers().contains(HttpHeaderNames.TRANSFER_ENCODING);
    if (script.closeDelimited && !http2) {
      head.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      return head;
    }
    if (!framed) {
      if (!script.chunked) {
        head.headers().set(HttpHeaderNames.CONTENT_LENGTH, script.body.length());
      } else if (!http2) {
        head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
      }
    }
    if (closeWhenDone) head.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    return head;
  }
}
