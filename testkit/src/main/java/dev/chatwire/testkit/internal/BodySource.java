package dev.chatwire.testkit.internal;

import io.netty.buffer.ByteBuf;

/** The bytes of a scripted response body, produced on demand so a 64 MB body costs no heap. */
public interface BodySource {

  /** The body length in bytes. */
  long length();

  /** Writes {@code count} body bytes starting at {@code offset} into {@code out}. */
  void copyTo(long offset, int count, ByteBuf out);

  /** A body held in memory. */
  static BodySource of(byte[] bytes) {
    return new BodySource() {
      @Override
      public long length() {
        return bytes.length;
      }

      @Override
      public void copyTo(long offset, int count, ByteBuf out) {
        out.writeBytes(bytes, (int) offset, count);
      }
    };
  }

  /** A generated body of {@code length} bytes following {@link Patterns#byteAt}. */
  static BodySource pattern(long length) {
    return new BodySource() {
      @Override
      public long length() {
        return length;
      }

      @Override
      public void copyTo(long offset, int count, ByteBuf out) {
        byte[] scratch = new byte[count];
        Patterns.fill(offset, scratch, 0, count);
        out.writeBytes(scratch);
      }
    };
  }

  /** {@code prefix}, then {@code unit} repeated, {@code length} bytes in all. */
  static BodySource repeating(byte[] prefix, byte[] unit, long length) {
    if (unit.length == 0 || length < prefix.length) {
      throw new IllegalArgumentException("an empty unit or a length shorter than the prefix");
    }
    return new BodySource() {
      @Override
      public long length() {
        return length;
      }

      @Override
      public void copyTo(long offset, int count, ByteBuf out) {
        for (long at = offset, end = offset + count; at < end; at++) {
          out.writeByte(at < prefix.length ? prefix[(int) at] : unit[(int) ((at - prefix.length) % unit.length)]);
        }
      }
    };
  }
}
