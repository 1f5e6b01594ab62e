package dev.chatwire.transport.jdk;

import dev.chatwire.testkit.EventsContract;
import dev.chatwire.transport.Transport;

class JdkEventsTest extends EventsContract {
  @Override
  protected Transport newTransport() {
    return JdkTransport.create();
  }
}
