package dev.chatwire.transport.okhttp;

import dev.chatwire.transport.Headers;
import dev.chatwire.transport.ResponseHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A handler that records calls, body bytes and the threads they ran on. */
final class Recorder implements ResponseHandler {
  final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  final List<Thread> bodyThreads = Collections.synchronizedList(new ArrayList<>());
  final CountDownLatch responded = new CountDownLatch(1);
  final CountDownLatch terminal = new CountDownLatch(1);
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  volatile Headers headers = Headers.EMPTY;
  volatile int status = -1;
  volatile Thread responseThread;
  volatile IOException error;
  volatile Consumer<Recorder> afterResponse = r -> {};
  volatile Consumer<Recorder> afterBody = r -> {};

  @Override
  public void onResponse(int status, Headers headers) {
    this.status = status;
    this.headers = headers;
    this.responseThread = Thread.currentThread();
    calls.add("onResponse(" + status + ")");
    responded.countDown();
    afterResponse.accept(this);
  }

  @Override
  public void onBody(ByteBuffer bytes) {
    bodyThreads.add(Thread.currentThread());
    calls.add("onBody");
    synchronized (body) {
      while (bytes.hasRemaining()) body.write(bytes.get());
    }
    afterBody.accept(this);
  }

  @Override
  public void onComplete() {
    calls.add("onComplete");
    terminal.countDown();
  }

  @Override
  public void onError(IOException error) {
    this.error = error;
    calls.add("onError");
    terminal.countDown();
  }

  String bodyUtf8() {
    synchronized (body) {
      return new String(body.toByteArray(), StandardCharsets.UTF_8);
    }
  }

  boolean awaitResponse(Duration timeout) throws InterruptedException {
    return responded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  boolean awaitTerminal(Duration timeout) throws InterruptedException {
    return terminal.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
