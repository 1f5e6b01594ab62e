package dev.chatwire.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every transcribed upstream case (see {@code src/test/resources/sse/MANIFEST.md}) across
 * chunkings: whole, one byte at a time, split at every position into two feeds (seeded random
 * splits for inputs of a kilobyte or more), fixed small pieces, the upstream test's own chunks,
 * and through heap and direct {@link java.nio.ByteBuffer}s; plus CR and CRLF variants of every
 * case whose input uses LF only.
 */
class SseConformanceTest {
  static final String[] FILES = {
    "whatwg-html.json",
    "wpt-eventsource.json",
    "okhttp-sse.json",
    "launchdarkly-sse-contract-tests.json",
    "openai-python.json",
    "openai-node.json",
    "openai-java.json",
  };
  private static final int LONG_INPUT = 1024;
  private static final int RANDOM_SPLIT_SEEDS = 32;

  @TestFactory
  Stream<DynamicNode> upstreamCases() {
    List<DynamicNode> files = new ArrayList<>();
    for (String file : FILES) {
      List<DynamicNode> cases = new ArrayList<>();
      for (SseCase c : SseCaseLoader.load(file)) cases.add(caseNode(c));
      files.add(dynamicContainer(file, cases));
    }
    return files.stream();
  }

  @Test
  void manifestNamesEveryCaseOnce() throws IOException {
    String manifest;
    try (InputStream in = getClass().getResourceAsStream("/sse/MANIFEST.md")) {
      manifest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Set<String> names = new HashSet<>();
    for (String file : FILES) {
      assertThat(manifest).contains("`" + file + "`");
      for (SseCase c : SseCaseLoader.load(file)) {
        assertThat(names.add(c.name)).as("duplicate case name %s", c.name).isTrue();
        assertThat(manifest).as("MANIFEST.md row for %s", c.name).contains(c.name);
      }
    }
  }

  private static DynamicNode caseNode(SseCase c) {
    List<DynamicNode> variants = new ArrayList<>();
    variants.add(dynamicContainer("as written", chunkings(c)));
    if (c.lineEndingVariants) {
      variants.add(dynamicContainer("CR line endings", chunkings(c.withLineEnding("\r"))));
      variants.add(dynamicContainer("CRLF line endings", chunkings(c.withLineEnding("\r\n"))));
    }
    return dynamicContainer(c.name, variants);
  }

  private static List<DynamicTest> chunkings(SseCase c) {
    byte[] in = c.input;
    List<DynamicTest> tests = new ArrayList<>();
    tests.add(
        dynamicTest(
            "whole",
            () -> {
              Recorder recorder = new Recorder();
              SseDecoder decoder = new SseDecoder(recorder, c.maxEventSize);
              decoder.feed(in, 0, in.length);
              decoder.end();
              assertThat(recorder.items).as(c.toString()).containsExactlyElementsOf(c.expected);
              if (c.lastEventId != null) {
                assertThat(decoder.getLastEventId()).isEqualTo(c.lastEventId);
              }
            }));
    tests.add(dynamicTest("one byte at a time", () -> check(c, Feeds.every(in.length, 1))));
    tests.add(dynamicTest("pieces of 2 bytes", () -> check(c, Feeds.every(in.length, 2))));
    tests.add(dynamicTest("pieces of 3 bytes", () -> check(c, Feeds.every(in.length, 3))));
    if (in.length < LONG_INPUT) {
      tests.add(
          dynamicTest(
              "split at every position",
              () -> {
                for (int k = 0; k <= in.length; k++) check(c, Feeds.at(k));
              }));
    } else {
      tests.add(
          dynamicTest(
              "seeded random splits",
              () -> {
                for (long seed = 1; seed <= RANDOM_SPLIT_SEEDS; seed++) {
                  check(c, Feeds.random(in.length, seed, (int) (1 + seed * seed % 97)));
                }
              }));
    }
    if (c.upstreamCuts.length > 0) {
      tests.add(dynamicTest("upstream chunks", () -> check(c, c.upstreamCuts)));
    }
    tests.add(
        dynamicTest(
            "direct byte buffers",
            () ->
                assertThat(Feeds.decodeBuffers(in, 7, true, c.maxEventSize).items)
                    .containsExactlyElementsOf(c.expected)));
    tests.add(
        dynamicTest(
            "heap byte buffer slices",
            () ->
                assertThat(Feeds.decodeBuffers(in, 5, false, c.maxEventSize).items)
                    .containsExactlyElementsOf(c.expected)));
    return tests;
  }

  private static void check(SseCase c, int[] cuts) {
    assertThat(Feeds.items(c.input, cuts, c.maxEventSize))
        .as("%s fed with cuts %s", c, Feeds.describe(cuts))
        .containsExactlyElementsOf(c.expected);
  }
}
