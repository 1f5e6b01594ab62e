package dev.chatwire.examples;

import dev.chatwire.ChatWire;
import dev.chatwire.error.ChatWireException;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.model.Usage;
import dev.chatwire.stream.ChatStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code chatwire} command line tool: sends one prompt to any OpenAI-compatible server and
 * prints the answer as it streams.
 *
 * <pre>
 * chatwire [--base-url URL] [--model NAME] [--key KEY] [--system TEXT] [--temperature T]
 *          [--max-tokens N] [--no-stream] [--usage] [PROMPT...]
 * </pre>
 *
 * <p>The key defaults to {@code $OPENAI_API_KEY} and the base URL to {@code $OPENAI_BASE_URL} or
 * OpenAI's; without a PROMPT the prompt is read from standard input. Exit status: 0 on success,
 * 1 when the call failed, 2 for a usage error.
 */
public final class ChatWireCli {
  private static final String USAGE =
      "usage: chatwire [--base-url URL] [--model NAME] [--key KEY] [--system TEXT]"
          + " [--temperature T] [--max-tokens N] [--no-stream] [--usage] [PROMPT...]";

  private ChatWireCli() {}

  /** Runs the tool with the process's streams and environment. */
  public static void main(String[] args) {
    int status = run(args, System.getenv(), System.in, System.out, System.err);
    if (status != 0) System.exit(status);
  }

  /** Runs the tool; returns the exit status. */
  static int run(
      String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
    String baseUrl = env.getOrDefault("OPENAI_BASE_URL", ChatWire.DEFAULT_BASE_URL);
    String key = env.get("OPENAI_API_KEY");
    String model = env.getOrDefault("CHATWIRE_MODEL", "gpt-4o-mini");
    String system = null;
    Double temperature = null;
    Integer maxTokens = null;
    boolean stream = true;
    boolean usage = false;
    List<String> words = new ArrayList<>();
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--base-url": baseUrl = value(args, ++i, a); break;
          case "--model": model = value(args, ++i, a); break;
          case "--key": key = value(args, ++i, a); break;
          case "--system": system = value(args, ++i, a); break;
          case "--temperature": temperature = Double.parseDouble(value(args, ++i, a)); break;
          case "--max-tokens": maxTokens = Integer.parseInt(value(args, ++i, a)); break;
          case "--no-stream": stream = false; break;
          case "--usage": usage = true; break;
          case "--help": out.println(USAGE); return 0;
          default:
            if (a.startsWith("--")) throw new IllegalArgumentException("unknown option " + a);
            words.add(a);
        }
      }
      String prompt = words.isEmpty() ? readAll(in).trim() : String.join(" ", words);
      if (prompt.isEmpty()) throw new IllegalArgumentException("no prompt given");
      ChatCompletionRequest.Builder request = ChatCompletionRequest.builder().model(model);
      if (system != null) request.addSystemMessage(system);
      request.addUserMessage(prompt).temperature(temperature).maxTokens(maxTokens);
      try (ChatWire client = ChatWire.builder().baseUrl(baseUrl).apiKey(key).build()) {
        ChatCompletion completion = stream
            ? streamed(client, request.build(), out)
            : client.chat().create(request.build());
        if (!stream) out.print(completion.getChoices().isEmpty() ? ""
            : String.valueOf(completion.getChoices().get(0).getMessage().getContent()));
        out.println();
        Usage u = completion.getUsage();
        if (usage && u != null) {
          err.println("tokens: prompt " + u.getPromptTokens() + ", completion "
              + u.getCompletionTokens() + ", total " + u.getTotalTokens());
        }
      }
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("chatwire: " + e.getMessage());
      err.println(USAGE);
      return 2;
    } catch (ChatWireException e) {
      out.println();
      err.println("chatwire: " + e.getMessage());
      return 1;
    }
  }

  private static ChatCompletion streamed(
      ChatWire client, ChatCompletionRequest request, PrintStream out) {
    try (ChatStream s = client.chat().stream(request)) {
      for (String text : s.textDeltas()) {
        out.print(text);
        out.flush();
      }
      return s.getCompletion();
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
    return args[i];
  }

  private static String readAll(InputStream in) {
    try {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      in.transferTo(buf);
      return buf.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("could not read the prompt from standard input");
    }
  }
}
