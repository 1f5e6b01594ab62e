package dev.chatwire.compare;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * One OpenAI-shaped streamed completion, the same in the server and in every client: a role
 * chunk, one chunk per token with every member OpenAI sends on a content chunk ({@code id},
 * {@code object}, {@code created}, {@code model}, {@code service_tier},
 * {@code system_fingerprint}, {@code choices}, {@code usage: null}, {@code obfuscation}), a
 * finish chunk, a usage chunk and {@code [DONE]}. Tokens are seeded and hold quotes,
 * backslashes, newlines and non-ASCII text.
 */
final class Script {
  static final String FINISH_REASON = "stop";
  static final int PROMPT_TOKENS = 19;
  private static final String[] WORDS = {
    " the", " stream", " of", " tokens", " arrives", ",", ".", " one", " chunk", " at", " a",
    " time", " \"quoted\"", " back\\slash", "\n", " café", " 😀", " 中文", " naïve", " JSON",
    " bytes", "\n\n", " tab\there", " 1,234"
  };
  private static final String OBFUSCATION_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String HEAD = "{\"id\":\"chatcmpl-CJy0rBsHAKXBTyzIV6bFa6XlT0Otn\","
      + "\"object\":\"chat.completion.chunk\",\"created\":1758791761,"
      + "\"model\":\"gpt-4o-2024-08-06\",\"service_tier\":\"default\","
      + "\"system_fingerprint\":\"fp_cbf1785567\",\"choices\":[";

  final int chunks;
  final String[] tokens;
  final String text;

  Script(int chunks) {
    this.chunks = chunks;
    this.tokens = new String[chunks];
    Random random = new Random(chunks);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < chunks; i++) {
      String t = WORDS[random.nextInt(WORDS.length)];
      tokens[i] = t;
      text.append(t);
    }
    this.text = text.toString();
  }

  int completionTokens() {
    return chunks;
  }

  /** The {@code data} payload of event {@code i}: 0 is the role chunk, then the tokens. */
  String event(int i, Random obfuscation) {
    if (i == 0) {
      return content("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", "null",
          obfuscation);
    }
    if (i <= chunks) {
      return content("{\"content\":\"" + escape(tokens[i - 1]) + "\"}", "null", obfuscation);
    }
    if (i == chunks + 1) return content("{}", "\"" + FINISH_REASON + "\"", obfuscation);
    return HEAD + "],\"usage\":{\"prompt_tokens\":" + PROMPT_TOKENS + ",\"completion_tokens\":"
        + chunks + ",\"total_tokens\":" + (PROMPT_TOKENS + chunks) + ",\"prompt_tokens_details\":"
        + "{\"cached_tokens\":0,\"audio_tokens\":0},\"completion_tokens_details\":"
        + "{\"reasoning_tokens\":0,\"audio_tokens\":0,\"accepted_prediction_tokens\":0,"
        + "\"rejected_prediction_tokens\":0}},\"obfuscation\":\"" + pad(obfuscation) + "\"}";
  }

  /** Events in all: role, tokens, finish, usage (then {@code [DONE]}). */
  int events() {
    return chunks + 3;
  }

  /** One SSE event as one HTTP/1.1 chunk. */
  static byte[] framed(String data) {
    byte[] event = ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    byte[] size = (Integer.toHexString(event.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[size.length + event.length + 2];
    System.arraycopy(size, 0, out, 0, size.length);
    System.arraycopy(event, 0, out, size.length, event.length);
    out[out.length - 2] = '\r';
    out[out.length - 1] = '\n';
    return out;
  }

  private static String content(String delta, String finish, Random obfuscation) {
    return HEAD + "{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":"
        + finish + "}],\"usage\":null,\"obfuscation\":\"" + pad(obfuscation) + "\"}";
  }

  private static String pad(Random random) {
    StringBuilder s = new StringBuilder();
    for (int n = 1 + random.nextInt(12); n > 0; n--) {
      s.append(OBFUSCATION_CHARS.charAt(random.nextInt(OBFUSCATION_CHARS.length())));
    }
    return s.toString();
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\t': out.append("\\t"); break;
        default: out.append(c);
      }
    }
    return out.toString();
  }
}
