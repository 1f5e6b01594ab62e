package dev.chatwire.transport.netty;

import dev.chatwire.testkit.ListenerContract;
import dev.chatwire.transport.Transport;

class NettyListenerTest extends ListenerContract {
  @Override
  protected Transport newTransport() {
    return NettyTransport.create();
  }
}
