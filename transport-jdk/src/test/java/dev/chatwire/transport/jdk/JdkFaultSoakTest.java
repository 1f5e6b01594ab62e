package dev.chatwire.transport.jdk;

import dev.chatwire.testkit.FaultMode;
import dev.chatwire.testkit.FaultSoakContract;
import dev.chatwire.transport.Transport;
import java.util.Collections;
import java.util.Map;

class JdkFaultSoakTest extends FaultSoakContract {
  @Override
  protected Transport newTransport() {
    return JdkTransport.create();
  }

  /**
   * Seen in about 1% of streams at 2,000 per run (load 15 on 2 cores), not yet explained:
   * java.net.http sends a request on a pooled connection that closes before any response byte
   * ("HTTP/1.1 header parser received no bytes"); the server had received the request. See
   * docs/RELIABILITY.md.
   */
  @Override
  protected boolean mayLosePooledConnections() {
    return true;
  }

  /**
   * Until branch {@code driver} is merged (issue 12): java.net.http leaks one socket per attempt
   * on a response header over its limit, still open after {@code close()}, GC and 30 s, and the
   * socket keeps the client's selector thread alive; the soak sees both as left behind.
   */
  @Override
  protected Map<FaultMode, String> unsupportedModes() {
    return Collections.singletonMap(FaultMode.OVERSIZED_HEADER,
        "java.net.http leaks a socket per attempt on an oversized header (issue 12; fix on branch driver)");
  }
}
