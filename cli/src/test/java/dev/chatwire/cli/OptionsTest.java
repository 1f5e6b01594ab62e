package dev.chatwire.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {
  private static final Map<String, String> ENV = Map.of(
      "OPENAI_BASE_URL", "http://env.example/v1", "OPENAI_API_KEY", "sk-env", "CHATWIRE_MODEL",
      "env-model");

  @Test
  void defaultsComeFromTheEnvironment() {
    Options o = Options.parse(new String[] {"hi"}, ENV);
    assertThat(o.baseUrl).isEqualTo("http://env.example/v1");
    assertThat(o.key).isEqualTo("sk-env");
    assertThat(o.keyFromEnv).isTrue();
    assertThat(o.model).isEqualTo("env-model");
    assertThat(o.transport).isEqualTo("netty");
    assertThat(o.stream).isTrue();
    assertThat(o.words).containsExactly("hi");
  }

  @Test
  void optionsOverrideTheEnvironmentInBothSpellings() {
    Options o = Options.parse(new String[] {"--base-url=http://x/v1", "--key", "sk-arg",
        "--model", "m", "--system", "be brief", "--temperature", "0.5", "--max-tokens=20",
        "-n", "3", "--transport", "okhttp", "--timeout", "1.5s", "--idle-timeout", "500ms",
        "--connect-timeout=2", "--retries", "0", "--no-stream", "--json", "--usage", "--verbose",
        "why", "blue?"}, ENV);
    assertThat(o.baseUrl).isEqualTo("http://x/v1");
    assertThat(o.key).isEqualTo("sk-arg");
    assertThat(o.keyFromEnv).isFalse();
    assertThat(o.system).isEqualTo("be brief");
    assertThat(o.temperature).isEqualTo(0.5);
    assertThat(o.maxTokens).isEqualTo(20);
    assertThat(o.n).isEqualTo(3);
    assertThat(o.transport).isEqualTo("okhttp");
    assertThat(o.timeout).isEqualTo(Duration.ofMillis(1500));
    assertThat(o.idleTimeout).isEqualTo(Duration.ofMillis(500));
    assertThat(o.connectTimeout).isEqualTo(Duration.ofSeconds(2));
    assertThat(o.retries).isZero();
    assertThat(o.stream).isFalse();
    assertThat(o.json && o.usage && o.verbose).isTrue();
    assertThat(o.words).containsExactly("why", "blue?");
  }

  @Test
  void doubleDashEndsTheOptions() {
    assertThat(Options.parse(new String[] {"--", "--json", "-n"}, Map.of()).words)
        .containsExactly("--json", "-n");
  }

  @Test
  void badCommandLinesSayWhatIsWrong() {
    assertUsage("unknown option --bogus", "--bogus");
    assertUsage("--temperature needs a value", "--temperature");
    assertUsage("--temperature expects a number, got 'warm'", "--temperature", "warm");
    assertUsage("--max-tokens must be at least 1, got 0", "--max-tokens", "0");
    assertUsage("-n expects a whole number, got 'two'", "-n", "two");
    assertUsage("--transport must be netty, jdk or okhttp, got 'curl'", "--transport", "curl");
    assertUsage("--timeout expects a duration such as 30s, 500ms or 2m, got 'soon'",
        "--timeout", "soon");
    assertUsage("--idle-timeout must be a positive duration, got '0s'", "--idle-timeout", "0s");
    assertUsage("--json takes no value", "--json=yes");
    assertUsage("--json and --raw cannot be combined", "--json", "--raw");
  }

  private static void assertUsage(String message, String... args) {
    assertThatThrownBy(() -> Options.parse(args, Map.of()))
        .isInstanceOf(UsageException.class).hasMessage(message);
  }

  @Test
  void durationsReadAndPrintTheWayPeopleWriteThem() {
    assertThat(Durations.parse("x", "2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(Durations.parse("x", "1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parse("x", "250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.format(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(Durations.format(Duration.ofSeconds(2))).isEqualTo("2s");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
    assertThat(Durations.format(Duration.ofMinutes(3))).isEqualTo("3m");
  }

  @Test
  void thePromptJoinsTheWordsAndReadsStandardInputForADash() {
    Options o = Options.parse(new String[] {"summarize:", "-"}, Map.of());
    assertThat(ChatWireCli.prompt(o, stdin("  piped text\n"))).isEqualTo("summarize: piped text");
    Options none = Options.parse(new String[0], Map.of());
    assertThat(ChatWireCli.prompt(none, stdin("only stdin\n"))).isEqualTo("only stdin");
    assertThatThrownBy(() -> ChatWireCli.prompt(none, stdin(" \n")))
        .hasMessage("no prompt: give it as arguments or on standard input");
  }

  private static ByteArrayInputStream stdin(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aSchemaFileIsABareSchemaOrAJsonSchemaObject() {
    assertThat(Json.schemaFormat("person.schema.json", "{\"type\":\"object\"}").getJsonSchema())
        .satisfies(f -> {
          assertThat(f.getName()).isEqualTo("person");
          assertThat(f.getSchema()).isEqualTo("{\"type\":\"object\"}");
        });
    assertThat(Json.schemaFormat("x.json", "{\"name\":\"city\",\"strict\":true,"
        + "\"schema\":{\"type\":\"object\",\"properties\":{}}}").getJsonSchema())
        .satisfies(f -> {
          assertThat(f.getName()).isEqualTo("city");
          assertThat(f.getStrict()).isTrue();
          assertThat(f.getSchema()).isEqualTo("{\"type\":\"object\",\"properties\":{}}");
        });
    assertThatThrownBy(() -> Json.schemaFormat("bad.json", "{\"type\":"))
        .isInstanceOf(UsageException.class).hasMessageStartingWith("--schema bad.json is not valid JSON (line 1");
  }

  @Test
  void aToolFileIsAFunctionOrAWholeTool() {
    assertThat(Json.tool("f.json", "{\"name\":\"f\",\"parameters\":{\"type\":\"object\"}}")
        .getFunction()).satisfies(f -> {
          assertThat(f.getName()).isEqualTo("f");
          assertThat(f.getParameters()).isEqualTo("{\"type\":\"object\"}");
        });
    assertThat(Json.tool("t.json", "{\"type\":\"function\",\"function\":{\"name\":\"g\","
        + "\"strict\":true}}").getFunction()).satisfies(f -> {
          assertThat(f.getName()).isEqualTo("g");
          assertThat(f.getStrict()).isTrue();
        });
    assertThatThrownBy(() -> Json.tool("x.json", "{\"description\":\"no name\"}"))
        .isInstanceOf(UsageException.class).hasMessage("--tool x.json names no function (\"name\")");
  }

  @Test
  void theV1HintAppearsOnlyWhenThePathLacksIt() {
    assertThat(Failures.v1Hint(java.net.URI.create("http://h:1/chat/completions")))
        .isEqualTo("the base URL http://h:1 has no /v1; most servers want --base-url http://h:1/v1");
    assertThat(Failures.v1Hint(java.net.URI.create("http://h:1/api/models")))
        .contains("--base-url http://h:1/api/v1");
    assertThat(Failures.v1Hint(java.net.URI.create("http://h:1/v1/chat/completions"))).isNull();
  }
}
