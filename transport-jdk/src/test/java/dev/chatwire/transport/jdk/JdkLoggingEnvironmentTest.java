package dev.chatwire.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.ChatWire;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.testkit.ChatServer;
import dev.chatwire.testkit.MockResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code CHATWIRE_LOG} in the environment of a fresh JVM turns logging on with no code: the call
 * is logged through {@code java.util.logging}'s default console handler, key hidden.
 */
class JdkLoggingEnvironmentTest {
  private static final String KEY = "ZZenvKEY0123456789";

  /** The child JVM: one call, with a transport found by the ServiceLoader, no listener set. */
  public static void main(String[] args) {
    try (ChatWire c = ChatWire.builder().baseUrl(args[0]).apiKey(KEY).build()) {
      c.chat().create(ChatCompletionRequest.builder().model("gpt-env").addUserMessage("Hi").build());
    }
  }

  @Test
  void theEnvironmentVariableLogsACallOfAClientBuiltWithoutListener() throws Exception {
    try (ChatServer server = ChatServer.start()) {
      server.enqueue(MockResponse.json("{\"id\":\"chatcmpl-9\",\"object\":\"chat.completion\","
          + "\"created\":1,\"model\":\"gpt-env\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
          + "\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],"
          + "\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":1,\"total_tokens\":8}}"));
      String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          JdkLoggingEnvironmentTest.class.getName(), server.url("/v1").toString());
      pb.environment().put("CHATWIRE_LOG", "headers");
      pb.redirectErrorStream(true);
      Process p = pb.start();
      String out = readAll(p.getInputStream());
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

      assertThat(p.exitValue()).as(out).isZero();
      List<String> lines = Arrays.stream(out.split("\\R"))
          .filter(l -> l.contains("[chatwire 1]")).collect(Collectors.toList());
      assertThat(String.join("\n", lines))
          .contains("--> POST " + server.url("/v1/chat/completions") + " model=gpt-env")
          .contains("Authorization: ██")
          .contains("<-- 200")
          .contains("usage=7 in + 1 out = 8 tokens");
      assertThat(out).doesNotContain(KEY);
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    in.transferTo(b);
    return b.toString(StandardCharsets.UTF_8);
  }
}
