package dev.chatwire.transport.okhttp5;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OkHttp5VersionTest {
  @Test
  void runsOnOkHttp5() throws ReflectiveOperationException {
    // Read at run time: the constant would be inlined at compile time.
    Object version = Class.forName("okhttp3.OkHttp").getField("VERSION").get(null);

    assertThat(version).asString().startsWith("5.");
  }

  @Test
  void okHttp4IsNotOnTheClassPath() {
    assertThat(getClass().getClassLoader().getResource("okhttp3/OkHttpClient.class"))
        .isNotNull();
    assertThat(System.getProperty("java.class.path")).doesNotContain("okhttp-4.");
  }
}
