package dev.chatwire.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** What a soak did: streams per mode and API, the failures with how to replay them, leftovers. */
final class SoakReport {
  private static final int MAX_FAILURES_SHOWN = 20;

  private final String name;
  private final long seed;
  private final int streams;
  private final Map<FaultMode, String> excluded;
  private final Map<FaultMode, int[]> counts = FaultSoakContract.newCounts(); // blocking, async
  private final Map<FaultMode, Map<String, Integer>> outcomes = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();
  private final List<String> leftovers = new ArrayList<>();

  SoakReport(String name, long seed, int streams, Map<FaultMode, String> excluded) {
    this.name = name;
    this.seed = seed;
    this.streams = streams;
    this.excluded = excluded;
  }

  synchronized void record(int index, SoakScenario s, boolean async, @Nullable String problem) {
    counts.computeIfAbsent(s.mode, m -> new int[2])[async ? 1 : 0]++;
    outcomes.computeIfAbsent(s.mode, m -> new TreeMap<>()).merge(s.actual, 1, Integer::sum);
    if (problem != null) fail(index, s, (async ? "async: " : "blocking: ") + problem);
  }

  synchronized void fail(int index, @Nullable SoakScenario s, String problem) {
    failures.add("stream " + index + " (" + (s == null ? "?" : s.mode + ", " + s.description)
        + "): " + problem);
  }

  synchronized void leftovers(String left) {
    leftovers.add(left);
  }

  synchronized void leftovers(List<String> left) {
    leftovers.addAll(left);
  }

  synchronized List<String> failures() {
    List<String> all = new ArrayList<>(failures);
    all.addAll(leftovers);
    return Collections.unmodifiableList(all);
  }

  synchronized String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(name).append(": ").append(streams).append(" streams, seed ").append(seed)
        .append(" (replay with -Dchatwire.soak.seed=").append(seed).append(" -Dchatwire.soak.streams=")
        .append(streams).append("), ").append(failures.size()).append(" failed");
    for (int i = 0; i < Math.min(MAX_FAILURES_SHOWN, failures.size()); i++) {
      sb.append("\n  ").append(failures.get(i));
    }
    for (String l : leftovers) sb.append("\n  left behind: ").append(l);
    return sb.toString();
  }

  /** Prints the counts per mode as a Markdown table row set, for docs/RELIABILITY.md. */
  synchronized void print() {
    StringBuilder sb = new StringBuilder(summary()).append('\n');
    sb.append("| mode | blocking | async | outcomes | result |\n| --- | --- | --- | --- | --- |\n");
    for (FaultMode mode : FaultMode.values()) {
      String why = excluded.get(mode);
      int[] c = counts.getOrDefault(mode, new int[2]);
      sb.append("| ").append(mode).append(" | ").append(c[0]).append(" | ").append(c[1]).append(" | ")
          .append(outcomes.getOrDefault(mode, Collections.emptyMap()).toString().replaceAll("[{}]", "")
              .replace("=", ": "))
          .append(" | ")
          .append(why != null ? "excluded: " + why : failuresOf(mode) == 0 ? "as promised" : failuresOf(mode) + " failed")
          .append(" |\n");
    }
    System.out.println(sb);
  }

  private int failuresOf(FaultMode mode) {
    int n = 0;
    for (String f : failures) if (f.contains("(" + mode + ",")) n++;
    return n;
  }
}
