package dev.chatwire.transport.netty;

import dev.chatwire.testkit.ClientContract;
import dev.chatwire.transport.Transport;

class NettyClientContractTest extends ClientContract {
  @Override
  protected Transport newTransport() {
    return NettyTransport.create();
  }
}
