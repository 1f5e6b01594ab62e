package dev.chatwire.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatwire.json.ChatJson;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.structured.SampleTypes.Invoice;
import dev.chatwire.structured.SampleTypes.Person;
import dev.chatwire.structured.SampleTypes.Unit;
import dev.chatwire.structured.SampleTypes.Weather;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParseTest {
  static final String WEATHER = "{\"city\":\"Paris\",\"temperature\":21.5,\"unit\":\"CELSIUS\","
      + "\"note\":null,\"humidity\":40,\"hourly\":[1,2]}";

  static ChatCompletion completion(String messageJson, String finishReason) {
    return ChatJson.readCompletion("{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,"
        + "\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":" + messageJson
        + ",\"finish_reason\":\"" + finishReason + "\"}]}");
  }


  static ChatCompletion answer(String json, String finishReason) {
    StringBuilder quoted = new StringBuilder("\"");
    com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(json, quoted);
    return completion("{\"role\":\"assistant\",\"content\":" + quoted + "\"}", finishReason);
  }

  @Test
  void readsARecordWithNullableOptionalEnumAndArray() {
    Weather w = StructuredOutput.parse(answer(WEATHER, "stop"), Weather.class);

    assertThat(w.city()).isEqualTo("Paris");
    assertThat(w.temperature()).isEqualTo(21.5);
    assertThat(w.unit()).isEqualTo(Unit.CELSIUS);
    assertThat(w.note()).isNull();
    assertThat(w.humidity()).isEqualTo(Optional.of(40));
    assertThat(w.hourly()).containsExactly(1, 2);
  }

  @Test
  void readsAPojoWithPrivateFieldsAndNestedRecords() {
    Invoice i = StructuredOutput.parseJson(
        "{\"number\":\"A-1\",\"cents\":1250,\"paid_at\":\"2024-01-02\"}", Invoice.class);
    Person p = StructuredOutput.parseJson("{\"name\":\"Ada\",\"home\":{\"street\":\"S\","
        + "\"city\":\"L\"},\"work\":null,\"previous\":[]}", Person.class);

    assertThat(i.number()).isEqualTo("A-1");
    assertThat(i.cents()).isEqualTo(1250);
    assertThat(i.paidAt()).isEqualTo("2024-01-02");
    assertThat(p.home().city()).isEqualTo("L");
    assertThat(p.work()).isNull();
  }

  @Test
  void aRefusalIsARefusalExceptionWithItsText() {
    ChatCompletion c = completion("{\"role\":\"assistant\",\"content\":null,"
        + "\"refusal\":\"I can't help with that.\"}", "stop");

    assertThatThrownBy(() -> StructuredOutput.parse(c, Weather.class))
        .isInstanceOfSatisfying(RefusalException.class,
            e -> assertThat(e.getRawText()).isEqualTo("I can't help with that."))
        .hasMessage("the model refused to answer");
  }

  @Test
  void aLengthCutOffIsATruncatedOutputExceptionWithThePartialText() {
    String cut = WEATHER.substring(0, 30);
    assertThatThrownBy(() -> StructuredOutput.parse(answer(cut, "length"), Weather.class))
        .isInstanceOfSatisfying(TruncatedOutputException.class,
            e -> assertThat(e.getRawText()).isEqualTo(cut));
  }

  @Test
  void aContentFilterStopIsAContentFilterException() {
    assertThatThrownBy(() -> StructuredOutput.parse(answer("{\"city\":", "content_filter"),
        Weather.class)).isInstanceOf(ContentFilterException.class);
  }

  @Test
  void jsonOfTheWrongShapeIsAnOutputMismatchWithoutThePayloadInTheMessage() {
    String wrong = "{\"city\":\"secret-city\",\"temperature\":\"warm\",\"unit\":\"CELSIUS\","
        + "\"note\":null,\"humidity\":null,\"hourly\":[]}";
    assertThatThrownBy(() -> StructuredOutput.parse(answer(wrong, "stop"), Weather.class))
        .isInstanceOfSatisfying(OutputMismatchException.class,
            e -> assertThat(e.getRawText()).isEqualTo(wrong))
        .hasMessageStartingWith("the answer has a wrong or missing value at $.temperature")
        .message().doesNotContain("warm").doesNotContain("secret-city");
  }

  @Test
  void malformedJsonAndAnUnknownEnumValueAreOutputMismatches() {
    assertThatThrownBy(() -> StructuredOutput.parseJson("{\"city\" \"x\"}", Weather.class))
        .isInstanceOf(OutputMismatchException.class).hasMessageContaining("malformed JSON");
    assertThatThrownBy(() -> StructuredOutput.parseJson(WEATHER.replace("CELSIUS", "KELVIN"),
        Weather.class)).isInstanceOf(OutputMismatchException.class)
        .hasMessageContaining("$.unit");
    assertThatThrownBy(() -> StructuredOutput.parseJson("null", Weather.class))
        .isInstanceOf(OutputMismatchException.class);
  }

  @Test
  void aNullForAPrimitiveIsAMismatch() {
    assertThatThrownBy(() -> StructuredOutput.parseJson(
        WEATHER.replace("21.5", "null"), Weather.class))
        .isInstanceOf(OutputMismatchException.class).hasMessageContaining("temperature");
  }
}
