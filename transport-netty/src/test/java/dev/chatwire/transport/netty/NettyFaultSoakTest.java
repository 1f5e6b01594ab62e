package dev.chatwire.transport.netty;

import dev.chatwire.testkit.FaultSoakContract;
import dev.chatwire.transport.Transport;

class NettyFaultSoakTest extends FaultSoakContract {
  @Override
  protected Transport newTransport() {
    return NettyTransport.create();
  }
}
