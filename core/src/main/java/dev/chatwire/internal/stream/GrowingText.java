package dev.chatwire.internal.stream;

/**
 * Text that only grows, such as a streamed tool call's arguments, with snapshots that cost
 * nothing: a {@link View} keeps the array and the length it saw, and since characters below a
 * length are never written again (growing copies into a new array), a view stays valid, and may
 * be read from any thread it was safely handed to, however the text grows afterwards. Appending
 * is not thread-safe.
 */
public final class GrowingText {
  private char[] chars = new char[16];
  private int length;

  /** Appends {@code piece}. */
  public void append(String piece) {
    int n = piece.length();
    if (length + n > chars.length) {
      char[] bigger = new char[Math.max(length + n, chars.length * 2)];
      System.arraycopy(chars, 0, bigger, 0, length);
      chars = bigger;
    }
    piece.getChars(0, n, chars, length);
    length += n;
  }

  /** The length so far. */
  public int length() {
    return length;
  }

  /** The text so far, as an immutable view. */
  public View view() {
    return new View(chars, length);
  }

  /** The text as it was when the view was taken. */
  public static final class View {
    private final char[] chars;
    private final int length;

    View(char[] chars, int length) {
      this.chars = chars;
      this.length = length;
    }

    /** Its length. */
    public int length() {
      return length;
    }

    /** The text, as a new string. */
    @Override
    public String toString() {
      return new String(chars, 0, length);
    }
  }
}
