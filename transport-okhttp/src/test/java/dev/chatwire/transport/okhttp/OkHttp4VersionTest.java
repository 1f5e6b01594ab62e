package dev.chatwire.transport.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OkHttp4VersionTest {
  @Test
  void runsOnOkHttp412() throws ReflectiveOperationException {
    // Read at run time: the constant would be inlined at compile time.
    Object version = Class.forName("okhttp3.OkHttp").getField("VERSION").get(null);

    assertThat(version).asString().startsWith("4.12.");
  }
}
