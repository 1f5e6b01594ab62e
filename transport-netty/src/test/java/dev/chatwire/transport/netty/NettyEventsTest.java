package dev.chatwire.transport.netty;

import dev.chatwire.testkit.EventsContract;
import dev.chatwire.transport.Transport;

class NettyEventsTest extends EventsContract {
  @Override
  protected Transport newTransport() {
    return NettyTransport.create();
  }
}
