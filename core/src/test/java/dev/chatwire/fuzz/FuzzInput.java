package dev.chatwire.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the fuzz targets read their input, so that a seed file is a readable document: byte 0
 * chooses a variant (such as how to split the bytes), the rest is the payload. Several documents
 * in one input are separated by 0xFF, a byte that valid UTF-8, and so valid JSON, never holds.
 */
final class FuzzInput {
  static final byte SEPARATOR = (byte) 0xFF;
  /** Inputs longer than this are cut: the targets test behaviour, not the JVM's heap. */
  static final int MAX_LENGTH = 64 * 1024;
  /** Documents after this many are dropped: thousands of empty ones would only slow fuzzing. */
  static final int MAX_DOCUMENTS = 64;

  private FuzzInput() {}

  /** The control byte of {@code input}, 0 when empty. */
  static int control(byte[] input) {
    return input.length == 0 ? 0 : input[0] & 0xFF;
  }

  /** The payload: everything after the control byte, at most {@link #MAX_LENGTH} bytes. */
  static byte[] payload(byte[] input) {
    if (input.length <= 1) return new byte[0];
    return Arrays.copyOfRange(input, 1, Math.min(input.length, MAX_LENGTH + 1));
  }

  /** The first {@link #MAX_DOCUMENTS} documents of {@code payload}, split at {@link #SEPARATOR}. */
  static List<byte[]> documents(byte[] payload) {
    List<byte[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= payload.length && out.size() < MAX_DOCUMENTS; i++) {
      if (i == payload.length || payload[i] == SEPARATOR) {
        out.add(Arrays.copyOfRange(payload, start, i));
        start = i + 1;
      }
    }
    return out;
  }
}
