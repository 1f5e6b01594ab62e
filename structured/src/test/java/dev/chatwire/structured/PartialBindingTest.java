package dev.chatwire.structured;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.json.PartialJson;
import dev.chatwire.structured.SampleTypes.Address;
import dev.chatwire.structured.SampleTypes.Person;
import dev.chatwire.structured.SampleTypes.Weather;
import dev.chatwire.structured.internal.Binding;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every prefix of an answer binds into its type without throwing, each partial object agrees
 * with the final one, and the last partial equals the strict parse of the whole text.
 */
class PartialBindingTest {
  private static List<Person> partials(String json) {
    PartialJson reader = new PartialJson();
    List<Person> seen = new ArrayList<>();
    for (int i = 0; i < json.length(); i++) {
      reader.append(json.substring(i, i + 1));
      Person p = Binding.readPartial(reader.value(), Person.class);
      if (p != null) seen.add(p);
    }
    return seen;
  }

  private static String person(Random random) {
    StringBuilder previous = new StringBuilder("[");
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      if (i > 0) previous.append(',');
      previous.append("{\"street\":\"").append(words(random)).append("\",\"city\":\"")
          .append(words(random)).append("\"}");
    }
    return "{\"name\":\"" + words(random) + "\",\"home\":{\"street\":\"" + words(random)
        + "\",\"city\":\"" + words(random) + "\"},\"work\":"
        + (random.nextBoolean() ? "null" : "{\"street\":\"\\u00e9 " + words(random)
        + "\",\"city\":\"x\"}") + ",\"previous\":" + previous + "]}";
  }

  private static String words(Random random) {
    StringBuilder sb = new StringBuilder();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) sb.append(i == 0 ? "" : " ").append("w").append(random.nextInt(999));
    return sb.toString();
  }

  @Test
  void everyPrefixOfGeneratedAnswersBindsConsistently() {
    Random random = new Random(11);
    for (int d = 0; d < 200; d++) {
      String json = person(random);
      Person whole = StructuredOutput.parseJson(json, Person.class);
      List<Person> seen = partials(json);

      assertThat(seen).as(json).isNotEmpty();
      assertThat(seen.get(seen.size() - 1)).as(json).isEqualTo(whole);
      for (Person p : seen) {
        if (p.name() != null) assertThat(whole.name()).as(json).startsWith(p.name());
        if (p.home() != null && p.home().street() != null) {
          assertThat(whole.home().street()).as(json).startsWith(p.home().street());
        }
        if (p.previous() != null) {
          assertThat(p.previous().size()).as(json).isLessThanOrEqualTo(whole.previous().size());
          for (int i = 0; i < p.previous().size(); i++) {
            Address a = p.previous().get(i);
            if (a != null && a.city() != null) {
              assertThat(whole.previous().get(i).city()).as(json).startsWith(a.city());
            }
          }
        }
      }
    }
  }

  @Test
  void aHalfWrittenEnumOrNumberIsLeftOutNotAFailure() {
    PartialJson reader = new PartialJson();
    reader.append("{\"city\":\"Rome\",\"temperature\":21.");
    Weather w = Binding.readPartial(reader.value(), Weather.class);
    assertThat(w.city()).isEqualTo("Rome");
    assertThat(w.temperature()).isZero();
    reader.append("5,\"unit\":\"CELS");
    Weather x = Binding.readPartial(reader.value(), Weather.class);
    assertThat(x.temperature()).isEqualTo(21.5);
    assertThat(x.unit()).isNull();
  }
}
