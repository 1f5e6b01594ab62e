package dev.chatwire.transport.jdk;

import dev.chatwire.testkit.ClientContract;
import dev.chatwire.transport.Transport;

class JdkClientContractTest extends ClientContract {
  @Override
  protected Transport newTransport() {
    return JdkTransport.create();
  }
}
