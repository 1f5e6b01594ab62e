package dev.chatwire.transport.okhttp;

import dev.chatwire.testkit.FaultMode;
import dev.chatwire.testkit.FaultSoakContract;
import dev.chatwire.transport.Transport;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The soak on OkHttp 4 here, and on OkHttp 5 in transport-okhttp5-test, which runs this jar's tests. */
class OkHttpFaultSoakTest extends FaultSoakContract {
  @Override
  protected Transport newTransport() {
    return OkHttpTransport.create();
  }

  /**
   * Until branch {@code driver} is merged (issue 12): a header line without {@code :} throws
   * {@code IllegalArgumentException} on OkHttp's dispatcher thread, uncaught, and the call ends
   * only when the response-headers timer fires, as a {@code ResponseTimeoutException}; a 307 to
   * itself is followed, the POST re-sent, 20 follow-ups per attempt, retried: 63 requests for one
   * call ending as a {@code ConnectionException}.
   */
  @Override
  protected Map<FaultMode, String> unsupportedModes() {
    Map<FaultMode, String> modes = new EnumMap<>(FaultMode.class);
    modes.put(FaultMode.MALFORMED_HEADER, "a header line without ':' fails uncaught on OkHttp's"
        + " dispatcher and ends as a ResponseTimeoutException (issue 12; fix on branch driver)");
    modes.put(FaultMode.REDIRECT_LOOP, "OkHttp follows a 307 to itself, re-sending the POST:"
        + " 63 requests, then a ConnectionException (issue 12; fix on branch driver)");
    return modes;
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
