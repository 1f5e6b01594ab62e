package dev.chatwire.transport.netty.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The connections to one address: idle keep-alive connections (the most recently used is reused
 * first), a limit on how many exist at once, and the exchanges waiting for one in arrival order.
 * A connection goes back to the pool only after a fully read response; an idle one closes after
 * the idle timeout or when the server closes it. Thread-safe: state is guarded by this pool's
 * lock, and no callback runs while it is held.
 */
final class HostPool {
  private final Address address;
  private final Connector connector;
  private final int maxConnections;
  private final long idleTimeoutNanos;

  // Guarded by this.
  private final ArrayDeque<Connection> idle = new ArrayDeque<>();
  private final ArrayDeque<NettyWire> waiters = new ArrayDeque<>();
  private final Set<Connection> all = new HashSet<>();
  private int open;
  private boolean closed;

  HostPool(Address address, Connector connector, int maxConnections, long idleTimeoutNanos) {
    this.address = address;
    this.connector = connector;
    this.maxConnections = maxConnections;
    this.idleTimeoutNanos = idleTimeoutNanos;
  }

  /** Finds {@code exchange} a connection: an idle one, a new one, or the next one released. */
  void acquire(NettyWire exchange) {
    Connection reused = null;
    boolean connect = false;
    List<Connection> dead = null;
    synchronized (this) {
      if (!closed) {
        Connection c;
        while ((c = idle.pollFirst()) != null) {
          stopIdleTimer(c);
          if (c.channel().isActive()) {
            reused = c;
            break;
          }
          if (dead == null) dead = new ArrayList<>(1);
          dead.add(c);
        }
        if (reused == null) {
          if (open < maxConnections) {
            open++;
            connect = true;
          } else {
            waiters.addLast(exchange);
          }
        }
      }
    }
    if (dead != null) {
      for (Connection c : dead) c.close();
    }
    if (reused != null) {
      exchange.acquired(reused);
    } else if (connect) {
      connect(exchange);
    } else if (isClosed()) {
      exchange.failed(new IOException("transport closed"));
    }
  }

  /** Forgets a waiting exchange that was cancelled. */
  synchronized void abandon(NettyWire exchange) {
    waiters.remove(exchange);
  }

  /** Takes back a connection after a fully read response, or closes it if it cannot be reused. */
  void release(Connection c, boolean reusable) {
    NettyWire next = null;
    boolean keep = false;
    synchronized (this) {
      if (reusable && !closed && c.channel().isActive()) {
        keep = true;
        next = waiters.pollFirst();
        if (next == null) {
          idle.addFirst(c);
          c.idleTimer = c.channel().eventLoop()
              .schedule(() -> expire(c), idleTimeoutNanos, TimeUnit.NANOSECONDS);
        }
      }
    }
    if (!keep) {
      c.channel().close();
    } else if (next != null) {
      next.acquired(c);
    } else {
      c.channel().read(); // notices the server closing it while it is idle
    }
  }

  /** A connection closed or failed to open: it no longer counts against the limit. */
  void gone(Connection c) {
    if (!c.markGone()) return;
    NettyWire next = null;
    synchronized (this) {
      open--;
      all.remove(c);
      if (idle.remove(c)) stopIdleTimer(c);
      if (!closed && open < maxConnections) {
        next = waiters.pollFirst();
        if (next != null) open++;
      }
    }
    if (next != null) connect(next);
  }

  /** Closes every connection, idle or busy, and fails the exchanges still waiting. */
  void close() {
    List<Connection> connections;
    List<NettyWire> waiting;
    synchronized (this) {
      closed = true;
      connections = new ArrayList<>(all);
      waiting = new ArrayList<>(waiters);
      waiters.clear();
      for (Connection c : idle) stopIdleTimer(c);
      idle.clear();
    }
    for (Connection c : connections) c.close();
    for (NettyWire e : waiting) e.failed(new IOException("transport closed"));
  }

  private synchronized boolean isClosed() {
    return closed;
  }

  private void connect(NettyWire exchange) {
    Connection c = new Connection(this);
    synchronized (this) {
      all.add(c);
    }
    connector.connect(address, c, failure -> {
      if (failure == null && isClosed()) {
        c.close();
        exchange.failed(new IOException("transport closed"));
      } else if (failure == null) {
        exchange.acquired(c);
      } else {
        gone(c);
        exchange.failed(failure);
      }
    });
  }

  private void expire(Connection c) {
    boolean expired;
    synchronized (this) {
      expired = idle.remove(c);
      if (expired) c.idleTimer = null;
    }
    if (expired) c.channel().close();
  }

  private static void stopIdleTimer(Connection c) {
    if (c.idleTimer != null) {
      c.idleTimer.cancel(false);
      c.idleTimer = null;
    }
  }
}
