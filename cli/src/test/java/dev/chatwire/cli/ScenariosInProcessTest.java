package dev.chatwire.cli;

import dev.chatwire.testkit.ChatServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@link Scenario}, run in this JVM through {@code ChatWireCli.run}. */
class ScenariosInProcessTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.chatwire.cli.Scenario#all")
  void scenario(Scenario scenario) {
    try (ChatServer server = ChatServer.start()) {
      if (scenario.response != null) server.enqueue(scenario.response);
      int port = scenario.port(server);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status = ChatWireCli.run(scenario.args.apply(server, port).toArray(new String[0]),
          Scenario.env(server), new ByteArrayInputStream(new byte[0]),
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      scenario.verify(port, status, out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    }
  }
}
