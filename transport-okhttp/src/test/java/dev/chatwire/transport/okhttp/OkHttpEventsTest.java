package dev.chatwire.transport.okhttp;

import dev.chatwire.testkit.EventsContract;
import dev.chatwire.transport.Transport;

class OkHttpEventsTest extends EventsContract {
  @Override
  protected Transport newTransport() {
    return OkHttpTransport.create();
  }
}
