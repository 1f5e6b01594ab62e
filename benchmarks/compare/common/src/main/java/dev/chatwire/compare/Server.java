package dev.chatwire.compare;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A chat completions server on 127.0.0.1, one thread per connection, HTTP/1.1 keep-alive, each
 * event one HTTP chunk as OpenAI sends them. The
 * the request's model names what to stream, {@code bench-<chunks>-<pace µs>-<run id>}. Pace 0 writes the whole body as
 * fast as the socket takes it (prebuilt); a pace writes one event at a time and stamps each token
 * event's send time under the run id; run id 0 with a pace joins the streams that one ticker
 * thread advances together (the concurrent streams), and those of a model that ends in
 * {@code -close} close their connection after the response; run id {@link #CLOSE} without a
 * pace closes the connection after the response ({@code Connection: close}), so that the next
 * call connects anew.
 */
final class Server implements AutoCloseable {
  private static final byte[] HEAD = ("HTTP/1.1 200 OK\r\n"
      + "Content-Type: text/event-stream; charset=utf-8\r\n"
      + "Transfer-Encoding: chunked\r\nConnection: keep-alive\r\n"
      + "x-request-id: req_5c1e0b3f0d2a4e7f9b8c6d5e4f3a2b1c\r\nopenai-processing-ms: 120\r\n"
      + "openai-version: 2020-10-01\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  /** The run id that, without a pace, closes the connection after the response. */
  static final long CLOSE = 1;
  /** {@link #HEAD} saying the connection closes after this response. */
  private static final byte[] CLOSING_HEAD = new String(HEAD, StandardCharsets.US_ASCII)
      .replace("Connection: keep-alive", "Connection: close").getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DONE = Script.framed("[DONE]");
  private static final byte[] LAST = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket socket;
  private final Map<Integer, byte[]> bodies = new ConcurrentHashMap<>();
  private final Map<Long, long[]> sendTimes = new ConcurrentHashMap<>();
  private final Queue<Ticked> ticking = new ConcurrentLinkedQueue<>();
  private ScheduledExecutorService ticker;
  private volatile boolean closed;
  private final java.util.concurrent.atomic.AtomicLong accepted = new java.util.concurrent.atomic.AtomicLong();

  /**
   * The connection threads, started before any client runs: starting a thread per accepted
   * connection made the one accepting thread the bottleneck of 1,000 concurrent streams (its
   * thread starts took more CPU than the whole client), which measured the server, not a client.
   */
  private final ThreadPoolExecutor connections = new ThreadPoolExecutor(
      PRESTARTED, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
        Thread t = new Thread(r, "server-conn");
        t.setDaemon(true);
        return t;
      });
  private static final int PRESTARTED = 1_100;
  /** Each paced script's framed events: every ticked stream of a script sends the same bytes. */
  private final Map<Integer, byte[][]> tickedEvents = new ConcurrentHashMap<>();

  Server() throws IOException {
    connections.prestartAllCoreThreads();
    socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2048);
    Thread accept = new Thread(this::accept, "server-accept");
    accept.setDaemon(true);
    accept.start();
  }

  /** Connections accepted so far: how well a client reuses its connections. */
  long accepted() {
    return accepted.get();
  }

  int port() {
    return socket.getLocalPort();
  }

  /** Send times of the token events of a paced run, or null. */
  long[] sendTimes(long runId) {
    return sendTimes.remove(runId);
  }

  private void accept() {
    while (!closed) {
      try {
        Socket s = socket.accept();
        accepted.incrementAndGet();
        s.setTcpNoDelay(true);
        connections.execute(() -> serve(s));
      } catch (IOException e) {
        if (!closed) e.printStackTrace();
      }
    }
  }

  private void serve(Socket s) {
    try (Socket sock = s) {
      InputStream in = new BufferedInputStream(sock.getInputStream());
      OutputStream out = sock.getOutputStream();
      String model;
      while ((model = readRequest(in)) != null) {
        String[] p = model.split("-");
        int chunks = Integer.parseInt(p[1]);
        int pace = Integer.parseInt(p[2]);
        long runId = Long.parseLong(p[3]);
        if (pace == 0) {
          byte[] body = bodies.computeIfAbsent(chunks, Server::body);
          boolean closing = runId == CLOSE;
          out.write(closing ? CLOSING_HEAD : HEAD);
          for (int off = 0; off < body.length; off += 65536) {
            out.write(body, off, Math.min(65536, body.length - off));
          }
          if (closing) break;
        } else if (runId == 0) {
          boolean closing = p.length > 4 && p[4].equals("close");
          ticked(out, new Script(chunks), pace, closing ? CLOSING_HEAD : HEAD);
          if (closing) break;
        } else {
          paced(out, new Script(chunks), pace, runId);
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private void paced(OutputStream out, Script script, int paceMicros, long runId)
      throws IOException {
    long[] sent = new long[script.chunks];
    if (runId > 0) sendTimes.put(runId, sent);
    Random obfuscation = new Random(script.chunks);
    out.write(HEAD);
    out.write(Script.framed(script.event(0, obfuscation)));
    long next = System.nanoTime() + paceMicros * 1000L;
    for (int i = 1; i < script.events(); i++) {
      byte[] event = Script.framed(script.event(i, obfuscation));
      LockSupport.parkNanos(next - System.nanoTime());
      next += paceMicros * 1000L;
      if (i <= script.chunks) sent[i - 1] = System.nanoTime();
      out.write(event);
    }
    out.write(DONE);
    out.write(LAST);
  }

  /**
   * Many paced streams at once: one ticker thread writes the next event of every stream each
   * pace interval, so the server costs one wake-up per interval, not one per stream and event.
   */
  private void ticked(OutputStream out, Script script, int paceMicros, byte[] head)
      throws IOException {
    byte[][] events = tickedEvents.computeIfAbsent(script.chunks, chunks -> {
      Random obfuscation = new Random(chunks);
      byte[][] framed = new byte[script.events()][];
      for (int i = 0; i < framed.length; i++) framed[i] = Script.framed(script.event(i, obfuscation));
      return framed;
    });
    Ticked stream = new Ticked(out, events);
    out.write(head);
    out.write(events[0]);
    synchronized (this) {
      if (ticker == null) {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "server-ticker");
          t.setDaemon(true);
          return t;
        });
        ticker.scheduleAtFixedRate(this::tick, paceMicros, paceMicros, TimeUnit.MICROSECONDS);
      }
    }
    ticking.add(stream);
    try {
      stream.done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (stream.failure != null) throw stream.failure;
  }

  private void tick() {
    for (Iterator<Ticked> it = ticking.iterator(); it.hasNext(); ) {
      Ticked s = it.next();
      try {
        s.out.write(s.events[s.next++]);
        if (s.next < s.events.length) continue;
        s.out.write(DONE);
        s.out.write(LAST);
      } catch (IOException e) {
        s.failure = e;
      }
      it.remove();
      s.done.countDown();
    }
  }

  private static final class Ticked {
    final OutputStream out;
    final byte[][] events;
    final CountDownLatch done = new CountDownLatch(1);
    int next = 1;
    IOException failure;

    Ticked(OutputStream out, byte[][] events) {
      this.out = out;
      this.events = events;
    }
  }

  private static byte[] body(int chunks) {
    Script script = new Script(chunks);
    Random obfuscation = new Random(chunks);
    ByteArrayOutputStream body = new ByteArrayOutputStream(chunks * 330);
    for (int i = 0; i < script.events(); i++) {
      body.writeBytes(Script.framed(script.event(i, obfuscation)));
    }
    body.writeBytes(DONE);
    body.writeBytes(LAST);
    return body.toByteArray();
  }

  /** Reads one request, returns its model, or null at the end of the connection. */
  private static String readRequest(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      head.append((char) c);
      if (c == '\n' && head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
        break;
      }
    }
    if (c == -1) return null;
    String text = head.toString();
    int length = 0;
    boolean chunked = false;
    for (String line : text.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon <= 0) continue;
      String name = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("content-length")) length = Integer.parseInt(value);
      if (name.equalsIgnoreCase("transfer-encoding")) chunked = value.contains("chunked");
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (chunked) {
      while ((length = Integer.parseInt(line(in).trim(), 16)) > 0) {
        body.writeBytes(in.readNBytes(length));
        in.readNBytes(2);
      }
      line(in);
    } else {
      byte[] bytes = in.readNBytes(length);
      if (bytes.length < length) return null;
      body.writeBytes(bytes);
    }
    String json = body.toString(StandardCharsets.UTF_8);
    int at = json.indexOf("\"bench-");
    return json.substring(at + 1, json.indexOf('"', at + 1));
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n') line.append((char) c);
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    if (ticker != null) ticker.shutdownNow();
    connections.shutdownNow();
    socket.close();
  }
}
