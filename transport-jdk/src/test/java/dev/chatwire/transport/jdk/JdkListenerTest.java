package dev.chatwire.transport.jdk;

import dev.chatwire.testkit.ListenerContract;
import dev.chatwire.transport.Transport;

class JdkListenerTest extends ListenerContract {
  @Override
  protected Transport newTransport() {
    return JdkTransport.create();
  }
}
