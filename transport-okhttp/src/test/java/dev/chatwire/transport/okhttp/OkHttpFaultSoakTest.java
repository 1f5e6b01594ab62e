package dev.chatwire.transport.okhttp;

import dev.chatwire.testkit.FaultSoakContract;
import dev.chatwire.transport.Transport;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/** The soak on OkHttp 4 here, and on OkHttp 5 in transport-okhttp5-test, which runs this jar's tests. */
class OkHttpFaultSoakTest extends FaultSoakContract {
  @Override
  protected Transport newTransport() {
    return OkHttpTransport.create();
  }

  /**
   * OkHttp's task runner and Okio's watchdog are one per JVM, shared by every OkHttpClient; they
   * end on their own after 60 s idle.
   */
  @Override
  protected Set<String> sharedThreadPrefixes() {
    return new HashSet<>(Arrays.asList("OkHttp TaskRunner", "Okio Watchdog"));
  }
}
