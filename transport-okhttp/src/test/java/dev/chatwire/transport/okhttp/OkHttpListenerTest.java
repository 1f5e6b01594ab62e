package dev.chatwire.transport.okhttp;

import dev.chatwire.testkit.ListenerContract;
import dev.chatwire.transport.Transport;

class OkHttpListenerTest extends ListenerContract {
  @Override
  protected Transport newTransport() {
    return OkHttpTransport.create();
  }
}
