package dev.chatwire.transport.okhttp;

import dev.chatwire.testkit.TransportContract;
import dev.chatwire.transport.Transport;

class OkHttpTransportContractTest extends TransportContract {
  @Override
  protected Transport newTransport() {
    return OkHttpTransport.create();
  }
}
