package dev.chatwire.structured;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The types the schema tests derive schemas from. */
final class SampleTypes {
  private SampleTypes() {}

  enum Unit { CELSIUS, FAHRENHEIT }

  enum Mood {
    @JsonProperty("good") GOOD,
    @JsonProperty("bad") BAD
  }

  @Description("The weather in a city")
  record Weather(
      @Description("City name") String city,
      double temperature,
      Unit unit,
      @Nullable String note,
      Optional<Integer> humidity,
      int[] hourly) {}

  record Address(String street, String city) {}

  record Person(String name, Address home, @Nullable Address work, List<Address> previous) {}

  record TreeNode(String label, List<TreeNode> children) {}

  record Collections(List<String> tags, Set<Mood> moods, String[][] grid, List<List<Long>> nested,
      @Nullable List<@Nullable String> maybe) {}

  /** A POJO with private fields, a transient and a static one, and Jackson's description. */
  static final class Invoice {
    static final String IGNORED = "x";
    @JsonPropertyDescription("Invoice number")
    private String number = "";
    private long cents;
    @JsonProperty("paid_at")
    private @Nullable String paidAt;
    private transient String cache = "";

    String number() {
      return number;
    }

    long cents() {
      return cents;
    }

    @Nullable String paidAt() {
      return paidAt;
    }
  }

  record WithMap(String name, Map<String, Integer> scores) {}

  record WithObject(Object anything) {}

  interface Shape {}

  record WithInterface(Shape shape) {}

  record WithListOfMaps(List<Map<String, String>> rows) {}

  record L10(String v) {}
  record L9(L10 next) {}
  record L8(L9 next) {}
  record L7(L8 next) {}
  record L6(L7 next) {}
  record L5(L6 next) {}
  record L4(L5 next) {}
  record L3(L4 next) {}
  record L2(L3 next) {}
  record L1(L2 next) {}
  record L0(L1 next) {}
}
