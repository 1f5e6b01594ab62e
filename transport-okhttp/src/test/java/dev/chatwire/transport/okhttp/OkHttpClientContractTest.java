package dev.chatwire.transport.okhttp;

import dev.chatwire.testkit.ClientContract;
import dev.chatwire.transport.Transport;

class OkHttpClientContractTest extends ClientContract {
  @Override
  protected Transport newTransport() {
    return OkHttpTransport.create();
  }
}
