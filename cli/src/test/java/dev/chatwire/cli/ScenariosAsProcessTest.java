package dev.chatwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.testkit.ChatServer;
import dev.chatwire.testkit.Fault;
import dev.chatwire.testkit.Gate;
import dev.chatwire.testkit.MockResponse;
import dev.chatwire.testkit.RecordedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link Scenario} as a real process ({@code java -cp <test class path>
 * dev.chatwire.cli.ChatWireCli}): exit status, both streams, the key never shown; and Ctrl-C.
 */
@Execution(ExecutionMode.CONCURRENT)
class ScenariosAsProcessTest {
  private static final Duration RUN = Duration.ofSeconds(30);

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.chatwire.cli.Scenario#all")
  void scenario(Scenario scenario) throws Exception {
    try (ChatServer server = ChatServer.start()) {
      if (scenario.response != null) server.enqueue(scenario.response);
      int port = scenario.port(server);
      Spawned p = Spawned.cli(scenario.args.apply(server, port), Scenario.env(server));
      int status = p.await(RUN);
      scenario.verify(port, status, p.out(), p.err());
    }
  }

  @Test
  void sigtermEndsTheStreamCleanlyWithTheInterruptedStatus() throws Exception {
    Gate never = new Gate();
    try (ChatServer server = ChatServer.start()) {
      server.enqueue(MockResponse.sse(Scenario.chunk("Hel"), Scenario.chunk("lo"))
          .faultAtEvent(1, Fault.stallUntil(never)));
      Spawned p = Spawned.cli(List.of("hi"), Scenario.env(server));
      p.awaitStdout("Hel", RUN);
      // SIGTERM runs the same shutdown hook as Ctrl-C's SIGINT; Process.destroy() would also
      // close the pipes, and the last output with them.
      p.process.toHandle().destroy();
      assertThat(p.await(RUN)).isEqualTo(Failures.INTERRUPTED);
      assertThat(p.err()).isEmpty();
      assertThat(p.out()).isEqualTo("Hel\n");
      RecordedRequest request = server.takeRequest(RUN);
      assertThat(request).isNotNull();
      assertThat(request.awaitClosed(RUN)).as("the stream's connection was closed").isTrue();
    } finally {
      never.release();
    }
  }
}
