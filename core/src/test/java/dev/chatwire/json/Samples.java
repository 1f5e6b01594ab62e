package dev.chatwire.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Loads the recorded provider payloads in {@code src/test/resources/samples}. */
final class Samples {
  static final String[] COMPLETIONS = {
    "openai-completion-n3.json",
    "openai-completion-tool-call.json",
    "openai-completion-refusal.json",
    "azure-completion-o1-preview.json",
    "vllm-completion-ray-serve.json",
    "llamacpp-completion-timings.json",
  };

  static final String[] STREAMS = {
    "openai-stream-logprobs.jsonl",
    "openai-stream-refusal-logprobs.jsonl",
    "openai-stream-tool-call.jsonl",
    "openai-stream-service-tier-usage.jsonl",
    "azure-stream-async-filter.jsonl",
    "groq-stream-reasoning-error.jsonl",
    "groq-stream-tool-call-usage.jsonl",
    "deepseek-stream-reasoning.jsonl",
    "mistral-stream.jsonl",
    "openrouter-stream-error.jsonl",
    "openrouter-stream-reasoning.jsonl",
    "ollama-stream.jsonl",
    "ollama-chunk-tool-call.json",
    "llamacpp-stream-reasoning-timings.jsonl",
  };

  private Samples() {}

  /** The whole file as UTF-8 text. */
  static String text(String name) {
    try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
      if (in == null) throw new IllegalArgumentException("no sample " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The chunk documents of a stream sample: one per line, or the whole file for a .json. */
  static List<String> chunks(String name) {
    List<String> out = new ArrayList<>();
    if (name.endsWith(".json")) {
      out.add(text(name));
      return out;
    }
    for (String line : text(name).split("\n")) {
      if (!line.isEmpty()) out.add(line);
    }
    return out;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
