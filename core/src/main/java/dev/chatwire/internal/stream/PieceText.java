package dev.chatwire.internal.stream;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Text that a stream sends in pieces (a message's content, a function call's arguments), kept so
 * that each character is copied into new memory twice in all: pieces are appended to a builder
 * that is emptied into a block string every {@value #BLOCK} characters and then reused, and the
 * blocks are joined once into the text. One growing {@link StringBuilder} copies each character
 * three to five times (it doubles as it grows, and is copied once more into the final string),
 * which was a fifth of the bytes a stream allocated per chunk. Not thread-safe.
 */
final class PieceText {
  /** The builder's length at which it is emptied into a block. */
  static final int BLOCK = 512;

  private final StringBuilder current = new StringBuilder(32);
  private String @Nullable [] blocks;
  private int blockCount;

  /** Appends {@code piece}. */
  void append(String piece) {
    if (piece.length() >= BLOCK) {
      // A large piece (audio, a tool's whole arguments) is a block of its own, not copied.
      flush();
      addBlock(piece);
      return;
    }
    current.append(piece);
    if (current.length() >= BLOCK) flush();
  }

  /** The text so far; the blocks it joined are then held as that one string. */
  String text() {
    if (blocks == null) return current.toString();
    flush();
    String[] b = blocks;
    if (b == null) throw new IllegalStateException("no block");
    if (blockCount > 1) {
      String all = String.join("", blockCount == b.length ? b : Arrays.copyOf(b, blockCount));
      Arrays.fill(b, 1, blockCount, null);
      b[0] = all;
      blockCount = 1;
    }
    return b[0];
  }

  private void flush() {
    if (current.length() == 0) return;
    addBlock(current.toString());
    current.setLength(0);
  }

  private void addBlock(String block) {
    String[] b = blocks;
    if (b == null) {
      b = blocks = new String[4];
    } else if (blockCount == b.length) {
      b = blocks = Arrays.copyOf(b, blockCount * 2);
    }
    b[blockCount++] = block;
  }
}
