package dev.chatwire.compare;

/**
 * A sink that checks the text, finish reason and usage of one stream against the script; it can
 * stamp the arrival time of each token. The text is compared piece by piece as it arrives, not
 * kept: a copy of every stream's text would count against the client's heap per stream (and its
 * allocation per chunk) though the client never made it.
 */
final class Check implements Sink {
  private final Script script;
  /** How much of the script's text the pieces so far matched; -1 once one did not. */
  private int matched;
  private String mismatch = "";
  private final long[] arrivals;
  private int tokens;
  private long firstToken;
  private String finish = "";
  private long prompt = -1;
  private long completion = -1;
  private long total = -1;

  Check(Script script, boolean stampEveryToken) {
    this.script = script;
    this.arrivals = stampEveryToken ? new long[script.chunks] : new long[0];
  }

  @Override
  public void token(String piece) {
    if (piece.isEmpty()) return;
    if (tokens == 0) firstToken = System.nanoTime();
    if (tokens < arrivals.length) arrivals[tokens] = System.nanoTime();
    tokens++;
    if (matched < 0) return;
    if (script.text.startsWith(piece, matched)) {
      matched += piece.length();
    } else {
      mismatch = "piece " + tokens + " differs at char " + matched;
      matched = -1;
    }
  }

  @Override
  public void finish(String reason) {
    finish = reason;
  }

  @Override
  public void usage(long promptTokens, long completionTokens, long totalTokens) {
    prompt = promptTokens;
    completion = completionTokens;
    total = totalTokens;
  }

  long firstToken() {
    return firstToken;
  }

  long[] arrivals() {
    return arrivals;
  }

  /** Throws unless the stream delivered exactly the script. */
  void verify() {
    if (matched != script.text.length()) {
      throw new AssertionError(matched < 0 ? "text differs: " + mismatch
          : "text differs: " + matched + " chars, expected " + script.text.length());
    }
    if (!finish.equals(Script.FINISH_REASON)) throw new AssertionError("finish: " + finish);
    if (prompt != Script.PROMPT_TOKENS || completion != script.completionTokens()
        || total != prompt + completion) {
      throw new AssertionError("usage: " + prompt + "/" + completion + "/" + total);
    }
  }
}
