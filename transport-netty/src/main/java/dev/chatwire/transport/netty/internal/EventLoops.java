package dev.chatwire.transport.netty.internal;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/** The event loop group a transport owns, and the socket channel class that fits a group. */
public final class EventLoops {
  private EventLoops() {}

  /** A NIO group of {@code threads} daemon threads named {@code chatwire-netty-…}. */
  public static EventLoopGroup newGroup(int threads) {
    return new NioEventLoopGroup(threads, new DefaultThreadFactory("chatwire-netty", true));
  }

  /**
   * The socket channel class for {@code group}: the native one for Netty's epoll, kqueue and
   * io_uring groups (looked up by name, so this module needs none of them), NIO otherwise.
   */
  public static Class<? extends Channel> socketChannelFor(EventLoopGroup group) {
    String type = group.getClass().getName();
    String channel = null;
    if (type.startsWith("io.netty.channel.epoll.")) {
      channel = "io.netty.channel.epoll.EpollSocketChannel";
    } else if (type.startsWith("io.netty.channel.kqueue.")) {
      channel = "io.netty.channel.kqueue.KQueueSocketChannel";
    } else if (type.startsWith("io.netty.incubator.channel.uring.")) {
      channel = "io.netty.incubator.channel.uring.IOUringSocketChannel";
    }
    if (channel != null) {
      try {
        return Class.forName(channel, false, group.getClass().getClassLoader())
            .asSubclass(Channel.class);
      } catch (ClassNotFoundException | ClassCastException e) {
        // Fall back to NIO; registering will then say the group does not fit.
      }
    }
    return NioSocketChannel.class;
  }
}
