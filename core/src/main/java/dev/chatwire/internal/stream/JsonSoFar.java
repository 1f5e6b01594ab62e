package dev.chatwire.internal.stream;

import dev.chatwire.error.DecodeException;
import dev.chatwire.json.PartialJson;
import org.jspecify.annotations.Nullable;

/**
 * A streamed text that should be JSON (a tool call's arguments, a structured answer), kept both
 * as text and in a {@link PartialJson} fed each piece once. Events hold a {@link GrowingText.View}
 * and ask for the partial value lazily: while nothing was appended since the event, the live
 * reader builds it; later, or from another thread, the view is read again by a new reader. Text
 * that stops being a JSON prefix has no partial value from there on. Appending happens on one
 * thread at a time; {@link #valueAt} may come from any thread.
 */
public final class JsonSoFar {
  private final GrowingText text = new GrowingText();
  private final PartialJson reader = new PartialJson();
  private boolean malformed;

  /** Appends a piece; text that is not a JSON prefix is kept as text, without a value. */
  public synchronized void append(String piece) {
    text.append(piece);
    if (malformed) return;
    try {
      reader.append(piece);
    } catch (DecodeException e) {
      malformed = true;
    }
  }

  /** The text so far. */
  public GrowingText.View view() {
    return text.view();
  }

  /** True once the text holds one whole JSON value (and only whitespace after it). */
  public synchronized boolean isComplete() {
    return !malformed && reader.isComplete();
  }

  /**
   * The partial value of the text in {@code view}, a new copy; null when nothing has started
   * or the text is not a JSON prefix.
   */
  public @Nullable Object valueAt(GrowingText.View view) {
    synchronized (this) {
      if (reader.length() == view.length()) return malformed ? null : reader.value();
    }
    PartialJson again = new PartialJson();
    try {
      again.append(view.toString());
    } catch (DecodeException e) {
      return null;
    }
    return again.value();
  }
}
