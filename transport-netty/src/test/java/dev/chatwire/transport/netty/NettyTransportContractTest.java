package dev.chatwire.transport.netty;

import dev.chatwire.testkit.TransportContract;
import dev.chatwire.transport.Transport;

class NettyTransportContractTest extends TransportContract {

  @Override
  protected Transport newTransport() {
    return NettyTransport.create();
  }

  @Override
  protected boolean promisesNoThreadPerStream() {
    return true;
  }
}
