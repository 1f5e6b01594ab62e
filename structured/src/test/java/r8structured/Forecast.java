package r8structured;

import dev.chatwire.structured.Description;
import java.util.List;

/** The app's answer type: a plain class, as an Android app (no records) would write it. */
@Description("A forecast")
public final class Forecast {
  /** A unit. */
  public enum Unit { CELSIUS, FAHRENHEIT }

  @Description("City name")
  private String city = "";
  private Unit unit = Unit.CELSIUS;
  private List<Integer> highs = java.util.Collections.emptyList();

  String city() {
    return city;
  }

  Unit unit() {
    return unit;
  }

  List<Integer> highs() {
    return highs;
  }
}
