package dev.chatwire.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtrasGathererTest {
  @Test
  void gathersAsALinkedHashMapWouldWhateverTheNamesRepeat() {
    String[][] cases = {
      {}, {"a"}, {"a", "a"}, {"a", "b"}, {"a", "b", "a"}, {"b", "a", "b", "c"}, {"a", "a", "b"},
    };
    ExtrasGatherer gatherer = new ExtrasGatherer();
    for (String[] names : cases) {
      gatherer.clear();
      Map<String, String> expected = new LinkedHashMap<>();
      for (int i = 0; i < names.length; i++) {
        gatherer.put(names[i], "v" + i);
        expected.put(names[i], "v" + i);
      }
      assertThat(gatherer.copy()).containsExactlyEntriesOf(expected);
    }
  }

  @Test
  void clearStartsAnEmptyObjectAndCopiesStayAsTheyWere() {
    ExtrasGatherer gatherer = new ExtrasGatherer();
    gatherer.put("a", "1");
    gatherer.put("b", "2");
    Map<String, String> first = gatherer.copy();
    gatherer.clear();
    assertThat(gatherer.copy()).isEmpty();
    gatherer.put("c", "3");
    assertThat(gatherer.copy()).containsExactly(entry("c", "3"));
    assertThat(first).containsExactly(entry("a", "1"), entry("b", "2"));
  }
}
