package dev.chatwire.compare;

/**
 * A sink that keeps the text, finish reason and usage of one stream and checks them against the
 * script; it can stamp the arrival time of each token.
 */
final class Check implements Sink {
  private final Script script;
  private final StringBuilder text = new StringBuilder();
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
    text.append(piece);
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
    if (!text.toString().equals(script.text)) {
      throw new AssertionError("text differs: " + text.length() + " chars, expected "
          + script.text.length());
    }
    if (!finish.equals(Script.FINISH_REASON)) throw new AssertionError("finish: " + finish);
    if (prompt != Script.PROMPT_TOKENS || completion != script.completionTokens()
        || total != prompt + completion) {
      throw new AssertionError("usage: " + prompt + "/" + completion + "/" + total);
    }
  }
}
