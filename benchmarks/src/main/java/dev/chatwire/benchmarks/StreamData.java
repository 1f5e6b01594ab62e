package dev.chatwire.benchmarks;

import java.util.Random;

/** A seeded, OpenAI-shaped {@code text/event-stream} body of content chunks. */
final class StreamData {
  private static final String[] WORDS = {
    " the", " a", " stream", " of", " tokens", " arrives", " one", " chunk", " at", " time",
    ",", ".", " model", " answer", " quickly", " and", " keeps", " flowing", " é", " 😀",
    "\\n", " \\\"quoted\\\"", " JSON", " bytes"
  };
  private static final String OBFUSCATION_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789";

  final String sse;
  /** The content the chunks add up to, with JSON escapes resolved. */
  final String content;

  private StreamData(String sse, String content) {
    this.sse = sse;
    this.content = content;
  }

  static StreamData generate(int chunks, boolean obfuscated, Random random) {
    String head = "{\"id\":\"chatcmpl-ABfw2KKFuVXmEJgVwYfBvejMAdWtq\","
        + "\"object\":\"chat.completion.chunk\",\"created\":1727346170,"
        + "\"model\":\"gpt-4o-2024-08-06\","
        + (obfuscated ? "\"service_tier\":\"default\"," : "")
        + "\"system_fingerprint\":\"fp_b40fb1c6fb\",\"choices\":[{\"index\":0,\"delta\":";
    StringBuilder sse = new StringBuilder(chunks * 256);
    StringBuilder content = new StringBuilder();
    event(sse, head, "{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", "null",
        obfuscated, random);
    for (int i = 0; i < chunks; i++) {
      String piece = WORDS[random.nextInt(WORDS.length)];
      if (random.nextInt(4) == 0) piece += WORDS[random.nextInt(WORDS.length)];
      content.append(piece.replace("\\n", "\n").replace("\\\"", "\""));
      event(sse, head, "{\"content\":\"" + piece + "\"}", "null", obfuscated, random);
    }
    event(sse, head, "{}", "\"stop\"", obfuscated, random);
    sse.append("data: [DONE]\n\n");
    return new StreamData(sse.toString(), content.toString());
  }

  private static void event(StringBuilder sse, String head, String delta, String finish,
      boolean obfuscated, Random random) {
    sse.append("data: ").append(head).append(delta)
        .append(",\"logprobs\":null,\"finish_reason\":").append(finish).append("}]");
    if (obfuscated) {
      sse.append(",\"usage\":null,\"obfuscation\":\"");
      for (int i = 2 + random.nextInt(12); i > 0; i--) {
        sse.append(OBFUSCATION_CHARS.charAt(random.nextInt(OBFUSCATION_CHARS.length())));
      }
      sse.append('"');
    }
    sse.append("}\n\n");
  }
}
