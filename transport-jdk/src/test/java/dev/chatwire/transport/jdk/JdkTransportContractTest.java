package dev.chatwire.transport.jdk;

import dev.chatwire.testkit.TransportContract;
import dev.chatwire.transport.Transport;

class JdkTransportContractTest extends TransportContract {

  @Override
  protected Transport newTransport() {
    return JdkTransport.create();
  }

  @Override
  protected boolean promisesNoThreadPerStream() {
    return true;
  }

  /** java.net.http drops what it decoded from the read that held a broken chunk frame. */
  @Override
  protected boolean keepsBytesReadWithABrokenFrame() {
    return false;
  }
}
