package dev.chatwire.transport.okhttp;

import dev.chatwire.testkit.OutcomeContract;
import dev.chatwire.transport.Transport;

class OkHttpOutcomeContractTest extends OutcomeContract {
  @Override
  protected Transport newTransport() {
    return OkHttpTransport.create();
  }
}
