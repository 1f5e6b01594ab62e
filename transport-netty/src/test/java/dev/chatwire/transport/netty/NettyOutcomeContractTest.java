package dev.chatwire.transport.netty;

import dev.chatwire.testkit.OutcomeContract;
import dev.chatwire.transport.Transport;

class NettyOutcomeContractTest extends OutcomeContract {
  @Override
  protected Transport newTransport() {
    return NettyTransport.create();
  }
}
