package dev.chatwire.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatwire.model.ChatMessage;
import dev.chatwire.model.Role;
import dev.chatwire.model.ToolCall;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ToolsTest {
  record GetWeather(@Description("City name") String city, SampleTypes.Unit unit) {}

  record Forecast(String city, double temperature) {}

  /** Tool methods: names from -parameters (this module's build) or from @ToolParam. */
  public static final class Calendar {
    @ToolMethod(description = "Events on a day")
    public List<String> events(@Description("ISO date") String day, @Nullable Integer limit) {
      return limit == null ? List.of(day + ": standup") : List.of(day + ": " + limit);
    }

    @ToolMethod(name = "add_event")
    public String add(@ToolParam("title") String t, Optional<String> place) {
      if (t.isEmpty()) throw new IllegalStateException("a title is needed");
      return "added " + t + place.map(p -> " at " + p).orElse("");
    }
  }

  private final TypedTool<GetWeather> weather =
      TypedTool.of("get_weather", "Current weather", GetWeather.class);

  @Test
  void aTypedToolIsStrictWithTheTypesSchemaAndReadsItsArguments() {
    var function = weather.getTool().getFunction();
    assertThat(function.getName()).isEqualTo("get_weather");
    assertThat(function.getStrict()).isTrue();
    assertThat(function.getParameters()).isEqualTo(StructuredOutput.schema(GetWeather.class));
    assertThat(StrictModeValidator.violations(function.getParameters())).isEmpty();

    GetWeather args = weather.parseArguments(
        ToolCall.function("c1", "get_weather", "{\"city\":\"Oslo\",\"unit\":\"CELSIUS\"}"));
    assertThat(args).isEqualTo(new GetWeather("Oslo", SampleTypes.Unit.CELSIUS));
  }

  @Test
  void malformedArgumentsAreAnOutputMismatchWithTheRawText() {
    assertThatThrownBy(() -> weather.parseArguments(
        ToolCall.function("c1", "get_weather", "{\"city\":\"Os")))
        .isInstanceOfSatisfying(OutputMismatchException.class,
            e -> assertThat(e.getRawText()).isEqualTo("{\"city\":\"Os"))
        .hasMessageStartingWith("the arguments of get_weather is cut off");
  }

  @Test
  void toolMethodsBecomeStrictToolsWithTheirParametersAsArguments() throws Exception {
    Tools tools = Tools.builder().addMethods(new Calendar()).build();
    ObjectMapper json = new ObjectMapper();

    assertThat(tools.getTools()).extracting(t -> t.getFunction().getName())
        .containsExactly("add_event", "events");
    String events = tools.getTools().get(1).getFunction().getParameters();
    assertThat(StrictModeValidator.violations(events)).isEmpty();
    assertThat(json.readTree(events)).isEqualTo(json.readTree("{\"type\":\"object\","
        + "\"properties\":{\"day\":{\"type\":\"string\",\"description\":\"ISO date\"},"
        + "\"limit\":{\"type\":[\"integer\",\"null\"]}},\"required\":[\"day\",\"limit\"],"
        + "\"additionalProperties\":false}"));
    assertThat(json.readTree(tools.getTools().get(0).getFunction().getParameters())
        .path("properties").path("place").path("type").toString())
        .isEqualTo("[\"string\",\"null\"]");
  }

  @Test
  void executingACallGivesAToolMessageWithTheResultAsJson() {
    Tools tools = Tools.builder().addMethods(new Calendar()).build();

    ChatMessage r = tools.execute(ToolCall.function("c7", "events",
        "{\"day\":\"2024-05-01\",\"limit\":null}"), ToolErrorPolicy.STOP);
    ChatMessage s = tools.execute(ToolCall.function("c8", "add_event",
        "{\"title\":\"Lunch\",\"place\":\"Cafe\"}"), ToolErrorPolicy.STOP);

    assertThat(r.getRole()).isEqualTo(Role.TOOL);
    assertThat(r.getToolCallId()).isEqualTo("c7");
    assertThat(r.getContent()).isEqualTo("[\"2024-05-01: standup\"]");
    assertThat(s.getContent()).isEqualTo("added Lunch at Cafe");
  }

  @Test
  void aThrowingToolIsReportedOrStopsAsChosen() {
    Tools tools = Tools.builder().addMethods(new Calendar()).build();
    ToolCall call = ToolCall.function("c9", "add_event", "{\"title\":\"\",\"place\":null}");

    assertThat(tools.execute(call, ToolErrorPolicy.REPORT).getContent())
        .isEqualTo("{\"error\":\"IllegalStateException: a title is needed\"}");
    assertThatThrownBy(() -> tools.execute(call, ToolErrorPolicy.STOP))
        .isInstanceOfSatisfying(ToolExecutionException.class, e -> {
          assertThat(e.getCallId()).isEqualTo("c9");
          assertThat(e.getToolName()).isEqualTo("add_event");
          assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
        });
  }

  @Test
  void anUnknownToolAndUnfitArgumentsAreReportedToTheModel() {
    Tools tools = Tools.builder().add(weather, a -> new Forecast(a.city(), 3.5)).build();

    assertThat(tools.execute(ToolCall.function("a", "nope", "{}"), ToolErrorPolicy.REPORT)
        .getContent()).isEqualTo("{\"error\":\"IllegalArgumentException: no tool is named nope\"}");
    assertThat(tools.execute(ToolCall.function("b", "get_weather", "{\"city\":1"),
        ToolErrorPolicy.REPORT).getContent()).startsWith("{\"error\":\"OutputMismatchException: ");
    assertThat(tools.execute(ToolCall.function("c", "get_weather",
        "{\"city\":\"Rome\",\"unit\":\"CELSIUS\"}"), ToolErrorPolicy.REPORT).getContent())
        .isEqualTo("{\"city\":\"Rome\",\"temperature\":3.5}");
  }

  @Test
  void aResultMessageKeepsAStringAsIsAndWritesOtherValuesAsJson() {
    assertThat(Tools.resultMessage("x", "plain text").getContent()).isEqualTo("plain text");
    assertThat(Tools.resultMessage("x", 42).getContent()).isEqualTo("42");
    assertThat(Tools.resultMessage("x", null).getContent()).isEqualTo("null");
    assertThat(Tools.resultMessage("x", new Forecast("Rome", 1)).getContent())
        .isEqualTo("{\"city\":\"Rome\",\"temperature\":1.0}");
  }

  @Test
  void twoToolsWithOneNameAreRejected() {
    assertThatThrownBy(() -> Tools.builder().add(weather, a -> "1").add(weather, a -> "2"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("two tools are named get_weather");
  }
}
