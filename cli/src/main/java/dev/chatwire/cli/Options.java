package dev.chatwire.cli;

import dev.chatwire.ChatWire;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The parsed command line; {@link #parse} throws {@link UsageException} for a bad one. */
final class Options {
  static final String HELP = String.join("\n",
      "usage: chatwire [OPTIONS] [PROMPT...]",
      "",
      "Sends PROMPT to an OpenAI-compatible Chat Completions API and prints the answer as it",
      "streams. Without PROMPT, or where a PROMPT word is '-', the prompt is read from",
      "standard input.",
      "",
      "  --base-url URL         API base URL, up to /chat/completions (default $OPENAI_BASE_URL,",
      "                         else " + ChatWire.DEFAULT_BASE_URL + ")",
      "  --model NAME           model (default $CHATWIRE_MODEL, else gpt-4o-mini)",
      "  --key KEY              API key (default $OPENAI_API_KEY; never printed)",
      "  --system TEXT          system message",
      "  --temperature T        sampling temperature",
      "  --max-tokens N         max_tokens of the answer",
      "  -n N                   number of answers (choices)",
      "  --schema FILE          structured answer: FILE holds a JSON Schema (or a json_schema",
      "                         object with name and schema), sent as response_format",
      "  --tool FILE            offer a tool: FILE holds a function definition (name,",
      "                         description, parameters); repeatable; calls print as",
      "                         'tool call: NAME ARGUMENTS'",
      "  --no-stream            one request, one answer (no streaming)",
      "  --json                 print the whole chat.completion JSON instead of the text",
      "  --raw                  print the response body as received (the SSE stream)",
      "  --usage                print the token usage on stderr",
      "  --verbose              print request, status, request id, rate limits, timings on stderr",
      "  --transport NAME       netty (default: starts fastest), jdk or okhttp",
      "  --timeout DURATION     deadline of the whole call and of the wait for the response",
      "                         (default none for the call, 60s for the response)",
      "  --idle-timeout DUR     longest silence inside a stream (default 60s)",
      "  --connect-timeout DUR  longest wait for a connection (default 10s)",
      "  --retries N            retries of connection failures, 408, 409, 429, 5xx (default 2)",
      "  --models               list the server's models (GET {base}/models) and exit",
      "  --help                 this text",
      "  --version              the version",
      "",
      "DURATION: 30s, 500ms, 2m, or a number of seconds.",
      "",
      "Exit status: 0 success; 1 the server answered with an error (HTTP error, error event,",
      "unreadable answer); 2 usage error; 3 connection failed, broke or timed out;",
      "130 interrupted (Ctrl-C).");

  String baseUrl = ChatWire.DEFAULT_BASE_URL;
  @Nullable String key;
  boolean keyFromEnv;
  String model = "gpt-4o-mini";
  @Nullable String system;
  @Nullable Double temperature;
  @Nullable Integer maxTokens;
  @Nullable Integer n;
  @Nullable Path schema;
  final List<Path> tools = new ArrayList<>();
  boolean stream = true;
  boolean json;
  boolean raw;
  boolean usage;
  boolean verbose;
  String transport = "netty";
  @Nullable Duration timeout;
  @Nullable Duration idleTimeout;
  @Nullable Duration connectTimeout;
  @Nullable Integer retries;
  boolean models;
  boolean help;
  boolean version;
  final List<String> words = new ArrayList<>();

  private Options() {}

  static Options parse(String[] args, Map<String, String> env) {
    Options o = new Options();
    String envUrl = env.get("OPENAI_BASE_URL");
    if (envUrl != null && !envUrl.isBlank()) o.baseUrl = envUrl.trim();
    String envKey = env.get("OPENAI_API_KEY");
    if (envKey != null && !envKey.isBlank()) {
      o.key = envKey.trim();
      o.keyFromEnv = true;
    }
    String envModel = env.get("CHATWIRE_MODEL");
    if (envModel != null && !envModel.isBlank()) o.model = envModel.trim();
    Args a = new Args(args);
    while (a.hasNext()) {
      String arg = a.next();
      if (a.onlyWords || !arg.startsWith("-") || arg.equals("-")) {
        o.words.add(arg);
        continue;
      }
      String name = a.name(arg);
      switch (name) {
        case "--": a.onlyWords = true; break;
        case "--base-url": o.baseUrl = a.value(name); break;
        case "--model": o.model = a.value(name); break;
        case "--key": o.key = a.value(name); o.keyFromEnv = false; break;
        case "--system": o.system = a.value(name); break;
        case "--temperature": o.temperature = number(name, a.value(name)); break;
        case "--max-tokens": o.maxTokens = count(name, a.value(name), 1); break;
        case "-n": o.n = count(name, a.value(name), 1); break;
        case "--schema": o.schema = Paths.get(a.value(name)); break;
        case "--tool": o.tools.add(Paths.get(a.value(name))); break;
        case "--no-stream": o.stream = false; break;
        case "--json": o.json = true; break;
        case "--raw": o.raw = true; break;
        case "--usage": o.usage = true; break;
        case "--verbose": case "-v": o.verbose = true; break;
        case "--transport": o.transport = transport(a.value(name)); break;
        case "--timeout": o.timeout = Durations.parse(name, a.value(name)); break;
        case "--idle-timeout": o.idleTimeout = Durations.parse(name, a.value(name)); break;
        case "--connect-timeout": o.connectTimeout = Durations.parse(name, a.value(name)); break;
        case "--retries": o.retries = count(name, a.value(name), 0); break;
        case "--models": o.models = true; break;
        case "--help": case "-h": o.help = true; break;
        case "--version": case "-V": o.version = true; break;
        default: throw new UsageException("unknown option " + name);
      }
      a.noValueLeft(name);
    }
    if (o.json && o.raw) throw new UsageException("--json and --raw cannot be combined");
    return o;
  }

  private static String transport(String name) {
    if (name.equals("jdk") || name.equals("okhttp") || name.equals("netty")) return name;
    throw new UsageException("--transport must be netty, jdk or okhttp, got '" + name + "'");
  }

  private static double number(String option, String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new UsageException(option + " expects a number, got '" + text + "'");
    }
  }

  private static int count(String option, String text, int min) {
    int value;
    try {
      value = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(option + " expects a whole number, got '" + text + "'");
    }
    if (value < min) {
      throw new UsageException(option + " must be at least " + min + ", got " + value);
    }
    return value;
  }

  /** The arguments, with {@code --name=value} split into its name and an inline value. */
  private static final class Args {
    private final String[] args;
    private int i;
    private @Nullable String inline;
    boolean onlyWords;

    Args(String[] args) {
      this.args = args;
    }

    boolean hasNext() {
      return i < args.length;
    }

    String next() {
      return args[i++];
    }

    String name(String arg) {
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 2) {
        inline = arg.substring(eq + 1);
        return arg.substring(0, eq);
      }
      inline = null;
      return arg;
    }

    String value(String name) {
      if (inline != null) {
        String v = inline;
        inline = null;
        return v;
      }
      if (i >= args.length) throw new UsageException(name + " needs a value");
      return args[i++];
    }

    void noValueLeft(String name) {
      if (inline != null) throw new UsageException(name + " takes no value");
    }
  }
}
