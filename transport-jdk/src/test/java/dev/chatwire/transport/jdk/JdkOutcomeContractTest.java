package dev.chatwire.transport.jdk;

import dev.chatwire.testkit.OutcomeContract;
import dev.chatwire.transport.Transport;

class JdkOutcomeContractTest extends OutcomeContract {
  @Override
  protected Transport newTransport() {
    return JdkTransport.create();
  }
}
