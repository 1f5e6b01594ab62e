package dev.chatwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The structured-output and tool-loop examples run against the testkit and print what they should. */
class StructuredExamplesTest {
  private static String run(java.util.function.Consumer<PrintStream> example) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    example.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  @Test
  void structuredOutputExampleShowsPartialsThenTheAnswer() {
    String out = run(StructuredOutputExample::run);
    assertThat(out).contains("... Recommendation[city=Lis, sights=null, tip=null]",
            "... Recommendation[city=Lisbon, sights=[Al], tip=null]")
        .endsWith("city=Lisbon sights=[Alfama, Belem] tip=null\n");
  }

  @Test
  void toolLoopExampleRunsBothToolsThenAnswers() {
    assertThat(run(ToolLoopExample::run)).isEqualTo("round 1: 1 messages\n"
        + "  get_weather -> Tokyo: 18 C, clear\n"
        + "  local_time -> 21:00\n"
        + "round 2: 4 messages\n"
        + "answer: In Tokyo it is 21:00 and 18 C, clear. (2 rounds)\n");
  }
}
