package dev.chatwire.cli;

import dev.chatwire.ChatWire;
import dev.chatwire.EventListener;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.model.ResponseFormat;
import dev.chatwire.model.Tool;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * The {@code chatwire} command line tool: sends one prompt to any OpenAI-compatible server and
 * prints the answer as it streams. {@code chatwire --help} lists the options and exit statuses.
 *
 * <pre>
 * chatwire --base-url http://localhost:11434/v1 --model llama3.2 "Why is the sky blue?"
 * echo "Why is the sky blue?" | chatwire --no-stream --usage
 * </pre>
 */
public final class ChatWireCli {
  private static final String SHORT_USAGE =
      "usage: chatwire [OPTIONS] [PROMPT...]   (chatwire --help lists the options)";

  private ChatWireCli() {}

  /**
   * Runs the tool with the process's streams and environment, and exits with its status. Ctrl-C
   * (or SIGTERM) cancels the call, ends the output's line and exits with 130.
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(
        new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 14), false,
        StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
        StandardCharsets.UTF_8);
    Interruption interruption = new Interruption();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (!interruption.interrupt()) return;
      try {
        interruption.awaitEnd(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      out.flush();
      err.flush();
      Runtime.getRuntime().halt(Failures.INTERRUPTED);
    }, "chatwire-interrupt"));
    int status;
    try {
      status = run(args, System.getenv(), System.in, out, err, interruption);
    } catch (RuntimeException e) {
      // A defect of the tool itself: say so, and end at once rather than as an interruption.
      err.println("chatwire: unexpected failure, please report it: " + e);
      e.printStackTrace(err);
      status = Failures.API_ERROR;
    }
    out.flush();
    err.flush();
    if (!interruption.finish()) {
      interruption.ended();
      return;  // the shutdown hook halts with 130
    }
    System.exit(status);
  }

  /** Runs the tool; returns the exit status. */
  static int run(
      String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
    return run(args, env, in, out, err, new Interruption());
  }

  static int run(String[] args, Map<String, String> env, InputStream in, PrintStream out,
      PrintStream err, Interruption interruption) {
    Options o;
    try {
      o = Options.parse(args, env);
    } catch (UsageException e) {
      return usageError(new Terminal(out, err, null), e);
    }
    Terminal terminal = new Terminal(out, err, o.key);
    if (o.help) {
      out.println(Options.HELP);
      return Failures.OK;
    }
    if (o.version) {
      out.println("chatwire " + version());
      return Failures.OK;
    }
    try {
      Trace trace = new Trace(o.raw ? out : null);
      ChatCall call = new ChatCall(o, terminal, trace, interruption);
      ChatCompletionRequest request = o.models ? null
          : call.request(prompt(o, in), o.schema == null ? null : schema(o.schema), tools(o));
      try (TapTransport transport = new TapTransport(TapTransport.create(o.transport), trace)) {
        if (request == null) return new ModelList(o, terminal, interruption).run(transport);
        EventListener listener = o.verbose ? new VerboseListener(terminal, o.transport)
            : EventListener.NONE;
        try (ChatWire client = client(o, transport, listener)) {
          return call.run(client, request);
        }
      }
    } catch (UsageException e) {
      return usageError(terminal, e);
    }
  }

  private static ChatWire client(Options o, TapTransport transport, EventListener listener) {
    try {
      return ChatCall.client(o, transport, listener);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--base-url must be an absolute http(s) URL such as"
          + " http://localhost:11434/v1, got '" + o.baseUrl + "'");
    }
  }

  private static int usageError(Terminal terminal, UsageException e) {
    terminal.error(e.getMessage());
    terminal.info(SHORT_USAGE);
    return Failures.USAGE;
  }

  /** The words of the prompt, with standard input for none or for each {@code -}. */
  static String prompt(Options o, InputStream in) {
    List<String> words = new ArrayList<>(o.words);
    if (words.isEmpty()) words.add("-");
    String stdin = null;
    for (int i = 0; i < words.size(); i++) {
      if (!words.get(i).equals("-")) continue;
      if (stdin == null) stdin = readAll(in).strip();
      words.set(i, stdin);
    }
    String prompt = String.join(" ", words).strip();
    if (prompt.isEmpty()) {
      throw new UsageException("no prompt: give it as arguments or on standard input");
    }
    return prompt;
  }

  private static ResponseFormat schema(Path file) {
    return Json.schemaFormat(String.valueOf(file.getFileName()), read("--schema", file));
  }

  private static List<Tool> tools(Options o) {
    List<Tool> tools = new ArrayList<>();
    for (Path file : o.tools) {
      tools.add(Json.tool(String.valueOf(file.getFileName()), read("--tool", file)));
    }
    return tools;
  }

  private static String read(String option, Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot read " + option + " " + file + " ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  private static String readAll(InputStream in) {
    try {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      in.transferTo(buf);
      return buf.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("could not read the prompt from standard input (" + e + ")");
    }
  }

  static String version() {
    Properties p = new Properties();
    try (InputStream in = ChatWireCli.class.getResourceAsStream("version.properties")) {
      if (in != null) p.load(in);
    } catch (IOException e) {
      // Unknown then.
    }
    @Nullable String v = p.getProperty("version");
    return v == null ? "(unknown version)" : v;
  }
}
