package dev.chatwire.transport.okhttp;

import dev.chatwire.testkit.FaultSoakContract;
import dev.chatwire.transport.Transport;

class OkHttpFaultSoakTest extends FaultSoakContract {
  @Override
  protected Transport newTransport() {
    return OkHttpTransport.create();
  }
}
