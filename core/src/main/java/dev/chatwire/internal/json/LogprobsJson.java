package dev.chatwire.internal.json;

import dev.chatwire.model.Logprobs;
import dev.chatwire.model.TokenLogprob;
import dev.chatwire.model.TopLogprob;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads and writes {@link Logprobs} with its token entries. */
final class LogprobsJson {
  private LogprobsJson() {}

  /** Reads the current logprobs object, or null for JSON null. */
  static @Nullable Logprobs readOrNull(JsonIn in) {
    if (in.isNull()) return null;
    in.requireObject();
    Logprobs.Builder b = Logprobs.builder();
    for (String name; (name = in.nextField()) != null; ) {
      switch (name) {
        case "content":
          b.content(tokens(in));
          break;
        case "refusal":
          b.refusal(tokens(in));
          break;
        default:
          b.putExtra(name, in.raw());
      }
    }
    return b.build();
  }

  private static @Nullable List<TokenLogprob> tokens(JsonIn in) {
    if (!in.beginArrayOrNull()) return null;
    List<TokenLogprob> list = new ArrayList<>();
    while (in.nextElement()) list.add(token(in));
    return list;
  }

  private static TokenLogprob token(JsonIn in) {
    return entry(in, true);
  }

  // An entry of the top list has the same members but its own top list; one is kept raw.
  private static TopLogprob top(JsonIn in) {
    TokenLogprob t = entry(in, false);
    return TopLogprob.builder().token(t.getToken()).logprob(t.getLogprob()).bytes(t.getBytes())
        .extras(t.getExtras()).build();
  }

  private static TokenLogprob entry(JsonIn in, boolean withTop) {
    in.requireObject();
    TokenLogprob.Builder b = TokenLogprob.builder();
    for (String name; (name = in.nextField()) != null; ) {
      switch (name) {
        case "token":
          b.token(text(in));
          break;
        case "logprob":
          b.logprob(number(in));
          break;
        case "bytes":
          b.bytes(ValueJson.intList(in));
          break;
        case "top_logprobs":
          if (!withTop) {
            b.putExtra(name, in.raw());
          } else if (in.beginArrayOrNull()) {
            while (in.nextElement()) b.addTopLogprob(top(in));
          }
          break;
        default:
          b.putExtra(name, in.raw());
      }
    }
    return b.build();
  }

  private static String text(JsonIn in) {
    String s = in.stringOrNull();
    return s == null ? "" : s;
  }

  private static double number(JsonIn in) {
    Double d = in.doubleOrNull();
    return d == null ? 0 : d;
  }

  /** Writes {@code "logprobs": {...}}, or {@code null} when absent and {@code nullWhenAbsent}. */
  static void write(JsonOut out, @Nullable Logprobs logprobs, boolean nullWhenAbsent) {
    if (logprobs == null) {
      if (nullWhenAbsent) out.nullField("logprobs");
      return;
    }
    out.field("logprobs");
    out.startObject();
    writeTokens(out, "content", logprobs.getContent());
    writeTokens(out, "refusal", logprobs.getRefusal());
    out.extras(logprobs.getExtras());
    out.endObject();
  }

  private static void writeTokens(JsonOut out, String name, @Nullable List<TokenLogprob> list) {
    if (list == null) {
      out.nullField(name);
      return;
    }
    out.field(name);
    out.startArray();
    for (TokenLogprob t : list) {
      out.startObject();
      writeEntry(out, t.getToken(), t.getLogprob(), t.getBytes());
      out.field("top_logprobs");
      out.startArray();
      for (TopLogprob top : t.getTopLogprobs()) {
        out.startObject();
        writeEntry(out, top.getToken(), top.getLogprob(), top.getBytes());
        out.extras(top.getExtras());
        out.endObject();
      }
      out.endArray();
      out.extras(t.getExtras());
      out.endObject();
    }
    out.endArray();
  }

  private static void writeEntry(
      JsonOut out, String token, double logprob, @Nullable List<Integer> bytes) {
    out.string("token", token);
    out.number("logprob", logprob);
    ValueJson.writeIntList(out, "bytes", bytes);
  }
}
